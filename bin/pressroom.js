#!/usr/bin/env node
// The command line without the startup snapshot (bin/pressroom starts from it where it can).
// Loads the bundled command line (scripts/bundle.js, run by `prepare`, `build` and `npm test`),
// which starts faster; without it, or when tsc has rewritten dist/ since (tsc rewrites every
// file), the modules under dist/ do the same work.
import { statSync } from 'node:fs';

const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const bundled = mtime('../dist/bundle/pressroom.js') >= mtime('../dist/cli/main.js');
const { runProcess } = await import(bundled ? '../dist/bundle/pressroom.js' : '../dist/cli/main.js');
runProcess(process.argv.slice(2));
