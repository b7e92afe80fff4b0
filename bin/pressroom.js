#!/usr/bin/env node
// Loads the bundled command line (scripts/bundle.js, run by `prepare`, `build` and `npm test`),
// which starts faster; without it, or when tsc has rewritten dist/ since (tsc rewrites every
// file), the modules under dist/ do the same work.
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// subset-font runs HarfBuzz as WebAssembly. By default V8 also compiles it to optimised code on
// background threads, and a process cannot exit before that is done: ~0.4 s after the last
// EPUB of a short run. Baseline (Liftoff) code alone subsets as fast here (2.4 against 3.1-3.9
// ms per subset, 40 warm subsets of Tinos), so skip the optimising tier. Set before any
// WebAssembly is compiled; worker threads share the process's flags.
setFlagsFromString('--liftoff-only');

const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const bundled = mtime('../dist/bundle/pressroom.js') >= mtime('../dist/cli/main.js');
const { main } = await import(bundled ? '../dist/bundle/pressroom.js' : '../dist/cli/main.js');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // Exiting here rather than letting the event loop drain skips tearing down the V8 heap and
  // the workers (~50 ms of a one-release build, 9 interleaved runs). Only with nothing left to
  // write; `watch` resolves only when it stops.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
});
