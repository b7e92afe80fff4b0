#!/usr/bin/env node
// CPU profile of drawPdf alone, warm, on pages typeset beforehand: the PDF side without the
// other stages around it. usage: node bench/profile-pdf.js [releases] [rounds] [--out FILE]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.js';
import { profiled } from './profile-summary.js';

const argv = process.argv.slice(2);
const [count, rounds] = argv.filter((a) => /^\d+$/.test(a)).map(Number);
const outIndex = argv.indexOf('--out');
const out = outIndex >= 0 ? argv[outIndex + 1] : join(tmpdir(), 'pressroom-pdf.cpuprofile');
const { loadRelease } = await import('../dist/index.js');
const { renderXhtml, typesetRelease } = await import('../dist/build/render.js');
const { drawPdf } = await import('../dist/pdf/index.js');

const dir = mkdtempSync(join(tmpdir(), 'pressroom-profile-pdf-'));
try {
  const releases = [];
  for (const path of writeCorpus(dir, count ?? 40, 13)) {
    const rendered = renderXhtml(await loadRelease(path));
    const meta = { title: rendered.meta.title, lang: rendered.lang, date: rendered.meta.date, author: rendered.meta.issuer };
    releases.push({ pages: typesetRelease(rendered), meta });
  }
  for (const { pages, meta } of releases) await drawPdf(pages, meta);
  let bytes = 0;
  const { profile, ms: total } = await profiled(100, async () => {
    for (let round = 0; round < (rounds ?? 5); round++) for (const { pages, meta } of releases) bytes += (await drawPdf(pages, meta)).length;
  });
  const draws = releases.length * (rounds ?? 5);
  const ms = total / draws;
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${draws} draws, ${ms.toFixed(2)} ms each under the profiler, ${(bytes / draws / 1024).toFixed(0)} KiB each; ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
