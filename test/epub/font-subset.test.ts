import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { canKeepGlyphIds, codePointGlyphs, neededGlyphs, subsetKeepingGlyphIds } from '../../src/epub/font-subset.js';
import { fontCatalog, subsetFace } from '../../src/epub/fonts.js';
import { pruneGpos } from '../../src/epub/gpos-prune.js';
import { sfntFile, tableCopy } from '../../src/fonts/sfnt.js';
import { korean } from './releases.js';
import { otsCheck } from '../support/validators.js';

const require = createRequire(import.meta.url);
const open = (path: string) => fontkit.openSync(require.resolve(`@expo-google-fonts/${path}`)) as fontkit.Font;
const FACES = {
  'Tinos Regular': 'tinos/400Regular/Tinos_400Regular.ttf',
  'Tinos Italic': 'tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  'Tinos Bold': 'tinos/700Bold/Tinos_700Bold.ttf',
  'Tinos Bold Italic': 'tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
  Arimo: 'arimo/400Regular/Arimo_400Regular.ttf',
  'Noto Serif KR': 'noto-serif-kr/400Regular/NotoSerifKR_400Regular.ttf',
};
const fonts = new Map<string, fontkit.Font>();
const font = (name: keyof typeof FACES) => fonts.get(name) ?? fonts.set(name, open(FACES[name])).get(name)!;

const examples = join(dirname(fileURLToPath(import.meta.url)), '../../examples');
/** The text of every example release, and the Korean test release without its markup. */
const exampleText = readdirSync(examples)
  .filter((f) => /\.(ya?ml|md)$/.test(f))
  .sort()
  .map((f) => readFileSync(join(examples, f), 'utf8'))
  .join('\n');
const koreanText = korean.xhtml.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');
const codePointsOf = (text: string) => [...new Set([...text].map((c) => c.codePointAt(0)!))].filter((cp) => cp >= 0x20);

/** The sfnt table directory: tag → offset, length and recorded checksum. */
function directory(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, { offset: number; length: number; checksum: number }>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const entry = 12 + 16 * i;
    tables.set(String.fromCharCode(...bytes.subarray(entry, entry + 4)), { checksum: view.getUint32(entry + 4), offset: view.getUint32(entry + 8), length: view.getUint32(entry + 12) });
  }
  return tables;
}

/** The sum of big-endian words of `length` bytes from `from`, zero-padded (the sfnt checksum). */
function sum(bytes: Uint8Array, from: number, length: number): number {
  let s = 0;
  for (let i = 0; i < length; i += 4) {
    const word = [0, 1, 2, 3].reduce((w, k) => (w << 8) | (i + k < length ? bytes[from + i + k] : 0), 0);
    s = (s + (word >>> 0)) >>> 0;
  }
  return s;
}

/** Checksums, alignment, order and the whole-file adjustment, as the OpenType spec asks. */
function expectWellFormed(bytes: Uint8Array): void {
  const tables = directory(bytes);
  const tags = [...tables.keys()];
  expect(tags).toEqual([...tags].sort());
  for (const [tag, t] of tables) {
    expect(t.offset % 4, tag).toBe(0);
    for (let i = t.offset + t.length; i < ((t.offset + t.length + 3) & ~3); i++) expect(bytes[i], `${tag} padding`).toBe(0);
    if (tag === 'head') {
      const head = bytes.slice(t.offset, t.offset + t.length);
      head.fill(0, 8, 12); // checkSumAdjustment counts as zero in head's own checksum
      expect(t.checksum, tag).toBe(sum(head, 0, head.length));
    } else {
      expect(t.checksum, tag).toBe(sum(bytes, t.offset, t.length));
    }
  }
  expect(sum(bytes, 0, bytes.length)).toBe(0xb1b0afba);
}

/** Positions of a layout, glyph by glyph. */
const positions = (run: fontkit.GlyphRun) => run.positions.map((p, i) => [run.glyphs[i].id, p.xAdvance, p.yAdvance, p.xOffset, p.yOffset].join(' '));

/** Every property the subset of `original` for `text` must have. */
function expectFaithful(original: fontkit.Font, text: string, layoutText = text): Uint8Array {
  const codePoints = codePointsOf(text);
  const bytes = subsetKeepingGlyphIds(original, codePoints);
  expectWellFormed(bytes);
  const subset = fontkit.create(Buffer.from(bytes)) as fontkit.Font;
  expect(subset.numGlyphs).toBe(original.numGlyphs);

  // The cmap maps the used code points, each to its glyph in the original, and nothing else.
  const mapping = codePointGlyphs(original, codePoints);
  // (fontkit lists U+FFFF, the closing segment every format 4 subtable has, mapped to .notdef)
  expect(subset.characterSet.filter((cp) => cp !== 0xffff).sort((a, b) => a - b)).toEqual([...mapping.keys()].sort((a, b) => a - b));
  for (const [cp, gid] of mapping) {
    const glyph = subset.glyphForCodePoint(cp);
    expect(glyph.id, `U+${cp.toString(16)}`).toBe(gid);
    expect(glyph.advanceWidth).toBe(original.getGlyph(gid).advanceWidth);
    expect(glyph.path.toSVG()).toBe(original.getGlyph(gid).path.toSVG());
  }

  // The same shaping, kerning included: the layout tables keep their meaning.
  const theirs = original.layout(layoutText);
  const ours = subset.layout(layoutText);
  expect(positions(ours)).toEqual(positions(theirs));
  for (const glyph of new Set(theirs.glyphs.map((g) => g.id))) expect(subset.getGlyph(glyph).path.toSVG()).toBe(original.getGlyph(glyph).path.toSVG());

  // Needed glyphs have their record as it was; every other glyph is empty.
  const needed = new Set(neededGlyphs(original, codePoints));
  const a = sfntFile(original);
  const b = sfntFile(subset);
  for (let gid = 0; gid < original.numGlyphs; gid++) {
    const length = b.loca[gid + 1] - b.loca[gid];
    if (!needed.has(gid)) {
      if (length !== 0) expect.fail(`glyph ${gid} is not needed but has ${length} bytes`);
    } else if (length < a.loca[gid + 1] - a.loca[gid] || length > ((a.loca[gid + 1] - a.loca[gid] + 3) & ~3)) {
      expect.fail(`glyph ${gid}: ${length} bytes instead of ${a.loca[gid + 1] - a.loca[gid]}`);
    }
  }
  return bytes;
}

describe('subsets keeping glyph ids', () => {
  test.each(Object.keys(FACES).filter((f) => f !== 'Noto Serif KR'))('%s, the examples: same glyph ids, outlines, advances and layout', (name) => {
    const f = font(name as keyof typeof FACES);
    expect(canKeepGlyphIds(f, codePointsOf(exampleText))).toBe(true);
    expectFaithful(f, exampleText);
  });

  test('Noto Serif KR, Hangul with Latin: same glyph ids, outlines, advances and layout', () => {
    const f = font('Noto Serif KR');
    const bytes = expectFaithful(f, `${koreanText} ${exampleText}`, koreanText);
    // Its 24,809 glyphs each keep loca, hmtx and vmtx entries, whatever the text: HarfBuzz's
    // renumbered subset is far smaller, so the EPUB keeps using it for this face.
    expect(bytes.length).toBeGreaterThan(200_000);
    expect(canKeepGlyphIds(f, codePointsOf(koreanText))).toBe(false);
  });

  test('tables: a new cmap and post, glyf, loca and hmtx rebuilt, GPOS pruned, the rest as in the font', () => {
    const original = font('Tinos Bold');
    const bytes = subsetKeepingGlyphIds(original, codePointsOf(exampleText));
    const tables = directory(bytes);
    expect([...tables.keys()]).toEqual(['GDEF', 'GPOS', 'GSUB', 'OS/2', 'cmap', 'cvt ', 'fpgm', 'gasp', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post', 'prep']);
    const file = sfntFile(original);
    for (const tag of ['GDEF', 'GSUB', 'OS/2', 'cvt ', 'fpgm', 'gasp', 'hhea', 'maxp', 'name', 'prep']) {
      const t = tables.get(tag)!;
      expect(Buffer.from(bytes.subarray(t.offset, t.offset + t.length)).equals(Buffer.from(tableCopy(file, tag))), tag).toBe(true);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    // hmtx: the kept glyphs' entries as in the font, every other entry zero.
    const hmtx = tables.get('hmtx')!;
    const theirs = tableCopy(file, 'hmtx');
    const kept = new Set(neededGlyphs(original, codePointsOf(exampleText)));
    const metricsCount = file.numberOfHMetrics;
    expect(hmtx.length).toBe(theirs.length);
    for (let gid = 0; gid < original.numGlyphs; gid++) {
      const [at, size] = gid < metricsCount ? [4 * gid, 4] : [4 * metricsCount + 2 * (gid - metricsCount), 2];
      const ours = Buffer.from(bytes.subarray(hmtx.offset + at, hmtx.offset + at + size));
      const expected = kept.has(gid) || gid === metricsCount - 1 ? Buffer.from(theirs.subarray(at, at + size)) : Buffer.alloc(size);
      if (!ours.equals(expected)) expect.fail(`hmtx entry of glyph ${gid}`);
    }
    const post = tables.get('post')!;
    expect(post.length).toBe(32);
    expect(view.getUint32(post.offset)).toBe(0x00030000);
    expect(Buffer.from(bytes.subarray(post.offset + 4, post.offset + 32)).equals(Buffer.from(tableCopy(file, 'post').subarray(4, 32)))).toBe(true);
    // Short loca offsets, as the glyf of a few hundred glyphs allows.
    expect(view.getInt16(tables.get('head')!.offset + 50)).toBe(0);
    expect(tables.get('loca')!.length).toBe(2 * (original.numGlyphs + 1));
    // Mark attachment cannot act without marks: most of Tinos Bold's GPOS goes.
    expect(tables.get('GPOS')!.length).toBeLessThan(file.tables.GPOS!.length / 5);
  });

  test('the GPOS pruner reads every GPOS of the faces; with every glyph kept it gives the table back byte for byte', () => {
    const arabic = fontkit.openSync(require.resolve('@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf')) as fontkit.Font;
    for (const [name, f] of [...(Object.keys(FACES) as (keyof typeof FACES)[]).map((n) => [n, font(n)] as const), ['Noto Naskh Arabic', arabic] as const]) {
      const gpos = tableCopy(sfntFile(f), 'GPOS');
      // Every object of the table walked and every offset written again, to the same place.
      const all = Array.from({ length: f.numGlyphs }, (_, i) => i);
      expect(Buffer.from(pruneGpos(gpos, all)).equals(Buffer.from(gpos)), name).toBe(true);
      expect(pruneGpos(gpos, neededGlyphs(f, codePointsOf(exampleText + koreanText))).length, name).toBeLessThan(gpos.length);
    }
  });

  test('a code point above U+FFFF: format 12 beside format 4, under the Unicode and Windows encodings', () => {
    const emoji = fontkit.openSync(require.resolve('@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf')) as fontkit.Font;
    const text = 'Launch 🚀 ☀ 🌊 ⚓';
    expect(canKeepGlyphIds(emoji, codePointsOf(text))).toBe(true);
    const bytes = expectFaithful(emoji, text);
    const cmap = directory(bytes).get('cmap')!;
    const view = new DataView(bytes.buffer, bytes.byteOffset + cmap.offset);
    const records = Array.from({ length: view.getUint16(2) }, (_, i) => [view.getUint16(4 + 8 * i), view.getUint16(6 + 8 * i), view.getUint16(view.getUint32(8 + 8 * i))]);
    expect(records).toEqual([[0, 3, 4], [0, 4, 12], [3, 1, 4], [3, 10, 12]]);
  });

  test('the OpenType Sanitizer of Chrome and Firefox accepts every subset as it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-ots-'));
    for (const name of Object.keys(FACES) as (keyof typeof FACES)[]) {
      const text = name === 'Noto Serif KR' ? koreanText : exampleText;
      const path = join(dir, `${name.replace(/ /g, '-')}.ttf`);
      writeFileSync(path, subsetKeepingGlyphIds(font(name), codePointsOf(text)));
      const { ok, output } = otsCheck(path);
      expect(ok, `${name}: ${output}`).toBe(true);
      // It names each table it had to drop or repair; a font it passes untouched says only this.
      expect(output, name).toBe('File sanitized successfully!');
    }
  });

  test('same input, same bytes, whatever the order of the characters', () => {
    const f = font('Tinos Regular');
    const codePoints = codePointsOf(exampleText);
    const first = subsetKeepingGlyphIds(f, codePoints);
    expect(Buffer.from(subsetKeepingGlyphIds(f, [...codePoints].reverse())).equals(Buffer.from(first))).toBe(true);
  });

  test('any set of Latin-1 and Latin Extended-A characters (property)', () => {
    const latin = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i), ...Array.from({ length: 0x180 - 0xa0 }, (_, i) => 0xa0 + i)].filter((cp) => cp !== 0xad);
    const chars = fc.uniqueArray(fc.constantFrom(...latin), { minLength: 10, maxLength: 80 });
    for (const name of ['Tinos Bold Italic', 'Arimo'] as const) {
      const f = font(name);
      fc.assert(
        fc.property(chars, fc.array(fc.nat(), { minLength: 1, maxLength: 80 }), (set, picks) => {
          const text = String.fromCodePoint(...set);
          // Random text, then every pair of the characters: kerning wherever the font has it.
          const pairs = set.flatMap((a) => set.map((b) => String.fromCodePoint(a, b))).join('');
          const sample = String.fromCodePoint(...picks.map((k) => set[k % set.length])) + pairs;
          expect(canKeepGlyphIds(f, set)).toBe(true);
          const bytes = expectFaithful(f, text, sample);
          expect(Buffer.from(subsetKeepingGlyphIds(f, set)).equals(Buffer.from(bytes))).toBe(true);
        }),
        { numRuns: 25 },
      );
    }
  });
});

describe('which subsetter', () => {
  const face = (id: string) => fontCatalog().flatMap((f) => f.faces).find((f) => f.id === id)!;
  const glyphCount = async (id: string, text: string) => (fontkit.create(await subsetFace(face(id), codePointsOf(text))) as fontkit.Font).numGlyphs;

  test('text that shaping builds from several glyphs is not simple: marks, Hebrew, Arabic, Indic, emoji sequences', () => {
    const f = font('Tinos Regular');
    expect(canKeepGlyphIds(f, codePointsOf('Ünïcödé Ελληνικά Кириллица № ½ → ✓'))).toBe(true);
    for (const text of ['e\u0301', 'שָׁלוֹם', 'שלום', 'سلام', 'नमस्ते', '👍🏽', '❤️', '👩‍💻', '🇳🇴', 'ᄀ']) {
      expect(canKeepGlyphIds(f, codePointsOf(text)), text).toBe(false);
    }
  });

  test('Latin text keeps glyph ids without loading HarfBuzz; Hebrew and Korean go through HarfBuzz, loaded then', async () => {
    const loaded = () => Object.keys(require.cache).some((path) => /[\\/]subset-font[\\/]/.test(path));
    expect(loaded()).toBe(false);
    expect(await glyphCount('Tinos-400-normal', 'Press release: “Delegates” — 12 countries')).toBe(font('Tinos Regular').numGlyphs);
    expect(loaded()).toBe(false);
    expect(await glyphCount('Tinos-400-normal', 'שלום עולם')).toBeLessThan(40);
    expect(loaded()).toBe(true);
    expect(await glyphCount('NotoSerifKR-400-normal', koreanText)).toBeLessThan(200);
  });

  test('a subset is made once per face and character set', async () => {
    const tinos = face('Tinos-700-normal');
    expect(subsetFace(tinos, codePointsOf('abc'))).toBe(subsetFace(tinos, codePointsOf('cba')));
  });
});
