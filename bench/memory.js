#!/usr/bin/env node
// Memory of one process rendering many varied releases in turn (what each batch worker does):
// resident set, V8 heap, external and WebAssembly memory every `step` releases, so that growth
// can be told from a one-off cost. usage: node bench/memory.js [releases] [step]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.js';

const count = Number(process.argv[2] ?? 400);
const step = Number(process.argv[3] ?? 50);
const { renderOutputs } = await import('../dist/build/index.js');
const dir = mkdtempSync(join(tmpdir(), 'pressroom-memory-'));
const mib = (n) => `${(n / 2 ** 20).toFixed(0).padStart(4)} MiB`;
try {
  const paths = writeCorpus(dir, count, 11);
  console.log('releases        rss        heap used  heap total  external   array buffers');
  const start = performance.now();
  for (const [i, path] of paths.entries()) {
    const out = await renderOutputs(path, { formats: (process.env.FORMATS ?? 'pdf,epub').split(',') });
    if (out.result.errors.length) throw new Error(out.result.errors[0]);
    if ((i + 1) % step === 0 || i === 0) {
      globalThis.gc?.();
      const m = process.memoryUsage();
      console.log(`${String(i + 1).padStart(8)}  ${mib(m.rss)}  ${mib(m.heapUsed)}  ${mib(m.heapTotal)}  ${mib(m.external)}  ${mib(m.arrayBuffers)}`);
    }
  }
  console.log(`${((performance.now() - start) / count).toFixed(1)} ms per release; peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
