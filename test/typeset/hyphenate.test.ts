import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { hyphenationPoints, isUnhyphenatableToken, minAfter, minBefore, minWordLetters, splitWord } from '../../src/typeset/hyphenate.js';
import { typeset } from '../../src/typeset/index.js';
import type { LineItem } from '../../src/typeset/types.js';
import { makeDoc, para } from './helpers.js';

const fonts = loadFontRegistry();
const split = (word: string, lang = 'en') => {
  const points = hyphenationPoints(word, lang);
  return [0, ...points].map((p, i) => word.slice(p, points[i] ?? word.length)).join('-');
};

describe('hyphenation', () => {
  it('hyphenates English words with US patterns, two letters before and three after', () => {
    expect(split('international')).toBe('in-ter-na-tional');
    expect(split('representatives')).toBe('rep-re-sen-ta-tives');
    expect(split('cooperation')).toBe('co-op-er-a-tion');
    expect(split('environment.')).toBe('en-vi-ron-ment.');
    expect(split('(hospitality),')).toBe('(hos-pi-tal-ity),');
  });

  it('leaves short words, acronyms and unknown languages alone', () => {
    expect(hyphenationPoints('table', 'en')).toEqual([]);
    expect(hyphenationPoints('UNESCO', 'en')).toEqual([]);
    expect(hyphenationPoints('international', 'xx')).toEqual([]);
    expect(hyphenationPoints('대한민국대한민국', 'ko')).toEqual([]);
  });

  it('chooses patterns from the language', () => {
    expect(split('Zusammenarbeit', 'de')).toMatch(/-/);
    expect(split('Zusammenarbeit', 'de')).not.toBe(split('Zusammenarbeit', 'en'));
  });

  it('reads the patterns the package has, as dist/hyphen-patterns holds them (npm run build)', () => {
    const require = createRequire(import.meta.url);
    for (const name of ['de', 'fr', 'en-gb', 'nl']) {
      const json = readFileSync(new URL(`../../dist/hyphen-patterns/${name}.json`, import.meta.url), 'utf8');
      expect(JSON.parse(json), name).toEqual((require(`hyphen/${name}`) as { patterns: unknown }).patterns);
    }
    expect(split('Silbentrennungsalgorithmus', 'de')).toBe('Sil-ben-tren-nungs-al-go-rith-mus');
  });

  it('sets a language whose patterns Node cannot load without hyphens, not with an error', () => {
    // hyphen/cu has a character outside JavaScript identifiers in its pattern module.
    expect(hyphenationPoints('благословенъ', 'cu')).toEqual([]);
  });

  it('never hyphenates URLs, e-mail addresses or words with digits', () => {
    for (const t of ['https://example.org/international', 'www.example.org', 'press.office@example.org', 'COVID-19', '2021-04-07', 'example.org/cooperation']) {
      expect(isUnhyphenatableToken(t)).toBe(true);
    }
    expect(isUnhyphenatableToken('international')).toBe(false);
    const urls = 'Contact press.international.cooperation@example.org or https://example.org/international/cooperation/representatives today.';
    const pages = typeset(makeDoc([para(`${urls} ${urls} ${urls}`)], { width: 260 }), fonts);
    const lines = pages.pages[0].items.filter((i): i is LineItem => i.kind === 'line');
    // Only plain words may be broken ("Con-tact"), never a piece of an address.
    for (const l of lines.filter((l) => l.hyphenated)) expect(l.runs.map((r) => r.text).join('')).toMatch(/(^|\s)\p{L}+-$/u);
  });

  it('honours soft hyphens, and drops them where the word is not broken', () => {
    const sentence = 'The delegation travelled from Pyong\u00ADyang to Kae\u00ADsong by rail. ';
    const pages = typeset(makeDoc([para(sentence.repeat(8), { hyphens: 'manual' })], { width: 144 + 120 }), fonts);
    const texts = pages.pages[0].items.map((i) => (i.kind === 'line' ? i.runs.map((r) => r.text).join('') : ''));
    expect(texts.some((t) => /(Pyong|Kae)-$/.test(t))).toBe(true);
    expect(texts.join(' ')).toMatch(/Pyongyang/);
    expect(texts.join('')).not.toMatch(/\u00AD/);
    expect(texts.every((t) => !/-$/.test(t) || /(Pyong|Kae)-$/.test(t))).toBe(true); // manual: no automatic hyphens
  });

  it('does not hyphenate when hyphens is none', () => {
    const pages = typeset(makeDoc([para('internationalisation representatives cooperation '.repeat(12), { hyphens: 'none' })], { width: 300 }), fonts);
    expect(pages.pages[0].items.some((i) => i.kind === 'line' && i.hyphenated)).toBe(false);
  });
});

/** The points as taken from the package's hyphenateSync, before liang.ts matched its patterns. */
function packagePoints(word: string, lang: string): number[] {
  const match = /^(\P{L}*)(\p{L}+)\P{L}*$/u.exec(word);
  if (!match) return [];
  const [, lead, core] = match;
  if ([...core].length < minWordLetters || core === core.toUpperCase()) return [];
  if (/[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(core)) return [];
  const module = lang === 'de' ? 'de' : 'en-us';
  const { hyphenateSync } = createRequire(import.meta.url)(`hyphen/${module}`) as { hyphenateSync: (t: string, o: object) => string };
  const points: number[] = [];
  let offset = 0;
  for (const part of hyphenateSync(core, { hyphenChar: '\u00AD', minWordLength: minWordLetters }).split('\u00AD').slice(0, -1)) {
    offset += part.length;
    if (offset >= minBefore && core.length - offset >= minAfter) points.push(lead.length + offset);
  }
  return points;
}

describe('hyphenation points of tokens', () => {
  it('are those of the hyphen package for words with punctuation, capitals and other scripts', () => {
    const char = fc.constantFrom(...'abcdefghijklmnoprstuvwyzINTERäöüßéç.,;:()"\'’-–/@1éΩж한中'.split(''));
    for (const lang of ['en', 'de']) {
      fc.assert(
        fc.property(fc.array(char, { minLength: 1, maxLength: 24 }), (chars) => {
          const word = chars.join('');
          expect(hyphenationPoints(word, lang)).toEqual(packagePoints(word, lang));
        }),
        { numRuns: 4_000, seed: 7 },
      );
      // Mostly words of letters between punctuation, as text has them.
      const letters = fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßAEIOUST'.split('')), { minLength: 6, maxLength: 20 });
      const punctuation = fc.array(fc.constantFrom(...'.,;:()"\'’'.split('')), { maxLength: 2 });
      fc.assert(
        fc.property(punctuation, letters, punctuation, (lead, core, trail) => {
          const word = [...lead, ...core, ...trail].join('');
          expect(hyphenationPoints(word, lang)).toEqual(packagePoints(word, lang));
        }),
        { numRuns: 4_000, seed: 8 },
      );
    }
  });
});

describe('splitting a token into punctuation and letters', () => {
  it('finds letters where \\p{L} does, for every UTF-16 unit', () => {
    const reference = (word: string) => {
      const m = /^(\P{L}*)(\p{L}+)\P{L}*$/u.exec(word);
      return m ? { lead: m[1].length, core: m[2] } : null;
    };
    const plain = (split: ReturnType<typeof splitWord>) => split && { lead: split.lead, core: split.core };
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const word of [ch, `ab${ch}cd`, `(${ch}x`]) {
        const got = plain(splitWord(word));
        if (JSON.stringify(got) !== JSON.stringify(reference(word))) expect([c, word, got]).toEqual([c, word, reference(word)]);
      }
    }
  });
});
