#!/usr/bin/env node
// Sets the reference release (title + body) with WeasyPrint, Typst and pressroom in the same
// font, size, leading and measure (bench/peers/setting.js), then prints the typographic
// report of each PDF side by side. PDFs and their sources go to output/typo-peers/.
// usage: node bench/compare-typo.js [--json] [--out DIR]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, typoReport } from './typo.js';
import { referenceText } from './peers/reference-text.js';
import { renderWithWeasyprint, weasyprintVersion } from './peers/weasyprint.js';
import { renderWithTypst, typstVersion } from './peers/typst.js';
import { pressroomUnavailable, renderWithPressroom } from './peers/pressroom.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Each peer: a name and a function that writes its PDF under `base` and describes itself. */
const PEERS = [
  ['WeasyPrint', (text, base) => ({ pdf: renderWithWeasyprint(text, base), how: weasyprintVersion() })],
  ['Typst', (text, base) => ({ pdf: renderWithTypst(text, base), how: typstVersion() })],
  [
    'pressroom',
    (_text, base) => {
      const missing = pressroomUnavailable();
      if (missing) throw new Error(missing);
      const { pdf, source } = renderWithPressroom(base);
      return { pdf, how: `embassy template, release data from ${source}` };
    },
  ],
];

function main(argv) {
  const json = argv.includes('--json');
  const outIndex = argv.indexOf('--out');
  const outDir = resolve(outIndex >= 0 ? argv[outIndex + 1] : join(ROOT, 'output/typo-peers'));
  mkdirSync(outDir, { recursive: true });
  const text = referenceText();
  const results = [];
  for (const [name, render] of PEERS) {
    try {
      const { pdf, how } = render(text, join(outDir, name.toLowerCase()));
      results.push({ name, pdf, how, report: typoReport(pdf) });
    } catch (error) {
      results.push({ name, error: String(error.message ?? error).split('\n')[0] });
    }
  }
  if (json) {
    console.log(JSON.stringify(results, null, 2));
    return 0;
  }
  const measured = results.filter((r) => r.report);
  console.log(formatTable(measured.map((r) => [r.name, r.report])));
  console.log('');
  for (const r of results) {
    if (r.error) console.log(`${r.name}: not measured: ${r.error}`);
    else console.log(`${r.name}: ${r.how}; ${r.pdf}; normal space from ${r.report.normalSpace.source}`);
  }
  return results.some((r) => r.error) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
