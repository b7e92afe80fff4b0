// Part (c) of the bench: whole-process times, `pressroom build` of one release (PDF + EPUB) as
// users run it (bin/pressroom, from the startup snapshot) and without the snapshot
// (node bin/pressroom.js, PRESSROOM_SNAPSHOT=off), interleaved with Typst compiling the same
// text and a bare `node -e 0`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { median } from './stats.js';
import { typstOf, typstVersion } from './typst.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function wall(args, command = process.execPath, env = {}) {
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${String(result.stderr).split('\n')[0]}`);
  return ms;
}

/** Medians over `runs` rounds of each command, each round on another release of `files`. */
export function processTimes(files, outDir, runs) {
  const times = { pressroom: [], plain: [], typst: [], node: [] };
  const typst = typstVersion() !== null;
  for (let i = 0; i < runs; i++) {
    const file = files[i % files.length];
    times.node.push(wall(['-e', '0']));
    const build = ['build', file, '-o', outDir, '-f', 'pdf,epub', '--quiet'];
    times.pressroom.push(wall(build, join(ROOT, 'bin/pressroom')));
    times.plain.push(wall(['bin/pressroom.js', ...build], process.execPath, { PRESSROOM_SNAPSHOT: 'off' }));
    if (typst) {
      const typ = join(outDir, `typst-${i}.typ`);
      writeFileSync(typ, typstOf(parse(readFileSync(file, 'utf8'))));
      times.typst.push(wall(['bench/typst-once.js', typ, join(outDir, `typst-${i}.pdf`)]));
    }
  }
  return { pressroom: median(times.pressroom), plain: median(times.plain), typst: typst ? median(times.typst) : null, node: median(times.node) };
}
