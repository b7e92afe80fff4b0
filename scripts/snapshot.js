#!/usr/bin/env node
// Makes the startup snapshot that bin/pressroom starts Node from: src/cli/snapshot.ts bundled
// into one CommonJS file (all dependencies inside: a snapshot cannot load modules from
// node_modules), run by `node --build-snapshot`, which saves the heap once the warm-up is done.
// The blob is only readable by the Node that made it, so dist/bundle/pressroom.blob.id names it
// (its file and the package folder) for bin/pressroom to compare, and gives the flags to read
// it with. Run after tsc (`prepare`, `build`).
// A Node that cannot make the snapshot leaves no blob: bin/pressroom then runs bin/pressroom.js.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { epubChecksOff, escapeToAscii, lazyModules, snapshotSources } from './bundle-plugins.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = `${root}/dist/bundle/snapshot.cjs`;
const blob = `${root}/dist/bundle/pressroom.blob`;
rmSync(blob, { force: true });
rmSync(`${blob}.id`, { force: true });

/** Says why there is no snapshot and stops: the install goes on, and bin/pressroom without it. */
function notMade(reason) {
  rmSync(blob, { force: true });
  console.error(`snapshot: not made, bin/pressroom will start without it: ${reason}`);
  process.exit(0);
}

await build({
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'error',
  entryPoints: [`${root}/dist/cli/snapshot.js`],
  outfile: entry,
  plugins: [lazyModules, epubChecksOff, snapshotSources],
  // Without comments and indentation the source, which the snapshot holds as a string, is a
  // third of the size and ASCII (one byte a character): less to read at every start.
  minifyWhitespace: true,
  legalComments: 'none',
  // Our modules find fonts, templates and the batch worker from the bundle's place, two folders
  // deep like dist/*/*.js. The require a snapshot script gets loads built-ins only, so a whole
  // one replaces it (languages' hyphenation patterns, HarfBuzz's WebAssembly, lazy modules).
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "var module = module || { exports: {} }; var require = require('node:module').createRequire(__filename); const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
}).catch((error) => notMade(String(error.message).split('\n')[0]));

escapeToAscii(entry);

/**
 * V8 flags of the snapshot's processes, which must be the same when it is made and read. A
 * one-release build allocates ~10 MB: from a 1 MB young generation that is ~20 scavenges, and
 * the old generation's first limit, just above the snapshot's heap, a full collection (~40 ms
 * of a 0.3 s run). By default V8 also rehashes every string and table of the snapshot with a
 * new seed as it reads it (~12 ms of ~65 here, --profile-deserialization); the seed the
 * snapshot was made with is random too, made once per install instead of once per process.
 * A one-release process ends before TurboFan's optimised code pays for itself: compiled on a
 * second thread, it took ~270 ms of CPU in a 0.25 s run and made even a 92-page release
 * slower (--no-opt: 0.22 against 0.25 s for three pages, 1.6 against 1.9 s for 92). Batches,
 * which run long, do not start from the snapshot and keep it.
 */
const FLAGS = ['--min-semi-space-size=16', '--initial-old-space-size=64', '--no-rehash-snapshot', '--no-opt'];

const made = spawnSync(process.execPath, [...FLAGS, '--snapshot-blob', blob, '--build-snapshot', entry], { cwd: root, encoding: 'utf8' });
// Node warns that node:module is not verified in snapshots; we only use it at run time.
const problems = made.stderr.split('\n').filter((line) => line.trim() && !/node:module|may still work|To request support|--trace-warnings/.test(line));
if (made.status !== 0) {
  notMade(problems.slice(0, 3).join(' | ') || `exit ${made.status ?? made.signal}`);
} else {
  if (problems.length > 0) console.error(`snapshot: ${problems.join('\n')}`);
  writeFileSync(`${blob}.id`, `${process.execPath}\n${root}\n${FLAGS.join(' ')}\n`);
}
