// Part (c) of the bench: whole-process times, pressroom build of one release (PDF + EPUB)
// interleaved with Typst compiling the same text and with a bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { median } from './stats.js';
import { typstOf, typstVersion } from './typst.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function wall(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')}: ${String(result.stderr).split('\n')[0]}`);
  return ms;
}

/** Medians over `runs` rounds of each command, each round on another release of `files`. */
export function processTimes(files, outDir, runs) {
  const times = { pressroom: [], typst: [], node: [] };
  const typst = typstVersion() !== null;
  for (let i = 0; i < runs; i++) {
    const file = files[i % files.length];
    times.node.push(wall(['-e', '0']));
    times.pressroom.push(wall(['bin/pressroom.js', 'build', file, '-o', outDir, '-f', 'pdf,epub', '--quiet']));
    if (typst) {
      const typ = join(outDir, `typst-${i}.typ`);
      writeFileSync(typ, typstOf(parse(readFileSync(file, 'utf8'))));
      times.typst.push(wall(['bench/typst-once.js', typ, join(outDir, `typst-${i}.pdf`)]));
    }
  }
  return { pressroom: median(times.pressroom), typst: typst ? median(times.typst) : null, node: median(times.node) };
}
