// EPUB font subsets that keep every glyph id of the original font, written from the font file's
// bytes in under a millisecond (~0.4 ms for a Tinos face), with no HarfBuzz (~70 ms to compile,
// ~85 MB of WebAssembly memory per thread). With the ids kept, GSUB and GDEF are copied as they
// are and stay valid, and GPOS only loses the subtables that cannot act on the glyphs kept
// (gpos-prune.ts), so kerning and every OpenType feature keep working in the reader; the glyphs
// the book does not need are left empty (a zero-length loca entry) instead of being taken out.
// For simple text only (see `keepsGlyphIds`): a script whose shaping builds glyphs from others
// (marks, Arabic, Indic, emoji sequences) goes through HarfBuzz's subsetter instead, and so
// does a font of many glyphs (MAX_PER_GLYPH_BYTES).
import type { Font } from 'fontkit';
import { simpleScriptOf } from '../fonts/simple-shaper.js';
import { forEachComponent, glyphRecord, hasTrueTypeOutlines, sfntFile, tableCopy, writeSfnt, type SfntFile } from '../fonts/sfnt.js';
import { buildCmap } from './cmap.js';
import { pruneGpos } from './gpos-prune.js';
import { closeOverSubstitutions, readSubstitutions, type Substitutions } from './gsub-closure.js';

/**
 * Whether a code point is drawn with its cmap glyph alone, nothing composed from or around it:
 * the simple shaper's characters (Latin, punctuation, digits, symbols, Hangul syllables), plus
 * Latin Extended Additional, IPA and spacing modifiers, Greek, Cyrillic (less its combining
 * marks), number forms, technical and other symbols, dingbats, mathematical letters and single
 * emoji. Not combining marks, jamo, Hebrew, Arabic, Indic scripts, variation selectors, joiners,
 * skin-tone modifiers or regional indicators (which make flags in pairs).
 */
export function keepsGlyphIds(cp: number): boolean {
  if (simpleScriptOf(cp) >= 0) return true;
  if (cp >= 0x250 && cp <= 0x2ff) return true; // IPA extensions, spacing modifier letters
  if (cp >= 0x370 && cp <= 0x52f) return cp < 0x483 || cp > 0x489; // Greek, Cyrillic (less combining)
  if (cp >= 0x1e00 && cp <= 0x1fff) return true; // Latin Extended Additional, Greek Extended
  if (cp >= 0x2070 && cp <= 0x209f) return true; // superscripts and subscripts
  if (cp >= 0x2150 && cp <= 0x218f) return true; // number forms
  if (cp >= 0x2300 && cp <= 0x27bf) return true; // technical, boxes, shapes, symbols, dingbats
  if (cp >= 0x1d400 && cp <= 0x1d7ff) return true; // mathematical letters and digits
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return false; // regional indicators
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return false; // skin-tone modifiers
  return cp >= 0x1f000 && cp <= 0x1faff; // symbols and emoji, one code point each
}

/** Tables copied as they are (hmtx then loses the entries of unused glyphs): with the glyph ids kept, each stays valid as it was. */
const VERBATIM = ['hhea', 'maxp', 'hmtx', 'OS/2', 'name', 'cvt ', 'fpgm', 'prep', 'gasp', 'GDEF', 'GSUB', 'kern', 'vhea', 'vmtx'];
/**
 * A subset keeping every glyph id carries loca, hmtx (and vmtx) entries for every glyph of the
 * font, 6 to 10 bytes each whatever the text: fine for a Latin font's ~3,000 glyphs (~20 KB),
 * not for a CJK font's ~25,000 (~250 KB, against ~30 KB for HarfBuzz's renumbered subset).
 */
export const MAX_PER_GLYPH_BYTES = 32_768;
/** Tables that make a font other than a static TrueType one, whose subset would lose them. */
const UNSUPPORTED = ['CFF ', 'CFF2', 'fvar', 'morx', 'COLR', 'sbix', 'CBDT', 'SVG '];

/**
 * Whether the glyph-id-keeping subset serves this face and these code points: a static
 * TrueType-outline face of few enough glyphs (MAX_PER_GLYPH_BYTES), and code points that are
 * all simple (see `keepsGlyphIds`).
 */
export function canKeepGlyphIds(font: Font, codePoints: Iterable<number>): boolean {
  if (!hasTrueTypeOutlines(font)) return false;
  const { tables, numGlyphs } = sfntFile(font);
  if (UNSUPPORTED.some((tag) => tables[tag])) return false;
  if (numGlyphs * (tables.vmtx ? 10 : 6) > MAX_PER_GLYPH_BYTES) return false;
  for (const cp of codePoints) if (!keepsGlyphIds(cp)) return false;
  return true;
}

interface FaceData {
  file: SfntFile;
  /** Substitutions of the font's GSUB, read on first use. */
  substitutions: Substitutions | undefined;
}
const faces = new WeakMap<Font, FaceData>();

function faceData(font: Font): FaceData {
  let data = faces.get(font);
  if (!data) {
    const file = sfntFile(font);
    const gsub = file.tables.GSUB;
    data = { file, substitutions: gsub ? readSubstitutions(file.bytes, gsub.offset, file.numGlyphs) : undefined };
    faces.set(font, data);
  }
  return data;
}

/** fontkit's cmap lookup, without making glyph objects (which fontkit keeps). */
function cmapGlyph(font: Font, cp: number): number {
  const processor = (font as unknown as { _cmapProcessor?: { lookup(cp: number): number } })._cmapProcessor;
  return processor ? processor.lookup(cp) : font.glyphForCodePoint(cp).id;
}

/** Each used code point the font maps, to its glyph id. */
export function codePointGlyphs(font: Font, codePoints: Iterable<number>): Map<number, number> {
  const { numGlyphs } = sfntFile(font);
  const mapping = new Map<number, number>();
  for (const cp of codePoints) {
    const gid = cmapGlyph(font, cp);
    if (gid > 0 && gid < numGlyphs) mapping.set(cp, gid);
  }
  return mapping;
}

/**
 * The glyphs the subset keeps, ascending: .notdef, the cmap glyph of each code point, every
 * glyph the font's substitutions can put in their place, and composite components, recursively.
 */
export function neededGlyphs(font: Font, codePoints: Iterable<number>): number[] {
  return glyphsFor(font, codePointGlyphs(font, codePoints));
}

function glyphsFor(font: Font, mapping: Map<number, number>): number[] {
  const { file, substitutions } = faceData(font);
  const glyphs = new Set<number>([0, ...mapping.values()]);
  if (substitutions) closeOverSubstitutions(glyphs, substitutions);
  const queue = [...glyphs];
  while (queue.length) {
    forEachComponent(glyphRecord(file, queue.pop()!), (component) => {
      if (component < file.numGlyphs && !glyphs.has(component)) {
        glyphs.add(component);
        queue.push(component);
      }
    });
  }
  return [...glyphs].sort((a, b) => a - b);
}

/**
 * hmtx with the entries of glyphs not kept set to zero: the reader never meets those glyphs,
 * and runs of zeros deflate to nothing (~6 kB less per face in the zipped book).
 */
function metricsOf(hmtx: Uint8Array, numberOfHMetrics: number, needed: number[]): Uint8Array {
  const out = new Uint8Array(hmtx.length);
  for (const gid of needed) {
    const [at, size] = gid < numberOfHMetrics ? [4 * gid, 4] : [4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics), 2];
    if (at + size <= hmtx.length) out.set(hmtx.subarray(at, at + size), at);
  }
  // A glyph past the long metrics takes the last long advance: keep it.
  if (numberOfHMetrics > 0) out.set(hmtx.subarray(4 * (numberOfHMetrics - 1), 4 * numberOfHMetrics), 4 * (numberOfHMetrics - 1));
  return out;
}

/**
 * The face cut down to `codePoints` with every glyph id kept (see the top of this file): a new
 * cmap of the used code points; glyf and loca with only the needed glyphs' records; GPOS
 * without the subtables that cannot act on them (gpos-prune.ts); post without glyph names;
 * the other tables as they are. The same input gives the same bytes.
 */
export function subsetKeepingGlyphIds(font: Font, codePoints: Iterable<number>): Uint8Array {
  const { file } = faceData(font);
  const mapping = codePointGlyphs(font, codePoints);
  const needed = glyphsFor(font, mapping);
  const tables: Record<string, Uint8Array> = { cmap: buildCmap(mapping), ...glyfAndLoca(file, needed) };
  for (const tag of VERBATIM) if (file.tables[tag]) tables[tag] = tableCopy(file, tag);
  tables.hmtx = metricsOf(tables.hmtx, file.numberOfHMetrics, needed);
  if (file.tables.GPOS) tables.GPOS = gposFor(file, needed);
  if (file.tables.post) tables.post = postWithoutNames(file);
  return writeSfnt(tables);
}

/**
 * glyf with the records of `needed` (4-byte aligned, as the spec recommends), every other glyph
 * empty; loca with short offsets when they reach (the glyf of a few hundred glyphs), else long,
 * and head saying which.
 */
function glyfAndLoca(file: SfntFile, needed: number[]): { glyf: Uint8Array; loca: Uint8Array; head: Uint8Array } {
  const { numGlyphs } = file;
  const records = needed.map((gid) => glyphRecord(file, gid));
  const glyf = new Uint8Array(records.reduce((n, r) => n + ((r.length + 3) & ~3), 0));
  const long = glyf.length > 0x1fffe;
  const loca = new Uint8Array((long ? 4 : 2) * (numGlyphs + 1));
  const view = new DataView(loca.buffer);
  const put = long ? (gid: number, at: number) => view.setUint32(4 * gid, at) : (gid: number, at: number) => view.setUint16(2 * gid, at / 2);
  let at = 0;
  let next = 0; // index in `needed`
  for (let gid = 0; gid < numGlyphs; gid++) {
    put(gid, at);
    if (needed[next] === gid) {
      const record = records[next++];
      glyf.set(record, at);
      at += (record.length + 3) & ~3;
    }
  }
  put(numGlyphs, at);
  const head = tableCopy(file, 'head');
  new DataView(head.buffer).setInt16(50, long ? 1 : 0); // indexToLocFormat
  return { glyf, loca, head };
}

/** GPOS pruned for the glyphs kept; as it is when the pruner meets something it does not know. */
function gposFor(file: SfntFile, needed: number[]): Uint8Array {
  const gpos = tableCopy(file, 'GPOS');
  try {
    return pruneGpos(gpos, needed);
  } catch {
    return gpos;
  }
}

/** post version 3.0: the original's header fields, without glyph names. */
function postWithoutNames(file: SfntFile): Uint8Array {
  const post = tableCopy(file, 'post');
  if (post.length < 32) throw new Error('post table shorter than its header');
  const header = post.slice(0, 32);
  new DataView(header.buffer).setUint32(0, 0x00030000);
  return header;
}
