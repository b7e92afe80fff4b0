import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import LineBreaker from 'linebreak';
import { describe, expect, it } from 'vitest';
import { lineBreaker } from '../../src/typeset/line-breaks.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function breaks(breaker: LineBreaker): [number, boolean][] {
  const out: [number, boolean][] = [];
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) out.push([bk.position, bk.required]);
  return out;
}

/** Characters of many line-break classes: letters, digits, quotes, brackets, dashes, CJK, Hangul, Thai, emoji, marks, joiners, spaces, controls, lone surrogates. */
const CHARS = [
  ...'aZé ß1.,;:!?\'"’“”«»()[]{}-‐–—/\\%$€+#@&*_|~^`<>'.split(''),
  '\n', '\r', '\t', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u2060', '\ufeff', '\u0301', '\u3000',
  '中', '文', '、', '。', 'カ', 'ー', '한', '글', 'ㄱ', 'ก', 'ข', 'ש', 'ع', '😀', '👍🏽', '🇩🇪', '\ud800', '\udc00', '𝐀',
];

describe('line breaks with the class look-ups kept', () => {
  it('are the linebreak package’s breaks for random text of many classes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(breaks(lineBreaker(text))).toEqual(breaks(new LineBreaker(text)));
      }),
      { numRuns: 5_000, seed: 11 },
    );
  });

  it('are the package’s breaks for text of mostly letters, whose runs are stepped over', () => {
    const letters = ['a', 'Z', 'é', 'ß', 'ſ', 'Ω', 'ש'];
    const others = CHARS.filter((c) => !letters.includes(c));
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: fc.constantFrom(...letters), weight: 6 }, { arbitrary: fc.constantFrom(...others), weight: 1 }), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(breaks(lineBreaker(text))).toEqual(breaks(new LineBreaker(text)));
      }),
      { numRuns: 5_000, seed: 12 },
    );
  });

  it('keeps the look-ups with the linebreak package installed (its internals are the ones it knows)', () => {
    expect(lineBreaker('text').constructor).not.toBe(LineBreaker);
  });

  it('are the package’s breaks for the project’s texts', () => {
    const read = (path: string): string[] =>
      statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => read(join(path, name))) : /\.(ya?ml|md|txt|xhtml)$/.test(path) ? [readFileSync(path, 'utf8')] : [];
    const texts = ['examples', 'test/golden', 'test/fixtures'].flatMap((dir) => read(join(root, dir)));
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(breaks(lineBreaker(text))).toEqual(breaks(new LineBreaker(text)));
  });
});
