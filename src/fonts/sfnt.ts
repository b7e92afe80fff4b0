// Reading and writing TrueType (sfnt) files from their bytes, for the font subsets of the PDF
// (glyphs renumbered) and the EPUB (glyph ids kept): fontkit keeps the file's bytes and its
// table directory, and a subset is glyph records and tables copied, with a few fields changed.
import type { Font } from 'fontkit';

export interface TableEntry {
  offset: number;
  length: number;
}

/** A TrueType-outline font file as read once per font: bytes, tables and glyph locations. */
export interface SfntFile {
  bytes: Uint8Array;
  view: DataView;
  tables: Record<string, TableEntry | undefined>;
  numGlyphs: number;
  /** Byte offsets of each glyph's record in `glyf`, numGlyphs + 1 of them. */
  loca: Uint32Array;
  numberOfHMetrics: number;
}

/** The tables every TrueType-outline font has, and that a subset is made from. */
const REQUIRED = ['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp'];

/** fontkit's bytes and table directory of a font (present on every sfnt font it opens). */
export function fontBytes(font: Font): { bytes: Uint8Array; tables: Record<string, TableEntry | undefined> } {
  const internal = font as unknown as { stream: { buffer: Uint8Array }; directory: { tables: Record<string, TableEntry | undefined> } };
  return { bytes: internal.stream.buffer, tables: internal.directory.tables };
}

/** Whether the font has TrueType outlines (`glyf`, `loca`) and the tables a subset needs. */
export function hasTrueTypeOutlines(font: Font): boolean {
  const { tables } = fontBytes(font);
  return REQUIRED.every((tag) => tables[tag]);
}

const files = new WeakMap<Font, SfntFile>();

/** The font's file, read once per font; throws for a font without TrueType outlines. */
export function sfntFile(font: Font): SfntFile {
  let file = files.get(font);
  if (file) return file;
  const { bytes, tables } = fontBytes(font);
  for (const tag of REQUIRED) {
    if (!tables[tag]) throw new Error(`${font.postscriptName}: no ${tag} table (not a TrueType-outline font)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numGlyphs = view.getUint16(tables.maxp!.offset + 4);
  const long = view.getInt16(tables.head!.offset + 50) === 1;
  const locaAt = tables.loca!.offset;
  if (tables.loca!.length < (numGlyphs + 1) * (long ? 4 : 2)) throw new Error(`${font.postscriptName}: loca shorter than numGlyphs + 1 entries`);
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) loca[i] = long ? view.getUint32(locaAt + 4 * i) : 2 * view.getUint16(locaAt + 2 * i);
  file = { bytes, view, tables, numGlyphs, loca, numberOfHMetrics: view.getUint16(tables.hhea!.offset + 34) };
  files.set(font, file);
  return file;
}

/** A glyph's record in `glyf`, as a view of the file's bytes (empty for a glyph with no outline). */
export function glyphRecord(file: SfntFile, gid: number): Uint8Array {
  const start = file.tables.glyf!.offset + file.loca[gid];
  const end = file.tables.glyf!.offset + file.loca[gid + 1];
  if (end < start || end > file.bytes.length) throw new Error(`glyph ${gid}: record outside the file`);
  return file.bytes.subarray(start, end);
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * Calls `fn` with each component glyph id of a composite glyph record and the position of that
 * id in the record; nothing for a simple or empty glyph.
 */
export function forEachComponent(record: Uint8Array, fn: (gid: number, at: number) => void): void {
  if (record.length < 10) return;
  const view = new DataView(record.buffer, record.byteOffset, record.byteLength);
  if (view.getInt16(0) >= 0) return;
  let pos = 10;
  for (;;) {
    const flags = view.getUint16(pos);
    fn(view.getUint16(pos + 2), pos + 2);
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
    if (!(flags & MORE_COMPONENTS)) return;
  }
}

/** Advance width and left side bearing of a glyph from hmtx. */
export function horizontalMetrics(file: SfntFile, gid: number): [number, number] {
  const { view, numberOfHMetrics } = file;
  const hmtx = file.tables.hmtx!.offset;
  if (gid < numberOfHMetrics) return [view.getUint16(hmtx + 4 * gid), view.getInt16(hmtx + 4 * gid + 2)];
  return [view.getUint16(hmtx + 4 * (numberOfHMetrics - 1)), view.getInt16(hmtx + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics))];
}

/** A copy of a table's bytes, to change or to write as it is. */
export function tableCopy(file: SfntFile, tag: string): Uint8Array {
  const t = file.tables[tag];
  if (!t) throw new Error(`no ${tag} table`);
  if (t.offset + t.length > file.bytes.length) throw new Error(`${tag} table outside the file`);
  // A new array: the bytes may be a Node Buffer, whose slice() is a view of the font file.
  return new Uint8Array(file.bytes.subarray(t.offset, t.offset + t.length));
}

/** The sfnt table checksum: the sum of the table's big-endian 32-bit words, zero-padded. */
export function checksum(data: Uint8Array): number {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let sum = 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = (last << 8) | (i < data.length ? data[i] : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

/**
 * A TrueType file of the given tables: directory sorted by tag, each table 4-byte aligned with
 * its checksum, and head's checkSumAdjustment set so that the whole file sums to 0xB1B0AFBA
 * (head's own checksum taken with the adjustment zero, as the spec says).
 */
export function writeSfnt(tables: Record<string, Uint8Array>): Uint8Array {
  const tags = Object.keys(tables).sort();
  const n = tags.length;
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= n) entrySelector++;
  const searchRange = 16 * 2 ** entrySelector;
  let size = 12 + 16 * n;
  for (const tag of tags) size += (tables[tag].length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, 16 * n - searchRange);
  let offset = 12 + 16 * n;
  let headOffset = -1;
  tags.forEach((tag, i) => {
    const t = tables[tag];
    out.set(t, offset);
    if (tag === 'head') {
      headOffset = offset;
      view.setUint32(offset + 8, 0);
    }
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, checksum(out.subarray(offset, offset + t.length)));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, t.length);
    offset += (t.length + 3) & ~3;
  });
  if (headOffset >= 0) view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
