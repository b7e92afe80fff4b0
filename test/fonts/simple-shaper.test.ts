import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { simpleAdvance, simpleLayout, simpleScriptOf } from '../../src/fonts/simple-shaper.js';

// The simple shaper must give exactly what fontkit's `font.layout(text)` gives whenever it
// answers: the typesetter measures with it and the PDF draws with it.

const root = fileURLToPath(new URL('../../', import.meta.url));
const faces = loadFontRegistry().families.flatMap((family) => family.faces);
const open = (path: string): fontkit.Font => {
  const opened = fontkit.openSync(path);
  return 'fonts' in opened ? opened.fonts[0] : opened;
};

/** Text files of the examples, the reference release and the test fixtures. */
function corpusFiles(): string[] {
  const files = readdirSync(join(root, 'examples'))
    .filter((f) => /\.(ya?ml|md)$/.test(f))
    .map((f) => join(root, 'examples', f));
  const reference = '/work/shared/reference/press-release.txt';
  if (existsSync(reference)) files.push(reference);
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|md|txt|json)$/.test(name)) files.push(path);
    }
  };
  walk(join(root, 'test/fixtures'));
  return files;
}

/** Every chunk as the typesetter and PDF shape them (ending after each space or tab), and
 * every word alone (as justified text draws it). */
function corpus(): string[] {
  const texts = new Set<string>();
  for (const file of corpusFiles()) {
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      for (const m of line.matchAll(/[^ \t]*[ \t]|[^ \t]+$/g)) texts.add(m[0]);
      for (const word of line.split(/[ \t]+/)) if (word) texts.add(word);
    }
  }
  return [...texts];
}

interface Shaped {
  ids: number[];
  advanceWidths: number[];
  codePoints: number[][];
  xAdvance: number[];
  yAdvance: number[];
  xOffset: number[];
  yOffset: number[];
  advanceWidth: number;
}

/** Compares the simple shaper with fontkit on `text`: 'simple', 'fallback', or a mismatch. */
function compare(font: fontkit.Font, text: string): 'simple' | 'fallback' | { text: string; simple: Shaped; fontkit: Shaped } {
  const mine = simpleLayout(font, text);
  const advance = simpleAdvance(font, text);
  if (!mine) {
    expect(advance).toBeUndefined();
    return 'fallback';
  }
  const run = font.layout(text);
  const simple: Shaped = {
    ids: mine.glyphs.map((g) => g.id),
    advanceWidths: mine.glyphs.map((g) => g.advanceWidth),
    codePoints: mine.glyphs.map((g) => g.codePoints),
    xAdvance: mine.xAdvance,
    yAdvance: mine.yAdvance,
    xOffset: mine.xOffset,
    yOffset: mine.yOffset,
    advanceWidth: mine.advanceWidth,
  };
  const theirs: Shaped = {
    ids: run.glyphs.map((g) => g.id),
    advanceWidths: run.glyphs.map((g) => g.advanceWidth),
    codePoints: run.glyphs.map((g) => g.codePoints),
    xAdvance: run.positions.map((p) => p.xAdvance),
    yAdvance: run.positions.map((p) => p.yAdvance),
    xOffset: run.positions.map((p) => p.xOffset),
    yOffset: run.positions.map((p) => p.yOffset),
    advanceWidth: run.advanceWidth,
  };
  const same =
    JSON.stringify(simple) === JSON.stringify(theirs) &&
    // The very arrays of fontkit's glyph objects, so ToUnicode entries cannot differ.
    mine.glyphs.every((g, i) => g.codePoints === run.glyphs[i].codePoints) &&
    advance?.advance === run.advanceWidth &&
    advance?.glyphs === run.glyphs.length;
  return same ? 'simple' : { text, simple, fontkit: theirs };
}

const rates: string[] = [];
afterAll(() => {
  console.log(`simple shaper fallback rates:\n${rates.join('\n')}`);
});

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const LATIN = [...range(0x21, 0x7e), ...range(0xa1, 0xff), ...range(0x100, 0x17f), ...range(0x2010, 0x2027), ...range(0x2030, 0x205e), 0x20ac, 0x2122];
const HANGUL = [...range(0xac00, 0xac40), ...range(0xb098, 0xb0d0), ...range(0xd55c, 0xd570), 0x3001, 0x3002, 0x300c, 0x300d, 0xff0c, 0xff1a];

/** Strings of `chars` with spaces, tabs and no-break spaces among them. */
const strings = (chars: number[]) =>
  fc
    .array(fc.oneof({ arbitrary: fc.constantFrom(...chars), weight: 6 }, { arbitrary: fc.constantFrom(0x20, 0x20, 0x09, 0xa0), weight: 1 }), { maxLength: 14 })
    .map((codes) => String.fromCharCode(...codes));

describe.each(faces.map((face) => [face.id, face] as const))('%s', (_id, face) => {
  it('shapes every chunk and word of the examples, reference release and fixtures as fontkit does', () => {
    const font = open(face.path);
    const texts = corpus();
    const mismatches = [];
    let fallbacks = 0;
    const fellBack: string[] = [];
    for (const text of texts) {
      const result = compare(font, text);
      if (result === 'fallback') {
        fallbacks++;
        if (fellBack.length < 6) fellBack.push(JSON.stringify(text));
      } else if (result !== 'simple') {
        mismatches.push(result);
      }
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    rates.push(`  ${face.id} corpus: ${fallbacks}/${texts.length} fall back (${((100 * fallbacks) / texts.length).toFixed(1)}%) e.g. ${fellBack.join(' ')}`);
    if (/^(Tinos|Arimo)/.test(face.id)) {
      // Latin faces fall back only for characters they lack or that are not simple.
      const font2 = open(face.path);
      const expected = texts.filter((t) => [...t].some((c) => simpleScriptOf(c.codePointAt(0)!) < 0 || !font2.hasGlyphForCodePoint(c.codePointAt(0)!)));
      expect(fallbacks).toBe(expected.length);
    }
  });

  it('shapes random Latin text as fontkit does', () => {
    const font = open(face.path);
    const reference = open(face.path);
    // Characters the shaper leaves to fontkit in any face (tabs, soft hyphens, fraction slash…).
    const notSimple = (text: string) => [...text].some((c) => simpleScriptOf(c.charCodeAt(0)) < 0 || !reference.hasGlyphForCodePoint(c.charCodeAt(0)));
    let runs = 0;
    let fallbacks = 0;
    let forCharacters = 0;
    fc.assert(
      fc.property(strings(LATIN), (text) => {
        const result = compare(font, text);
        runs++;
        if (result === 'fallback') {
          fallbacks++;
          if (notSimple(text)) forCharacters++;
          // Tinos and Arimo have no substitution, ligature or context that plain Latin meets.
          else expect(/^(Tinos|Arimo)/.test(face.id)).toBe(false);
        } else {
          expect(result).toBe('simple');
        }
      }),
      { numRuns: 400 },
    );
    rates.push(`  ${face.id} random Latin: ${fallbacks}/${runs} fall back, ${forCharacters} of them for a character not simple or not in the face`);
  });

  it('shapes random Hangul text as fontkit does', () => {
    const font = open(face.path);
    let runs = 0;
    let fallbacks = 0;
    fc.assert(
      fc.property(strings([...HANGUL, ...range(0x41, 0x5a), 0x2c, 0x2e, 0x31, 0x32]), (text) => {
        const result = compare(font, text);
        runs++;
        if (result === 'fallback') fallbacks++;
        else expect(result).toBe('simple');
      }),
      { numRuns: 150 },
    );
    if (face.id.startsWith('NotoSerifKR')) rates.push(`  ${face.id} random Hangul: ${fallbacks}/${runs} fall back`);
  });
});

describe('simple text', () => {
  const path = (id: string) => faces.find((f) => f.id.startsWith(id))!.path;

  it('is classified in the script fontkit detects, and holds no marks', () => {
    const font = open(path('Tinos'));
    const tags = ['zzzz', 'latn', 'hang'];
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const script = simpleScriptOf(cp);
      if (script < 0) continue;
      const text = String.fromCharCode(cp);
      if (font.layout(text).script !== tags[script] || /\p{M}/u.test(text)) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('leaves marks, ligatures, fractions, invisible characters and other scripts to fontkit', () => {
    const tinos = open(path('Tinos'));
    const korean = open(path('NotoSerifKR'));
    const arabic = open(path('NotoNaskhArabic'));
    const emoji = open(path('NotoEmoji'));
    expect(simpleLayout(tinos, 'cafe\u0301 ')).toBeUndefined();
    expect(simpleLayout(tinos, 'co\u00adop')).toBeUndefined();
    expect(simpleLayout(tinos, '1\u20442')).toBeUndefined();
    expect(simpleLayout(tinos, 'Ωmega')).toBeUndefined();
    expect(simpleLayout(arabic, 'سلام ')).toBeUndefined();
    expect(simpleLayout(emoji, '1\ufe0f\u20e3')).toBeUndefined();
    // Noto Serif KR has f-ligatures in its default features: "office" is fontkit's, "of" not.
    expect(simpleLayout(korean, 'office ')).toBeUndefined();
    expect(simpleLayout(korean, 'of ')).toBeDefined();
    expect(simpleLayout(korean, '한국어 ')).toBeDefined();
    expect(simpleLayout(tinos, '')).toEqual({ glyphs: [], xAdvance: [], yAdvance: [], xOffset: [], yOffset: [], advanceWidth: 0 });
  });

  it('kerns as fontkit does, the second glyph of a pair included', () => {
    const font = open(path('Tinos'));
    const run = simpleLayout(font, 'AVATAR To. ')!;
    expect(run.xAdvance).toEqual(font.layout('AVATAR To. ').positions.map((p) => p.xAdvance));
    expect(run.xAdvance.some((x, i) => x !== run.glyphs[i].advanceWidth)).toBe(true);
  });
});
