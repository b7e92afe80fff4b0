#!/usr/bin/env node
// drawPdf of one dist against another's in one warm process, on the same typeset pages,
// alternating which goes first: medians per release and whether the bytes are the same.
// The root that typesets (NEW_ROOT) is not a neutral slot to within ~0.1 ms: run it both ways
// round (A B, then B A) and take the difference that holds in both.
// usage: node bench/ab-pdf.js OLD_ROOT [releases] [rounds] [NEW_ROOT, default this checkout]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.js';
import { median } from './stats.js';

const oldRoot = resolve(process.argv[2]);
const count = Number(process.argv[3] ?? 40);
const rounds = Number(process.argv[4] ?? 5);
const newRoot = resolve(process.argv[5] ?? fileURLToPath(new URL('../', import.meta.url)));
const { loadRelease } = await import(join(newRoot, 'dist/index.js'));
const { renderXhtml, typesetRelease } = await import(join(newRoot, 'dist/build/render.js'));
const drawNew = (await import(join(newRoot, 'dist/pdf/index.js'))).drawPdf;
const drawOld = (await import(join(oldRoot, 'dist/pdf/index.js'))).drawPdf;

const dir = mkdtempSync(join(tmpdir(), 'pressroom-ab-'));
try {
  const releases = [];
  for (const path of writeCorpus(dir, count, 9)) {
    const rendered = renderXhtml(await loadRelease(path));
    const meta = { title: rendered.meta.title, lang: rendered.lang, date: rendered.meta.date, author: rendered.meta.issuer };
    releases.push({ pages: typesetRelease(rendered), meta });
  }
  const times = { old: [], new: [] };
  let differ = 0;
  let drawn = 0;
  for (let round = 0; round < rounds + 1; round++) {
    for (const [i, { pages, meta }] of releases.entries()) {
      const order = (i + round) % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
      const out = {};
      for (const which of order) {
        const t = performance.now();
        out[which] = await (which === 'old' ? drawOld : drawNew)(pages, meta);
        if (round > 0) times[which].push(performance.now() - t);
      }
      drawn++;
      if (!out.old.equals(out.new)) differ++;
    }
  }
  const [o, n] = [median(times.old), median(times.new)];
  console.log(`drawPdf old ${o.toFixed(3)} ms, new ${n.toFixed(3)} ms, saved ${(o - n).toFixed(3)} ms (${(((o - n) / o) * 100).toFixed(1)}%) over ${times.new.length} draws; ${drawn} pairs, ${differ} differ`);
  if (differ > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
