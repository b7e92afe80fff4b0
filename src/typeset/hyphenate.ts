import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BoundedMap } from '../fonts/bounded-map.js';
import { hyphenMarkers, type HyphenPatterns } from './liang.js';

const require = createRequire(import.meta.url);

type HyphenateSync = (text: string, options: { hyphenChar: string; minWordLength: number }) => string;

/** Shortest word hyphenated, and letters kept before and after a hyphen (TeX's English settings). */
export const minWordLetters = 6;
export const minBefore = 2;
export const minAfter = 3;

interface Hyphenator {
  hyphenateSync: HyphenateSync;
  /** The module's pattern data, matched by liang.ts as hyphenateSync would (which serves without it). */
  patterns?: HyphenPatterns;
}

/** Words kept hyphenated per language: a batch's vocabulary, not an archive's. */
const MAX_WORDS = 50_000;

const hyphenators = new Map<string, Hyphenator | null>();
let packageDir: string | undefined;

/**
 * The package's patterns as JSON (scripts/hyphen-patterns.js): the same folder from dist/*, the
 * bundles in dist/bundle and the sources under vitest. JSON.parse of German's takes ~6.5 ms,
 * loading `hyphen/de` ~58 ms.
 */
const PATTERNS_JSON = new URL('../../dist/hyphen-patterns/', import.meta.url);

/** `hyphen/<name>` as its patterns from JSON, its hyphenateSync loaded only if ever called. */
function fromJson(name: string): Hyphenator | null {
  let text: string;
  try {
    text = readFileSync(new URL(`${name}.json`, PATTERNS_JSON), 'utf8');
  } catch {
    return null;
  }
  const patterns = JSON.parse(text) as HyphenPatterns;
  return { patterns, hyphenateSync: (word, options) => loadModule(name).hyphenateSync(word, options) };
}

function loadModule(name: string): Hyphenator {
  const mod = require(`hyphen/${name}`) as Hyphenator;
  return { hyphenateSync: mod.hyphenateSync, patterns: mod.patterns };
}

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
      try {
        found = fromJson(name) ?? loadModule(name);
      } catch {
        found = null; // a module this Node cannot load (hyphen/cu): the text is set unhyphenated
      }
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
  if (word.length < minWordLetters) return none; // its letters are fewer still: no cache look-up
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
/** The points of every short word: shared, so callers must not change what they get. */
const none: number[] = [];

function findPoints(word: string, lang: string): number[] {
  const parts = splitWord(word);
  if (!parts) return [];
  const { lead, core, latin } = parts;
  if (core.length < minWordLetters || [...core].length < minWordLetters) return [];
  if (core === core.toUpperCase()) return []; // acronyms
  if (!latin && /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(core)) return [];
  const hyphenator = hyphenatorFor(lang);
  if (!hyphenator) return [];
  const points: number[] = [];
  const add = (offset: number) => {
    if (offset >= minBefore && core.length - offset >= minAfter) points.push(lead + offset);
  };
  if (hyphenator.patterns) {
    // hyphenateSync cuts the word at each marker, so a marker past the end (a longer lower case)
    // counts as the word's length.
    for (const marker of hyphenMarkers(hyphenator.patterns, core)) add(Math.min(marker, core.length));
    return points;
  }
  const pieces = hyphenator.hyphenateSync(core, { hyphenChar: '\u00AD', minWordLength: minWordLetters }).split('\u00AD');
  let offset = 0;
  for (const piece of pieces.slice(0, -1)) add((offset += piece.length));
  return points;
}

// Letters (\p{L}) and other characters of Latin-1, Latin Extended-A and -B and general
// punctuation, as classes a regular expression compiles small; test/typeset/hyphenate.test.ts
// checks them against \p{L} for every UTF-16 unit.
const LATIN_LETTER = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
const LATIN_OTHER = '\\u0000-\\u0040\\u005B-\\u0060\\u007B-\\u00A9\\u00AB-\\u00B4\\u00B6-\\u00B9\\u00BB-\\u00BF\\u00D7\\u00F7\\u2000-\\u206F';
const latinWord = new RegExp(`^([${LATIN_OTHER}]*)([${LATIN_LETTER}]+)[${LATIN_OTHER}]*$`);
const anyWord = /^(\P{L}*)(\p{L}+)\P{L}*$/u;

/**
 * A word as leading non-letters (their length), letters, trailing non-letters, and whether it is
 * all Latin; null when letters and non-letters alternate more than that. Latin words are split
 * by the small expression (the Unicode one costs more, most of all before a new process has
 * compiled it); a word it does not split, the Unicode one splits as it would or not at all.
 */
export function splitWord(word: string): { lead: number; core: string; latin: boolean } | null {
  const latin = latinWord.exec(word);
  if (latin) return { lead: latin[1].length, core: latin[2], latin: true };
  const match = anyWord.exec(word);
  return match ? { lead: match[1].length, core: match[2], latin: false } : null;
}
