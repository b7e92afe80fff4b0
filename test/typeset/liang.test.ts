import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hyphenMarkers, type HyphenPatterns, type PatternTrie } from '../../src/typeset/liang.js';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface PatternModule {
  hyphenateSync(text: string, options: { hyphenChar: string; minWordLength: number }): string;
  patterns: HyphenPatterns;
}

/** The languages the tests and examples set, and two whose lower case is not one-to-one. */
const LANGUAGES = ['en-us', 'en-gb', 'de-1996', 'fr', 'tr', 'el-monoton', 'ru'];

/** What src/typeset/hyphenate.ts took from hyphenateSync: the offset of each cut. */
function packageCuts(mod: PatternModule, word: string): number[] {
  const pieces = mod.hyphenateSync(word, { hyphenChar: '\u00AD', minWordLength: 6 }).split('\u00AD');
  const cuts: number[] = [];
  let offset = 0;
  for (const piece of pieces.slice(0, -1)) cuts.push((offset += piece.length));
  return cuts;
}

const ourCuts = (mod: PatternModule, word: string) => hyphenMarkers(mod.patterns, word).map((m) => Math.min(m, word.length));

/** Letter sequences the patterns name (dots dropped), up to `max`: every pattern is met. */
function patternStrings(trie: PatternTrie, max = 40_000): string[] {
  const out: string[] = [];
  const walk = (node: PatternTrie, prefix: string) => {
    for (const [letter, next] of Object.entries(node)) {
      if (out.length >= max) return;
      const text = prefix + (letter === '.' ? '' : letter);
      if (text) out.push(text);
      if (typeof next === 'object') walk(Array.isArray(next) ? next[0] : next, text);
    }
  };
  walk(trie, '');
  return out;
}

/** Words of the project's own texts (examples, golden files, docs): real English. */
function projectWords(): string[] {
  const words = new Set<string>();
  const read = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path)) read(join(path, name));
    } else if (/\.(md|yaml|txt|xhtml)$/.test(path)) {
      for (const w of readFileSync(path, 'utf8').match(/\p{L}+/gu) ?? []) words.add(w);
    }
  };
  for (const dir of ['examples', 'docs', 'test/golden', 'README.md']) read(join(ROOT, dir));
  return [...words];
}

/** A seeded PRNG, so the word lists are the same at every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1_103_515_245 + 12_345) % 2_147_483_648;
    return a / 2_147_483_648;
  };
}

/** Words made of two to four pattern strings: long words that many patterns match at once. */
function compounds(fragments: string[], count: number, seed: number): string[] {
  const next = random(seed);
  const pick = () => fragments[Math.floor(next() * fragments.length)];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let word = '';
    for (let k = 2 + Math.floor(next() * 3); k > 0; k--) word += pick();
    // Some capitalised or in capitals: the package matches the lower case.
    const r = next();
    out.push(r < 0.1 ? word.toUpperCase() : r < 0.3 ? word[0].toUpperCase() + word.slice(1) : word);
  }
  return out;
}

/** What hyphenate.ts asks about: six or more characters, letters only (patterns also hold ’ and -). */
const longEnough = (w: string) => w.length >= 6 && /^\p{L}+$/u.test(w);

describe('Liang matcher over the hyphen package patterns', () => {
  for (const lang of LANGUAGES) {
    const mod = require(`hyphen/${lang}`) as PatternModule;
    const fragments = patternStrings(mod.patterns[1]);

    it(`cuts ${lang} words where hyphenateSync does (pattern strings, compounds, exceptions)`, () => {
      const exceptions = Object.keys(mod.patterns[2] ?? {});
      const words = [
        ...fragments,
        ...compounds(fragments, 30_000, LANGUAGES.indexOf(lang) + 1),
        ...exceptions,
        ...exceptions.map((w) => w[0].toUpperCase() + w.slice(1)),
        ...exceptions.map((w) => w.toUpperCase()),
      ].filter(longEnough);
      expect(words.length).toBeGreaterThan(10_000);
      const differing = words.filter((w) => ourCuts(mod, w).join() !== packageCuts(mod, w).join());
      expect(differing.slice(0, 10)).toEqual([]);
    });

    it(`cuts random ${lang} letter strings where hyphenateSync does`, () => {
      const letters = [...new Set(fragments.join(''))].filter((l) => /\p{L}/u.test(l));
      const letter = fc.constantFrom(...letters, ...letters.map((l) => l.toUpperCase()), 'İ', 'ẞ');
      fc.assert(
        fc.property(fc.array(letter, { minLength: 6, maxLength: 30 }), (chars) => {
          const word = chars.join('');
          expect(ourCuts(mod, word)).toEqual(packageCuts(mod, word));
        }),
        { numRuns: 3_000, seed: 42 },
      );
    });
  }

  it('cuts the words of the project texts in English and German as hyphenateSync does', () => {
    const words = projectWords().filter(longEnough);
    expect(words.length).toBeGreaterThan(1_000);
    for (const lang of ['en-us', 'de-1996']) {
      const mod = require(`hyphen/${lang}`) as PatternModule;
      const differing = words.filter((w) => ourCuts(mod, w).join() !== packageCuts(mod, w).join());
      expect(differing.slice(0, 10)).toEqual([]);
    }
  });
});
