#!/usr/bin/env node
// Bundles the command line into one ESM file, dist/bundle/pressroom.js, which bin/pressroom.js
// loads when present: resolving and evaluating ~120 of our modules and hundreds of dependency
// files one by one is a good part of a short run's start-up. Run after tsc (`prepare`, `build`).
// The library (dist/index.js) stays unbundled; the batch worker gets its own bundle beside it.
// The bundle sits two folders deep like dist/*/*.js, so paths such as '../../fonts' still hold.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * Modules loaded at start for what we never ask, or seldom; each becomes a stand-in that loads
 * the real module on first call:
 * - wawoff2 (subset-font → fontverter), whose two Emscripten modules start compiling ~1.2 MB of
 *   WebAssembly that a process then waits for before it can exit (~0.3 s after the last EPUB);
 *   we subset to plain TrueType, so WOFF2 is never used;
 * - node-fetch (epub-gen-memory), with whatwg-url's Unicode tables (~35 ms), to fetch remote
 *   images and fonts; ours come from memory and the release's folder;
 * - brotli's dictionary for WOFF2 fonts (fontkit; ~40 ms to decode at load);
 * - AES tables for encrypted PDFs (PDFKit; ~30 ms to build).
 */
const LAZY = {
  wawoff2: `let real;
const load = () => (real ??= require(['wawoff2'][0]));
exports.compress = (buffer) => load().compress(buffer);
exports.decompress = (buffer) => load().decompress(buffer);`,
  'node-fetch': `let real;
const load = () => (real ??= require(['node-fetch'][0]));
Object.defineProperty(exports, '__esModule', { value: true });
exports.default = (...args) => load().default(...args);`,
  'brotli/decompress.js': `let real;
module.exports = (...args) => (real ??= require(['brotli/decompress.js'][0]))(...args);`,
  '@noble/ciphers/aes': `let real;
const load = () => (real ??= require(['@noble/ciphers/aes'][0]));
exports.cbc = (...args) => load().cbc(...args);
exports.ecb = (...args) => load().ecb(...args);`,
};
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    const names = Object.keys(LAZY).map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    b.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy-modules' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-modules' }, (args) => ({ loader: 'js', contents: LAZY[args.path] }));
  },
};

/**
 * PDFKit finds its sRGB profile and standard-font metrics from its own module's URL; bundled,
 * that URL is the bundle's, so it is pointed back at PDFKit's file in node_modules.
 */
const pdfkitHome = {
  name: 'pdfkit-home',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, async (args) => ({
      loader: 'js',
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', '__pdfkitUrl'),
    }));
  },
};

/**
 * epub-gen-memory checks its options and chapters with `ow` (~30 ms to load); our code builds
 * both itself. The library's own browser build swaps in its no-op checks ("browser" field of
 * its package.json); so does the bundle.
 */
const epubChecksOff = {
  name: 'epub-checks-off',
  setup(b) {
    b.onResolve({ filter: /^\.\/predicates$/ }, (args) =>
      /[\\/]epub-gen-memory[\\/]dist[\\/]lib[\\/]util$/.test(args.resolveDir) ? { path: `${args.resolveDir}/predicates-nop.js` } : undefined,
    );
  },
};

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
// The batch worker, beside the bundled command line: pool.ts starts the worker.js next to itself,
// so a bundled run gets a bundled worker (one file to load, the same lazy modules).
await build({ ...shared, entryPoints: ['dist/build/worker.js'], outfile: 'dist/bundle/worker.js' });
