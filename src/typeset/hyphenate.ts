import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BoundedMap } from '../fonts/bounded-map.js';

const require = createRequire(import.meta.url);

type HyphenateSync = (text: string, options: { hyphenChar: string; minWordLength: number }) => string;

/** Shortest word hyphenated, and letters kept before and after a hyphen (TeX's English settings). */
export const minWordLetters = 6;
export const minBefore = 2;
export const minAfter = 3;

interface Hyphenator {
  hyphenateSync: HyphenateSync;
}

/** Words kept hyphenated per language: a batch's vocabulary, not an archive's. */
const MAX_WORDS = 50_000;

const hyphenators = new Map<string, Hyphenator | null>();
let packageDir: string | undefined;

/** Pattern modules bundled into the command line, by their folder in the hyphen package. */
const provided = new Map<string, Hyphenator>();

/**
 * Makes `hyphen/<name>` available without loading it from node_modules: the startup snapshot
 * (src/cli/snapshot.ts) cannot hold a module loaded by require, so it bundles English.
 */
export function provideHyphenation(name: string, hyphenator: Hyphenator): void {
  provided.set(name, hyphenator);
}

/** The patterns for a BCP 47 tag (`en` → en-us, `en-GB` → en-gb, `de` → de), or null when none. */
function hyphenatorFor(lang: string): Hyphenator | null {
  const tag = lang.toLowerCase();
  if (hyphenators.has(tag)) return hyphenators.get(tag)!;
  const primary = tag.split('-')[0];
  const candidates = [tag, primary === 'en' ? 'en-us' : primary, primary];
  let found: Hyphenator | null = null;
  for (const name of candidates) {
    found = provided.get(name) ?? null;
    if (found) break;
    packageDir ??= dirname(require.resolve('hyphen/package.json'));
    if (name && /^[a-z0-9-]+$/.test(name) && existsSync(join(packageDir, name, 'index.js'))) {
      const mod = require(`hyphen/${name}`) as { hyphenateSync: HyphenateSync };
      found = { hyphenateSync: mod.hyphenateSync };
      break;
    }
  }
  hyphenators.set(tag, found);
  return found;
}

/** True for tokens never hyphenated: URLs, e-mail addresses, anything with a digit. */
export function isUnhyphenatableToken(token: string): boolean {
  if (!/[\d@/:]|^www\./i.test(token)) return false;
  return /\d/.test(token) || /@/.test(token) || /^[a-z][a-z0-9+.-]*:\/\//i.test(token) || /^www\./i.test(token) || /\.[a-z]{2,}\//i.test(token);
}

/**
 * Offsets inside `word` where a hyphen may go, for a word of letters (leading and trailing
 * punctuation is skipped). Words are hyphenated lazily and cached per language.
 */
export function hyphenationPoints(word: string, lang: string): number[] {
  let cache = wordCache.get(lang);
  if (!cache) wordCache.set(lang, (cache = new BoundedMap(MAX_WORDS)));
  let points = cache.get(word);
  if (!points) {
    points = findPoints(word, lang);
    cache.set(word, points);
  }
  return points;
}

const wordCache = new Map<string, Map<string, number[]>>();

function findPoints(word: string, lang: string): number[] {
  const match = /^(\P{L}*)(\p{L}+)\P{L}*$/u.exec(word);
  if (!match) return [];
  const [, lead, core] = match;
  if ([...core].length < minWordLetters) return [];
  if (core === core.toUpperCase()) return []; // acronyms
  if (/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(core)) return [];
  const hyphenator = hyphenatorFor(lang);
  if (!hyphenator) return [];
  const points: number[] = [];
  const parts = hyphenator.hyphenateSync(core, { hyphenChar: '\u00AD', minWordLength: minWordLetters }).split('\u00AD');
  let offset = 0;
  for (const part of parts.slice(0, -1)) {
    offset += part.length;
    if (offset >= minBefore && core.length - offset >= minAfter) points.push(lead.length + offset);
  }
  return points;
}
