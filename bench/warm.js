#!/usr/bin/env node
// Parts (a) and (b) of the bench, in one warm process: per round, four fresh releases go to
// pressroom PDF, EPUB, both, and the plain PDFKit baseline (and Typst warm), interleaved so
// that load from other processes hits all alike. Prints JSON: the times of every round.
// usage: node bench/warm.js CORPUS_DIR ROUNDS
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { plainPdf, plainText } from './baseline.js';
import { timed } from './stats.js';
import { typstCompiler, typstOf } from './typst.js';

const [dir, roundsArg] = process.argv.slice(2);
const rounds = Number(roundsArg ?? 30);
const WARM_UP = 4;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
if (files.length < (rounds + WARM_UP) * 4) throw new Error(`need ${(rounds + WARM_UP) * 4} releases in ${dir}`);

const { loadRelease } = await import('../dist/index.js');
const { renderXhtml, pdfOf, epubOf } = await import('../dist/build/render.js');
const typst = typstCompiler();

const pressroom = {
  pdf: async (file) => pdfOf(renderXhtml(await loadRelease(file))),
  epub: async (file) => epubOf([renderXhtml(await loadRelease(file))]),
  both: async (file) => {
    const rendered = renderXhtml(await loadRelease(file));
    await pdfOf(rendered);
    await epubOf([rendered]);
  },
};

const times = { pdf: [], epub: [], both: [], pdfkit: [], typst: [] };
let next = 0;
for (let round = 0; round < rounds + WARM_UP; round++) {
  const measured = round >= WARM_UP;
  for (const kind of ['pdf', 'epub', 'both']) {
    const t = await timed(() => pressroom[kind](files[next++]));
    if (measured) times[kind].push(t);
  }
  const data = parse(readFileSync(files[next++], 'utf8'));
  const text = plainText(data);
  const t = await timed(() => plainPdf(text));
  if (measured) times.pdfkit.push(t);
  if (typst) {
    const source = typstOf(data);
    const tt = await timed(() => typst.pdf({ mainFileContent: source }));
    if (measured) times.typst.push(tt);
  }
}
console.log(JSON.stringify({ times, maxRssKiB: process.resourceUsage().maxRSS }));
