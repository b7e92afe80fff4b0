import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFontRegistry } from '../../src/fonts/index.js';
import type { FontFace } from '../../src/fonts/types.js';
import { itemise, type TypesetContext } from '../../src/typeset/itemise.js';
import { style, text } from './helpers.js';

const fonts = loadFontRegistry();

/** The face of each character as the rule goes: spaces, marks and invisibles stay with the face before. */
function faceRuns(value: string, faces: FontFace[]): { text: string; face: string }[] {
  const runs: { text: string; face: string }[] = [];
  let current: FontFace | undefined;
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    const invisible = [0x0a, 0xad, 0x200b, 0x2060, 0xfeff].includes(cp);
    const attaching = cp >= 0x300 && (cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || /\p{M}/u.test(ch));
    const space = [0x20, 0xa0, 0x09, 0x3000].includes(cp);
    const face = current && (invisible || attaching || (space && fonts.hasGlyph(current, cp))) ? current : (fonts.faceFor(faces, cp) ?? faces[0]);
    const last = runs[runs.length - 1];
    if (last && face === current) last.text += ch;
    else runs.push({ text: ch, face: face.id });
    current = face;
  }
  return runs;
}

describe('itemise', () => {
  it('sets each character in the first face of the chain that has it, whole runs at once or not', () => {
    const missing: number[] = [];
    const ctx: TypesetContext = { fonts, lang: 'en', missingGlyph: (cp) => missing.push(cp) };
    const chars = fc.constantFrom(...'Abc xyz, “quoted” – ’s é ß € … \u00A0'.split(''), '한', '글', '\u0301', '\u00AD', '\t', '😀', '\u200B', 'ש');
    for (const family of [['Tinos', 'serif'], ['Arimo', 'sans-serif'], ['Noto Serif KR']]) {
      const faces = fonts.resolve(family, 400, 'normal');
      fc.assert(
        fc.property(fc.oneof(fc.array(chars, { minLength: 1, maxLength: 30 }), fc.array(fc.constantFrom(...'The delegation’s “visit” – €12.50 à la carte'.split('')), { minLength: 1, maxLength: 40 })), (list) => {
          const value = list.join('');
          const segments = itemise([text(value, { fontFamily: family })], style({ fontFamily: family }), ctx);
          expect(segments.map((s) => ({ text: s.text, face: s.style.face.id }))).toEqual(faceRuns(value, faces));
        }),
        { numRuns: 500, seed: 9 },
      );
    }
  });
});
