#!/usr/bin/env node
// Writes each language's hyphenation patterns from the `hyphen` package as JSON,
// dist/hyphen-patterns/<name>.json, one per name `hyphen/<name>` answers to (de, de-1996, …).
// Loading `hyphen/de` compiles ~750 kB of JavaScript, ~58 ms of a one-release build in German;
// JSON.parse of the same data takes ~6.5 ms. Run by scripts/bundle.js (`prepare`, `build`,
// `npm test`); without these files, src/typeset/hyphenate.ts loads the package as before.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('hyphen/package.json'));
const out = join(root, 'dist', 'hyphen-patterns');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let bytes = 0;
let written = 0;
for (const name of readdirSync(packageDir).sort()) {
  if (!existsSync(join(packageDir, name, 'index.js'))) continue;
  let patterns;
  try {
    ({ patterns } = require(`hyphen/${name}`));
  } catch {
    continue; // a module this Node cannot load (cu: a character outside identifiers); none at run time either
  }
  if (!Array.isArray(patterns)) continue;
  const json = JSON.stringify(patterns);
  writeFileSync(join(out, `${name}.json`), json);
  bytes += json.length;
  written++;
}
if (process.argv.includes('--verbose')) console.error(`hyphen-patterns: ${written} languages, ${(bytes / 1e6).toFixed(1)} MB`);
