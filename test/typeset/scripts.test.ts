import { describe, expect, it } from 'vitest';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { spacingStats, typeset } from '../../src/typeset/index.js';
import type { LineItem, Pages } from '../../src/typeset/types.js';
import { makeDoc, para, text } from './helpers.js';

const fonts = loadFontRegistry();
const lines = (pages: Pages): LineItem[] => pages.pages.flatMap((p) => p.items.filter((i): i is LineItem => i.kind === 'line'));
const korean =
  '조선민주주의인민공화국 외무성 대변인은 7일 조선중앙통신사 기자가 제기한 질문에 다음과 같이 대답하였다. 우리는 평화와 안정을 바라며 모든 나라들과의 친선관계를 발전시켜 나갈 것이다.';

const longKorean =
  korean +
  ' 한반도의 평화와 번영을 위한 노력은 앞으로도 계속될 것이며 이를 위하여 모든 당사자들이 건설적인 대화에 나서야 한다고 강조하였다.';

/** Line ends that fall inside a word of `source` (not at one of its spaces). */
function insideWordBreaks(ls: LineItem[], source: string): number {
  let at = 0;
  let inside = 0;
  ls.forEach((l, k) => {
    const t = l.runs.map((r) => r.text).join('').trim();
    at = source.indexOf(t, at) + t.length;
    if (k < ls.length - 1 && source[at] !== ' ') inside++;
  });
  return inside;
}

describe('scripts and fallback', () => {
  it('sets Korean in Noto Serif KR, never hyphenating', () => {
    const pages = typeset(makeDoc([para([text(korean, {}, { lang: 'ko' })])], { width: 144 + 200 }), fonts);
    const ls = lines(pages);
    expect(ls.length).toBeGreaterThan(2);
    const hangulRuns = ls.flatMap((l) => l.runs).filter((r) => /\p{Script=Hangul}/u.test(r.text));
    expect(hangulRuns.length).toBeGreaterThan(0);
    expect(hangulRuns.every((r) => r.font.family === 'Noto Serif KR')).toBe(true);
    expect(ls.some((l) => l.hyphenated)).toBe(false);
    expect(ls.map((l) => l.runs.map((r) => r.text).join('')).join('').replace(/ /g, '')).toBe(korean.replace(/ /g, ''));
    for (const l of ls) expect(l.runs.at(-1)!.x + l.runs.at(-1)!.width).toBeLessThanOrEqual(l.x + l.measure + 0.01);
    expect(pages.fonts.map((f) => f.id)).toContain('NotoSerifKR-400-normal');
    expect(pages.warnings).toEqual([]);
    expect(pages.structure[1]).toMatchObject({ role: 'P', lang: 'ko' });
  });

  it('breaks Korean at spaces (CSS keep-all), justified or ragged, when that keeps spaces under 1.5 × normal', () => {
    for (const width of [300, 453]) {
      for (const textAlign of ['justify', 'left'] as const) {
        const pages = typeset(makeDoc([para([text(longKorean, {}, { lang: 'ko' })], { textAlign })], { width: 144 + width }), fonts);
        expect(insideWordBreaks(lines(pages), longKorean), `${textAlign} at ${width} pt`).toBe(0);
        expect(spacingStats(pages, fonts).loose).toBe(0);
      }
    }
    // Ragged, a line may fall a Korean word short rather than break it.
    const narrow = typeset(makeDoc([para([text(longKorean, {}, { lang: 'ko' })], { textAlign: 'left' })], { width: 144 + 200 }), fonts);
    expect(insideWordBreaks(lines(narrow), longKorean)).toBe(0);
  });

  it('breaks Korean between syllables only where spaces alone would open past 1.5 × normal', () => {
    const pages = typeset(makeDoc([para([text(longKorean, {}, { lang: 'ko' })])], { width: 144 + 200 }), fonts);
    const ls = lines(pages);
    const inside = insideWordBreaks(ls, longKorean);
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(ls.length / 2);
    expect(spacingStats(pages, fonts).max).toBeLessThanOrEqual(1.5);
  });

  it('mixes Latin and Hangul in one line with one run per face', () => {
    const ls = lines(typeset(makeDoc([para('The KCNA (조선중앙통신) reported.', { textAlign: 'left' })]), fonts));
    expect(ls[0].runs.map((r) => [r.text, r.font.family])).toEqual([
      ['The KCNA (', 'Tinos'],
      ['조선중앙통신', 'Noto Serif KR'],
      [') reported.', 'Tinos'],
    ]);
  });

  it('sets Greek and Cyrillic in Tinos', () => {
    const ls = lines(typeset(makeDoc([para('Αθήνα και Μόσχα: Москва и Афины.', { textAlign: 'left' })]), fonts));
    expect(ls[0].runs.every((r) => r.font.family === 'Tinos')).toBe(true);
  });

  it('sets emoji in the Noto Emoji fallback face', () => {
    const ls = lines(typeset(makeDoc([para('Smile 😀 please.', { textAlign: 'left' })]), fonts));
    const emoji = ls[0].runs.find((r) => r.text.includes('😀'));
    expect(emoji?.font.family).toBe('Noto Emoji');
  });

  it('warns once per character no face has, and still sets it in the primary face', () => {
    const pages = typeset(makeDoc([para('Private \uE000 and \u{10FFFD} again \uE000.', { textAlign: 'left' }), para('More \uE000.')]), fonts);
    expect(pages.warnings.map((w) => w.message)).toEqual([
      "no font has a glyph for U+E000 '\uE000'; it is set in Tinos",
      "no font has a glyph for U+10FFFD '\u{10FFFD}'; it is set in Tinos",
    ]);
    const all = lines(pages).map((l) => l.runs.map((r) => r.text).join('')).join('\n');
    expect(all).toContain('\uE000');
    expect(all).toContain('\u{10FFFD}');
  });

  it('does not open the Korean face for Latin-only text', () => {
    const pages = typeset(makeDoc([para('Only Latin here.')]), fonts);
    expect(pages.fonts.map((f) => f.id)).toEqual(['Tinos-400-normal']);
  });
});
