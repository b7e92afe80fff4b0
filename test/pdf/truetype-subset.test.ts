import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeTrueTypeSubset } from '../../src/pdf/truetype-subset.js';

const require = createRequire(import.meta.url);
const FACES = ['@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf', '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf', '@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf'];
const open = (path: string) => fontkit.openSync(require.resolve(path)) as fontkit.Font;

/** Each glyph of both subsets, as outline and advance: what a PDF viewer draws. */
function drawn(bytes: Uint8Array): string[] {
  const font = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
  return Array.from({ length: font.numGlyphs }, (_, i) => {
    const glyph = font.getGlyph(i);
    return `${glyph.advanceWidth} ${glyph.path.toSVG()}`;
  });
}

/** The subset made by fontkit (what PDFKit embeds by itself) and ours, from the same glyph ids. */
function bothSubsets(font: fontkit.Font, ids: number[]) {
  const theirs = font.createSubset() as unknown as { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  const ours = font.createSubset() as unknown as { glyphs: number[]; includeGlyph(id: number): number };
  for (const id of ids) {
    theirs.includeGlyph(id);
    ours.includeGlyph(id);
  }
  const fontkitBytes = theirs.encode();
  const ourBytes = encodeTrueTypeSubset(font, ours);
  return { theirs, ours, fontkitBytes, ourBytes };
}

describe('TrueType subsets for the PDF', () => {
  test.each(FACES)('%s: the same glyphs, outlines and advances as fontkit, composites included', (path) => {
    const font = open(path);
    // Accented letters are composites in these fonts: their components join the subset.
    const ids = [...new Set(font.layout('Héllo wörld — “Quoted” Āā Œœ ½ ‰ € ı 0123').glyphs.map((g) => g.id))].sort((a, b) => a - b);
    const { theirs, ours, fontkitBytes, ourBytes } = bothSubsets(font, ids);
    expect(ours.glyphs).toEqual(theirs.glyphs);
    expect(ours.glyphs.length).toBeGreaterThan(ids.length);
    expect(drawn(ourBytes)).toEqual(drawn(fontkitBytes));
  });

  test('the file is a well-formed sfnt: table checksums and the whole-file adjustment hold', () => {
    const font = open(FACES[0]);
    const { ourBytes } = bothSubsets(font, [0, 36, 68, 100]);
    const view = new DataView(ourBytes.buffer, ourBytes.byteOffset, ourBytes.byteLength);
    const sum = (from: number, length: number) => {
      let s = 0;
      for (let i = 0; i < length; i += 4) {
        const word = [0, 1, 2, 3].reduce((w, k) => (w << 8) | (from + i + k < ourBytes.length && i + k < length ? ourBytes[from + i + k] : 0), 0);
        s = (s + (word >>> 0)) >>> 0;
      }
      return s;
    };
    const tables = view.getUint16(4);
    const tags: string[] = [];
    for (let i = 0; i < tables; i++) {
      const entry = 12 + 16 * i;
      const tag = String.fromCharCode(...ourBytes.subarray(entry, entry + 4));
      tags.push(tag);
      if (tag !== 'head') expect(view.getUint32(entry + 4), tag).toBe(sum(view.getUint32(entry + 8), view.getUint32(entry + 12)));
    }
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']));
    expect(sum(0, ourBytes.length)).toBe(0xb1b0afba);
  });

  test('any set of glyphs subsets as fontkit does (property)', () => {
    const font = open(FACES[1]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: font.numGlyphs - 1 }), { minLength: 1, maxLength: 40 }), (ids) => {
        const { theirs, ours, fontkitBytes, ourBytes } = bothSubsets(font, ids);
        expect(ours.glyphs).toEqual(theirs.glyphs);
        expect(drawn(ourBytes)).toEqual(drawn(fontkitBytes));
      }),
      { numRuns: 25 },
    );
  });
});
