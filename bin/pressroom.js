#!/usr/bin/env node
// The command line. Run as `node bin/pressroom.js build one-release.yaml`, it hands the build to
// bin/pressroom, which starts it from the startup snapshot (~0.3 s sooner, for a second Node's
// ~0.06 s); bin/pressroom sends everything else back here with PRESSROOM_SNAPSHOT=off, which
// also turns the snapshot off by hand. Loads the bundled command line (scripts/bundle.js, run by
// `prepare`, `build` and `npm test`), which starts faster; without it, or when tsc has
// rewritten dist/ since (tsc rewrites every file), the modules under dist/ do the same work.
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const mtime = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;

if (process.env.PRESSROOM_SNAPSHOT !== 'off' && args[0] === 'build' && process.platform !== 'win32' && mtime('../dist/bundle/pressroom.blob') > 0) {
  const child = spawn(fileURLToPath(new URL('./pressroom', import.meta.url)), args, { stdio: 'inherit' });
  // A signal sent to this process alone (kill PID) reaches the build too.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    // Ended by a signal: end the same way, as the caller would see the build end.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
} else {
  const bundled = mtime('../dist/bundle/pressroom.js') >= mtime('../dist/cli/main.js');
  const { runProcess } = await import(bundled ? '../dist/bundle/pressroom.js' : '../dist/cli/main.js');
  runProcess(args);
}
