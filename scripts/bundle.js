#!/usr/bin/env node
// Bundles the command line into one ESM file, dist/bundle/pressroom.js, which bin/pressroom.js
// loads when present: resolving and evaluating ~120 of our modules and hundreds of dependency
// files one by one is a good part of a short run's start-up. Run after tsc (`prepare`, `build`).
// The library (dist/index.js) stays unbundled; the batch worker gets its own bundle beside it.
// The bundle sits two folders deep like dist/*/*.js, so paths such as '../../fonts' still hold.
import { build } from 'esbuild';
import { epubChecksOff, escapeToAscii, lazyModules, pdfkitHome } from './bundle-plugins.js';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // yargs finds its locales next to its own modules. PDFKit, fontkit and linebreak are bundled
  // together (each once); PDFKit's data files are found through pdfkitHome.
  external: ['yargs'],
  plugins: [lazyModules, pdfkitHome, epubChecksOff],
  // Without comments and indentation, and ASCII (escapeToAscii), each thread's copy of the
  // source is ~2.7 MB one byte a character instead of ~3.5 MB two: ~13 MiB less in a batch.
  minifyWhitespace: true,
  legalComments: 'none',
  // CommonJS dependencies call require() (Node's built-ins, require.resolve of data files).
  banner: {
    js: [
      "import { createRequire as __pressroomRequire } from 'node:module';",
      "import { dirname as __pressroomDirname, join as __pressroomJoin } from 'node:path';",
      "import { pathToFileURL as __pressroomFileUrl } from 'node:url';",
      'const require = __pressroomRequire(import.meta.url);',
      "const __pdfkitUrl = __pressroomFileUrl(__pressroomJoin(__pressroomDirname(require.resolve('pdfkit')), 'pdfkit.node.mjs')).href;",
    ].join(' '),
  },
};

await build({ ...shared, entryPoints: ['dist/cli/main.js'], outfile: 'dist/bundle/pressroom.js' });
escapeToAscii('dist/bundle/pressroom.js');
// The batch worker, beside the bundled command line: pool.ts starts the worker.js next to itself,
// so a bundled run gets a bundled worker (one file to load, the same lazy modules).
await build({ ...shared, entryPoints: ['dist/build/worker.js'], outfile: 'dist/bundle/worker.js' });
escapeToAscii('dist/bundle/worker.js');
// Hyphenation patterns as JSON, which src/typeset/hyphenate.ts reads instead of the package's modules.
await import('./hyphen-patterns.js');
// The startup snapshot bin/pressroom starts from, made from dist/cli/snapshot.js.
await import('./snapshot.js');
