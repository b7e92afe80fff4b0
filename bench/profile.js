#!/usr/bin/env node
// CPU profile of the warm loop (PDF + EPUB per varied release), taken after a warm-up so that
// start-up is left out; prints where the time goes by package and by function, and writes the
// .cpuprofile for Chrome DevTools. usage: node bench/profile.js [releases] [--out FILE]
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.js';
import { profiled, summarise } from './profile-summary.js';

const argv = process.argv.slice(2);
const count = Number(argv.find((a) => /^\d+$/.test(a)) ?? 100);
const outIndex = argv.indexOf('--out');
const out = outIndex >= 0 ? argv[outIndex + 1] : join(tmpdir(), 'pressroom-warm.cpuprofile');

const { loadRelease } = await import('../dist/index.js');
const { renderXhtml, pdfOf, epubOf } = await import('../dist/build/render.js');
const dir = mkdtempSync(join(tmpdir(), 'pressroom-profile-'));
try {
  const paths = writeCorpus(dir, count + 5, 3);
  const one = async (path) => {
    const rendered = renderXhtml(await loadRelease(path));
    await pdfOf(rendered);
    await epubOf([rendered]);
  };
  for (const path of paths.slice(0, 5)) await one(path);
  const { profile, ms: total } = await profiled(200, async () => {
    for (const path of paths.slice(5)) await one(path);
  });
  const ms = total / count;
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${count} releases, ${ms.toFixed(1)} ms per release (PDF + EPUB) under the profiler; ${out}`);
  console.log(summarise(profile));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
