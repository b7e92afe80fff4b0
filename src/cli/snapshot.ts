// Entry point of the startup snapshot that bin/pressroom starts a one-release build from (made
// by scripts/snapshot.js with `node --build-snapshot`): the command line's modules evaluated,
// the fonts parsed and a release of each built-in template set once, so the build starts warm
// instead of spending ~0.4 s loading and filling caches.
import fs from 'node:fs';
import { dirname } from 'node:path';
import { startupSnapshot } from 'node:v8';
import * as englishPatterns from 'hyphen/en-us';
import { runProcess } from './main.js';
import { runBuild } from './build.js';
import { loadConfig } from './config.js';
import { parseRelease } from '../release/index.js';
import { epubOf, pdfOf, renderXhtml } from '../build/render.js';
import { provideHyphenation } from '../typeset/hyphenate.js';
import { clearDateFormats, learnDateFormat } from '../markup/index.js';
import { releaseCoverBuffers } from '../epub/cover.js';
import { clearTemplateCache, listTemplates } from '../template/index.js';
import { clearFontCache } from '../fonts/index.js';
import { clearEpubFontCaches } from '../epub/index.js';

/** Size and modification time (whole milliseconds) of a file or folder the warm caches were made from. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Whole milliseconds: what a file's time keeps when it is set back from a Date. */
const stampOf = (path: string, stats: fs.Stats): FileStamp => ({ path, size: stats.size, mtimeMs: Math.trunc(stats.mtimeMs) });

const WARM_UP_BODY = `The delegations agreed today on a programme of cooperation that will run until the end of the decade, covering fisheries research, the safety of navigation and the protection of coastal communities from the effects of extreme weather.

Speaking after the signing, the Minister thanked the **harbour authorities**, the *scientific institutes* and the [cooperative movement](https://example.org/cooperatives) for their contributions, and said that the agreement was evidence of what neighbouring governments can achieve when they listen to the people whose livelihoods depend on the sea.

- Joint surveys of fish stocks, published every spring.
- A shared register of vessels and their crews.

> We are not only neighbours on the map; we are partners in the work of keeping our waters safe and productive.

The next meeting of the joint commission will take place in the autumn, when the first results of the surveys are expected to be presented to the public.`;

/** Languages whose long date the snapshot keeps (others are formatted by Intl as they come). */
const DATE_LANGUAGES = ['en', 'en-US', 'en-GB', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'sv', 'no', 'da', 'fi', 'pl', 'cs', 'ru', 'uk', 'el', 'tr', 'ko', 'ja', 'zh', 'ar', 'he'];

function warmUpRelease(template: string): string {
  return [
    `template: ${template}`,
    'lang: en',
    'issuer:',
    '  name: [Embassy of the Republic of Examplia, in the Kingdom of Sampleland]',
    '  address: "1 Harbour Road, Port Example"',
    '  phone: (00) 1234 5678',
    '  email: press@embassy.example',
    'label: Press Release',
    'date: 2024-01-01',
    'dateline: { place: Port Example, text: January 1 }',
    'title: Agreement Signed on Maritime Cooperation **between the Two Governments**',
    'body: |',
    ...WARM_UP_BODY.split('\n').map((line) => (line ? `  ${line}` : '')),
  ].join('\n');
}

/** Sets one release of each built-in template to PDF and EPUB, noting every file it reads. */
async function warmUp(): Promise<FileStamp[]> {
  const read = new Set<string>();
  const readFileSync = fs.readFileSync;
  fs.readFileSync = ((path: fs.PathOrFileDescriptor, options?: unknown) => {
    if (typeof path === 'string') read.add(path);
    return readFileSync(path, options as fs.ObjectEncodingOptions);
  }) as typeof fs.readFileSync;
  try {
    // hyphen/en is hyphen/en-us under another name.
    provideHyphenation('en', englishPatterns);
    provideHyphenation('en-us', englishPatterns);
    for (const template of listTemplates().map((t) => t.name)) {
      const rendered = renderXhtml(parseRelease(warmUpRelease(template), `${process.cwd()}/warm-up.yaml`));
      await pdfOf(rendered);
      await epubOf([rendered]);
    }
  } finally {
    fs.readFileSync = readFileSync;
  }
  // A snapshot cannot hold ICU objects, and making one costs ~10 ms in a new process: the long
  // dates of common languages are kept as data where that gives the same text.
  for (const lang of DATE_LANGUAGES) learnDateFormat(lang);
  clearDateFormats();
  // Sized for one cover and made again on the first; less for every process to read in.
  releaseCoverBuffers();
  // A file added to a template's folder (a partial) changes the folder, not the files read.
  const paths = [...new Set([...read].flatMap((path) => [path, dirname(path)]))].sort();
  return paths.map((path) => stampOf(path, fs.statSync(path)));
}

/** The stamped files that differ now from when the snapshot was made. */
export function changedSince(stamps: readonly FileStamp[]): string[] {
  return stamps
    .filter((stamp) => {
      const stats = fs.statSync(stamp.path, { throwIfNoEntry: false });
      const now = stats && stampOf(stamp.path, stats);
      return !now || now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs;
    })
    .map((s) => s.path);
}

/** What a process started from the snapshot runs. */
function start(stamps: readonly FileStamp[]): void {
  const debug = process.argv.includes('--debug');
  if (debug) process.stderr.write('pressroom: started from the startup snapshot\n');
  // An edited template, stylesheet or font must not be served from the warm caches.
  const changed = changedSince(stamps);
  if (changed.length > 0) {
    clearTemplateCache();
    clearFontCache();
    clearEpubFontCaches();
    if (debug) process.stderr.write(`pressroom: changed since the startup snapshot, caches dropped: ${changed.join(', ')}\n`);
  }
  // Started from a snapshot, argv has no script: [node, ...arguments].
  runProcess(process.argv.slice(1));
}

if (startupSnapshot.isBuildingSnapshot()) {
  // Referenced so that the bundle evaluates them now; main() imports them on first use.
  void [runBuild, loadConfig];
  void warmUp().then((stamps) => startupSnapshot.setDeserializeMainFunction(() => start(stamps)));
}
