// Parts (d) and (e) of the bench: `pressroom build` over a folder of releases as one process
// under /usr/bin/time -v (its peak resident memory covers the worker threads too).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Wall time (ms) and peak RSS (KiB) of `pressroom build dir -o out …extra`. */
export function batch(dir, outDir, extra = []) {
  // bin/pressroom, as users run it: it execs node, so the time tool sees node itself.
  const bin = `${ROOT}bin/pressroom`;
  const args = ['build', dir, '-o', outDir, '--quiet', ...extra];
  const timeTool = existsSync('/usr/bin/time');
  const command = timeTool ? '/usr/bin/time' : bin;
  const start = performance.now();
  const result = spawnSync(command, timeTool ? ['-v', bin, ...args] : args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`pressroom build ${dir}: exit ${result.status}: ${result.stderr.split('\n')[0]}`);
  // GNU time exits 0 when its command is killed by a signal: only the summary proves a whole batch.
  const summary = /(\d+) built, (\d+) failed/.exec(result.stderr);
  const expected = readdirSync(dir).filter((f) => f.endsWith('.yaml')).length;
  if (!summary || Number(summary[1]) !== expected || summary[2] !== '0') {
    throw new Error(`pressroom build ${dir}: did not build all ${expected}: ${result.stderr.trim().split('\n').slice(0, 3).join(' / ')}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  return { ms, maxRssKiB: rss ? Number(rss[1]) : null };
}
