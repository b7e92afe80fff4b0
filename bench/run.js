#!/usr/bin/env node
// `npm run bench`: pressroom against the plain PDFKit flow and Typst on this machine, with the
// issue's targets. Releases are generated (seeded) into a temporary folder and removed after.
// usage: node bench/run.js [--rounds N] [--quick] [--json]
//   --quick  fewer releases for (d)/(e) (200 and 1,000) while working on the code
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { batch } from './batch.js';
import { writeCorpus } from './corpus.js';
import { processTimes } from './process.js';
import { mark, median, mib, ms, s } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const argv = process.argv.slice(2);
const flag = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
const quick = argv.includes('--quick');
const rounds = flag('--rounds', 30);
const [small, large] = quick ? [200, 1000] : [1000, 5000];
const TARGET = { bothMs: 12, ratio: 0.25, processMs: 220, batchMs: 12_000, rssMiB: 250, flat: 1.1 };

const work = mkdtempSync(join(tmpdir(), 'pressroom-bench-'));
const out = join(work, 'out');
const say = (line) => process.stderr.write(`${line}\n`);
try {
  say(`bench: generating ${small + large} releases in ${work} …`);
  const warmFiles = writeCorpus(join(work, 'warm'), (rounds + 4) * 4, 1);
  writeCorpus(join(work, 'small'), small, 2);
  writeCorpus(join(work, 'large'), large, 3);

  say('bench: (a)+(b) warm loop …');
  const warm = spawnSync(process.execPath, ['bench/warm.js', join(work, 'warm'), String(rounds)], { cwd: ROOT, encoding: 'utf8' });
  if (warm.status !== 0) throw new Error(`bench/warm.js: ${warm.stderr}`);
  const { times } = JSON.parse(warm.stdout);
  const a = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.length ? median(v) : null]));
  // The ratio of medians of paired rounds: both outputs of one release / PDFKit on the next.
  const ratio = median(times.both.map((t, i) => t / times.pdfkit[i]));

  say('bench: (c) whole processes …');
  const c = processTimes(warmFiles, out, 7);

  say(`bench: (d) ${small} releases …`);
  const d = await batch(join(work, 'small'), join(out, 'small'));
  rmSync(join(out, 'small'), { recursive: true, force: true });
  say(`bench: (e) ${large} releases, and a bundle of ${small} …`);
  const e = await batch(join(work, 'large'), join(out, 'large'));
  rmSync(join(out, 'large'), { recursive: true, force: true });
  const bundle = await batch(join(work, 'small'), join(out, 'bundle'), ['--bundle', 'all']);

  const result = { machine: { cpus: availableParallelism(), load: loadavg()[0], node: process.version }, rounds, a, ratio, c, d, e, bundle, small, large };
  if (argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const growth = e.maxRssKiB / d.maxRssKiB;
    const rows = [
      `pressroom bench: ${result.machine.cpus} CPUs, load ${result.machine.load.toFixed(1)}, node ${process.version}; medians of ${rounds} rounds`,
      `(a) warm, per release       PDF ${ms(a.pdf)}   EPUB ${ms(a.epub)}   both ${ms(a.both)}   (Typst PDF ${a.typst === null ? 'n/a' : ms(a.typst)})   target both ≤ ${TARGET.bothMs} ms: ${mark(a.both <= TARGET.bothMs)}`,
      `(b) plain PDFKit flow       ${ms(a.pdfkit)}   pressroom both / PDFKit ${ratio.toFixed(2)}   target ≤ ${TARGET.ratio}: ${mark(ratio <= TARGET.ratio)}`,
      `(c) whole process           pressroom build PDF+EPUB ${s(c.pressroom)} (no snapshot ${s(c.plain)})   Typst ${c.typst === null ? 'n/a' : s(c.typst)}   node -e 0 ${s(c.node)}   target ≤ ${s(TARGET.processMs)} and < Typst: ${mark(c.pressroom <= TARGET.processMs && (c.typst === null || c.pressroom < c.typst))}`,
      `(d) ${small} releases        ${s(d.ms)}   ${((small * 1000) / d.ms).toFixed(0)} releases/s   peak RSS: largest process ${mib(d.maxRssKiB)} (main ${mib(d.mainRssKiB)}, ${d.processes} processes, together ${mib(d.allRssKiB)})   target ≤ ${s(TARGET.batchMs * (small / 1000))}, ≤ ${TARGET.rssMiB} MiB: ${mark(d.ms <= TARGET.batchMs * (small / 1000) && d.maxRssKiB / 1024 <= TARGET.rssMiB)}`,
      `(e) peak RSS, largest process   ${small}: ${mib(d.maxRssKiB)}   ${large}: ${mib(e.maxRssKiB)} (×${growth.toFixed(2)}, ${s(e.ms)}; together ${mib(e.allRssKiB)})   bundle of ${small}: ${mib(bundle.maxRssKiB)} (${s(bundle.ms)})   target flat (×≤${TARGET.flat}): ${mark(growth <= TARGET.flat)}`,
    ];
    console.log(rows.join('\n'));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
