// Parts (d) and (e) of the bench: `pressroom build` over a folder of releases, timed, with the
// peak resident memory of each of its processes (the main one and its workers) and of all of
// them together, sampled from /proc while it runs.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** pid → parent pid of every process, from /proc (empty where there is no /proc). */
function parents() {
  const map = new Map();
  for (const name of existsSync('/proc') ? readdirSync('/proc') : []) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (2nd field) may hold spaces; the fields after its ')' do not.
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      map.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Exited while read.
    }
  }
  return map;
}

/** `root` and every process below it. */
function treeOf(root) {
  const parentOf = parents();
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parentOf) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

/**
 * { rss, hwm } in KiB of a Node process: resident now and at its peak so far (VmHWM); null
 * once it is gone, or for the shell's short-lived helpers as bin/pressroom starts.
 */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    if (!/^Name:\s+node$/m.test(status)) return null;
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return null;
  }
}

/**
 * Wall time (ms) of `pressroom build dir -o out …extra`, with peak RSS (KiB): `maxRssKiB` of
 * the largest single process, `mainRssKiB` of the main one, `allRssKiB` of all together.
 */
export async function batch(dir, outDir, extra = []) {
  // bin/pressroom, as users run it: it execs node, so the main process is node itself.
  const bin = `${ROOT}bin/pressroom`;
  const args = ['build', dir, '-o', outDir, '--quiet', ...extra];
  // GNU time's figure is exact for the largest process, even one too short-lived to sample.
  const timeTool = existsSync('/usr/bin/time');
  const start = performance.now();
  const child = spawn(timeTool ? '/usr/bin/time' : bin, timeTool ? ['-v', bin, ...args] : args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const peaks = new Map();
  let allRssKiB = 0;
  let main = timeTool ? null : child.pid;
  // Walking all of /proc is the costly part: the tree is looked for again every fifth sample
  // (workers start once and are replaced every 600 releases), read every 100 ms. VmHWM keeps
  // each process's peak between samples; the sum of all is as sampled.
  let tree = [];
  let samples = 0;
  const sample = () => {
    let sum = 0;
    if (samples++ % 5 === 0) tree = treeOf(child.pid);
    for (const pid of tree) {
      if (pid === child.pid && timeTool) continue;
      const memory = memoryOf(pid);
      if (!memory) continue;
      main ??= pid;
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, memory.hwm));
      sum += memory.rss;
    }
    allRssKiB = Math.max(allRssKiB, sum);
  };
  const timer = setInterval(sample, 100);
  const status = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const ms = performance.now() - start;
  if (status !== 0) throw new Error(`pressroom build ${dir}: exit ${status}: ${stderr.split('\n')[0]}`);
  // GNU time exits 0 when its command is killed by a signal: only the summary proves a whole batch.
  const summary = /(\d+) built, (\d+) failed/.exec(stderr);
  const expected = readdirSync(dir).filter((f) => f.endsWith('.yaml')).length;
  if (!summary || Number(summary[1]) !== expected || summary[2] !== '0') {
    throw new Error(`pressroom build ${dir}: did not build all ${expected}: ${stderr.trim().split('\n').slice(0, 3).join(' / ')}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const sampledMax = Math.max(0, ...peaks.values());
  return {
    ms,
    maxRssKiB: Math.max(rss ? Number(rss[1]) : 0, sampledMax) || null,
    mainRssKiB: peaks.get(main) ?? null,
    allRssKiB: allRssKiB || null,
    processes: peaks.size,
  };
}
