// Reads a V8 CPU profile: self time by package (or our own dist/ folder) and inclusive time of
// our own functions, so a missed target shows what it is spent on (fonts, deflate, GC…).
import { Session } from 'node:inspector/promises';

/** Runs `work` under V8's sampling profiler (`interval` µs): its CPU profile and wall time in ms. */
export async function profiled(interval, work) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval });
  await session.post('Profiler.start');
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return { profile, ms };
}

const short = (url) =>
  url
    .replace(/^.*node_modules\//, '')
    .replace(/^file:\/\/.*?\/dist\//, 'dist/')
    .replace(/^(@[^/]+\/[^/]+|[^/@][^/]*)\/.*$/, (m, pkg) => (m.startsWith('dist/') ? m : pkg));

function place(node) {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName || '(native)';
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0];
  const s = short(url);
  return s.startsWith('dist/') ? s.split('/').slice(0, 2).join('/') : s;
}

/** Self milliseconds per package and the top inclusive functions of dist/, as text. */
export function summarise(profile, rows = 12) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPlace = new Map();
  const inclusive = new Map();
  for (const [id, ms] of self) {
    const p = place(byId.get(id));
    byPlace.set(p, (byPlace.get(p) ?? 0) + ms);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const { url, functionName, lineNumber } = byId.get(cur).callFrame;
      if (!url.includes('/dist/')) continue;
      const key = `${functionName || '(anonymous)'} ${short(url)}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
    }
  }
  const pct = (ms) => `${((100 * ms) / total).toFixed(0).padStart(3)}%`;
  const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, rows);
  return [
    'self time by package:',
    ...top(byPlace).map(([k, ms]) => `  ${pct(ms)}  ${k}`),
    'inclusive time of pressroom functions:',
    ...top(inclusive).map(([k, ms]) => `  ${pct(ms)}  ${k}`),
  ].join('\n');
}
