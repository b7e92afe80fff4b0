// Typst through its Node compiler package, driven as bench/peers/typst.js drives it (Tinos
// only), for the bench: a warm compiler in-process, or a whole process per PDF.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inlineRuns } from './peers/reference-text.js';
import { SETTING } from './peers/setting.js';
import { typstSource } from './peers/typst.js';
import { plainText } from './baseline.js';

const require = createRequire(import.meta.url);

/** The Typst source of release data: its title and body paragraphs, bold runs kept. */
export function typstOf(data) {
  const { paragraphs } = plainText({ ...data, title: '' });
  const body = data.body.trim().split(/\n\s*\n/).map((p, i) => inlineRuns(p.replace(/\s*\n\s*/g, ' ').replace(/(?<!\*)\*(?!\*)/g, '')) ?? paragraphs[i]);
  return typstSource({ title: inlineRuns(data.title), paragraphs: body });
}

/** A compiler with the Tinos faces loaded, or null when the package is not installed. */
export function typstCompiler() {
  try {
    const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
    const fontBlobs = Object.values(SETTING.fonts).map((file) => readFileSync(file));
    return NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
  } catch {
    return null;
  }
}

export function typstVersion() {
  try {
    return require('@myriaddreamin/typst-ts-node-compiler/package.json').version;
  } catch {
    return null;
  }
}
