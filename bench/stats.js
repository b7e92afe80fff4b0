// Small helpers for the bench: medians, a timer, and number formats.

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Milliseconds that `fn` (sync or async) takes. */
export async function timed(fn) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export const ms = (v) => `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ms`;
export const s = (v) => `${(v / 1000).toFixed(2)} s`;
export const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
export const mark = (ok) => (ok ? 'met' : 'MISSED');
