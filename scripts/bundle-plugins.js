// esbuild plugins of the command line's bundles (scripts/bundle.js, scripts/snapshot.js).
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

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
export const lazyModules = {
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
export const pdfkitHome = {
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
export const epubChecksOff = {
  name: 'epub-checks-off',
  setup(b) {
    b.onResolve({ filter: /^\.\/predicates$/ }, (args) =>
      /[\\/]epub-gen-memory[\\/]dist[\\/]lib[\\/]util$/.test(args.resolveDir) ? { path: `${args.resolveDir}/predicates-nop.js` } : undefined,
    );
  },
};

/**
 * Edits that let a dependency live in a V8 startup snapshot, which cannot hold ICU objects or
 * streams made while modules load: each is made on first use instead.
 */
const SNAPSHOT_EDITS = [
  // yargs reads the terminal's width when it loads.
  [/[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/, [
    ['stdColumns: typeof process.stdout.columns', 'get stdColumns() { return typeof process.stdout.columns'],
    ["process.stdout.columns : null", 'process.stdout.columns : null }'],
  ]],
  // string-width (yargs's help) makes an Intl.Segmenter when it loads.
  [/[\\/]string-width[\\/]index\.js$/, [
    ['const segmenter = new Intl.Segmenter();', 'let madeSegmenter; const segmenter = { segment: (text) => (madeSegmenter ??= new Intl.Segmenter()).segment(text) };'],
  ]],
  // fdir (tinyglobby) loads picomatch from node_modules when it loads; bundled instead.
  [/[\\/]fdir[\\/]dist[\\/]index\.mjs$/, [['pm = __require("picomatch");', 'pm = require("picomatch");']]],
  // fontkit makes an ASCII TextDecoder when it loads.
  [/[\\/]fontkit[\\/]dist[\\/](module\.mjs|main\.cjs)$/, [
    ["new TextDecoder('ascii')", "{ decode: (bytes) => new TextDecoder('ascii').decode(bytes) }"],
  ]],
];

/**
 * For the snapshot's CommonJS bundle: dependencies keep their own `import.meta.url` (PDFKit's
 * data files, yargs's locales), written in as a constant, and get the edits above. An edit
 * that no longer matches fails the build: the dependency changed and the snapshot would break.
 */
export const snapshotSources = {
  name: 'snapshot-sources',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.(m?js|cjs)$/ }, async (args) => {
      const original = await readFile(args.path, 'utf8');
      let contents = original;
      for (const [filter, edits] of SNAPSHOT_EDITS) {
        if (!filter.test(args.path)) continue;
        for (const [from, to] of edits) {
          if (!contents.includes(from)) throw new Error(`${args.path}: '${from}' not found; update SNAPSHOT_EDITS in scripts/bundle-plugins.js`);
          contents = contents.replace(from, to);
        }
      }
      contents = contents.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return contents === original ? undefined : { loader: 'js', contents, resolveDir: args.path.replace(/[\\/][^\\/]*$/, '') };
    });
  },
};

/**
 * Rewrites a bundle with every character beyond ASCII escaped. A few regular expressions
 * (markdown-it's, the importer's) keep such characters, and one of them makes V8 hold the
 * whole source two bytes a character, in every thread that loads it.
 */
export function escapeToAscii(file) {
  const source = readFileSync(file, 'utf8');
  writeFileSync(file, source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
