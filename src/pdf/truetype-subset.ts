// TrueType subsets for embedding, written from the font file's own bytes. fontkit's subset
// decodes every glyph and re-encodes every table through its structure library (~2 ms for the
// faces of a release); a subset for a PDF needs only glyph records copied, composite
// references renumbered and a few counts changed, which is a matter of microseconds.
import type { Font } from 'fontkit';

/** The part of fontkit's subset object that decides which glyphs go in, in which order. */
export interface GlyphSubset {
  glyphs: number[];
  includeGlyph(id: number): number;
}

interface Table {
  offset: number;
  length: number;
}

interface FontFile {
  bytes: Uint8Array;
  view: DataView;
  tables: Record<string, Table>;
  /** Byte offsets of each glyph's record in `glyf`, numGlyphs + 1 of them. */
  loca: Uint32Array;
  numberOfHMetrics: number;
}

/** The tables a PDF's FontFile2 needs (ISO 32000 9.9): no cmap, name, OS/2 or post. */
const EMBEDDED = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'] as const;

const files = new WeakMap<Font, FontFile>();

/** fontkit keeps the file's bytes and its table directory; the rest is read here once per font. */
function fontFile(font: Font): FontFile {
  let file = files.get(font);
  if (file) return file;
  const internal = font as unknown as { stream: { buffer: Uint8Array }; directory: { tables: Record<string, Table> } };
  const bytes = internal.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = internal.directory.tables;
  for (const tag of ['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']) {
    if (!tables[tag]) throw new Error(`${font.postscriptName}: no ${tag} table to embed (not a TrueType-outline font)`);
  }
  const numGlyphs = view.getUint16(tables.maxp.offset + 4);
  const long = view.getInt16(tables.head.offset + 50) === 1;
  const loca = new Uint32Array(numGlyphs + 1);
  for (let i = 0; i <= numGlyphs; i++) {
    loca[i] = long ? view.getUint32(tables.loca.offset + 4 * i) : 2 * view.getUint16(tables.loca.offset + 2 * i);
  }
  file = { bytes, view, tables, loca, numberOfHMetrics: view.getUint16(tables.hhea.offset + 34) };
  files.set(font, file);
  return file;
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** A glyph's record, composite components renumbered into the subset (which may add them). */
function glyphRecord(file: FontFile, gid: number, subset: GlyphSubset): Uint8Array {
  const start = file.tables.glyf.offset + file.loca[gid];
  const length = file.loca[gid + 1] - file.loca[gid];
  if (length === 0 || file.view.getInt16(start) >= 0) return file.bytes.subarray(start, start + length);
  const record = new Uint8Array(file.bytes.subarray(start, start + length));
  const view = new DataView(record.buffer);
  let pos = 10;
  for (;;) {
    const flags = view.getUint16(pos);
    view.setUint16(pos + 2, subset.includeGlyph(view.getUint16(pos + 2)));
    pos += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) pos += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) pos += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) pos += 8;
    if (!(flags & MORE_COMPONENTS)) return record;
  }
}

/** Advance width and left side bearing of a glyph from hmtx. */
function horizontalMetrics(file: FontFile, gid: number): [number, number] {
  const { view, numberOfHMetrics } = file;
  const hmtx = file.tables.hmtx.offset;
  if (gid < numberOfHMetrics) return [view.getUint16(hmtx + 4 * gid), view.getInt16(hmtx + 4 * gid + 2)];
  return [view.getUint16(hmtx + 4 * (numberOfHMetrics - 1)), view.getInt16(hmtx + 4 * numberOfHMetrics + 2 * (gid - numberOfHMetrics))];
}

function checksum(data: Uint8Array): number {
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
 * The subset as a TrueType file: glyphs in the subset's order (composite components appended
 * as they are met, as fontkit does), long loca, every glyph with its own hmtx entry.
 */
export function encodeTrueTypeSubset(font: Font, subset: GlyphSubset): Uint8Array {
  const file = fontFile(font);
  const records: Uint8Array[] = [];
  for (let i = 0; i < subset.glyphs.length; i++) records.push(glyphRecord(file, subset.glyphs[i], subset));
  const count = records.length;

  const glyfLength = records.reduce((sum, r) => sum + r.length + (r.length & 1), 0);
  const glyf = new Uint8Array(glyfLength);
  const loca = new DataView(new ArrayBuffer(4 * (count + 1)));
  const hmtx = new DataView(new ArrayBuffer(4 * count));
  let at = 0;
  records.forEach((record, i) => {
    loca.setUint32(4 * i, at);
    glyf.set(record, at);
    at += record.length + (record.length & 1);
    const [advance, bearing] = horizontalMetrics(file, subset.glyphs[i]);
    hmtx.setUint16(4 * i, advance);
    hmtx.setInt16(4 * i + 2, bearing);
  });
  loca.setUint32(4 * count, at);

  const copy = (tag: string) => {
    const t = file.tables[tag];
    return new Uint8Array(file.bytes.subarray(t.offset, t.offset + t.length));
  };
  const head = copy('head');
  const headView = new DataView(head.buffer);
  headView.setUint32(8, 0);
  headView.setInt16(50, 1);
  const hhea = copy('hhea');
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = copy('maxp');
  new DataView(maxp.buffer).setUint16(4, count);

  const data: Record<string, Uint8Array> = { glyf, head, hhea, maxp, hmtx: new Uint8Array(hmtx.buffer), loca: new Uint8Array(loca.buffer) };
  for (const tag of ['cvt ', 'fpgm', 'prep']) if (file.tables[tag]) data[tag] = copy(tag);
  return writeSfnt(EMBEDDED.filter((tag) => data[tag]).map((tag) => [tag, data[tag]]), head);
}

/** An sfnt file of `tables` (sorted by tag), with checksums and head's checkSumAdjustment. */
function writeSfnt(tables: [string, Uint8Array][], head: Uint8Array): Uint8Array {
  const n = tables.length;
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= n) entrySelector++;
  const searchRange = 16 * 2 ** entrySelector;
  let size = 12 + 16 * n;
  for (const [, t] of tables) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x00010000);
  view.setUint16(4, n);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, 16 * n - searchRange);
  let offset = 12 + 16 * n;
  let headOffset = 0;
  tables.forEach(([tag, t], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 4, checksum(t));
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, t.length);
    out.set(t, offset);
    if (t === head) headOffset = offset;
    offset += (t.length + 3) & ~3;
  });
  view.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
