// TrueType subsets for embedding, written from the font file's own bytes. fontkit's subset
// decodes every glyph and re-encodes every table through its structure library (~2 ms for the
// faces of a release); a subset for a PDF needs only glyph records copied, composite
// references renumbered and a few counts changed, which is a matter of microseconds.
import type { Font } from 'fontkit';
import { forEachComponent, glyphRecord, horizontalMetrics, sfntFile, tableCopy, writeSfnt, type SfntFile } from '../fonts/sfnt.js';

/** The part of fontkit's subset object that decides which glyphs go in, in which order. */
export interface GlyphSubset {
  glyphs: number[];
  includeGlyph(id: number): number;
}

/** The tables a PDF's FontFile2 needs (ISO 32000 9.9): no cmap, name, OS/2 or post. */
const EMBEDDED = ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'] as const;

/** A glyph's record, composite components renumbered into the subset (which may add them). */
function renumberedRecord(file: SfntFile, gid: number, subset: GlyphSubset): Uint8Array {
  const original = glyphRecord(file, gid);
  if (original.length < 10 || !(original[0] & 0x80)) return original; // numberOfContours >= 0: simple
  const record = new Uint8Array(original); // a copy: the font's own bytes stay as they are
  const view = new DataView(record.buffer);
  forEachComponent(original, (component, at) => view.setUint16(at, subset.includeGlyph(component)));
  return record;
}

/**
 * The subset as a TrueType file: glyphs in the subset's order (composite components appended
 * as they are met, as fontkit does), long loca, every glyph with its own hmtx entry.
 */
export function encodeTrueTypeSubset(font: Font, subset: GlyphSubset): Uint8Array {
  const file = sfntFile(font);
  const records: Uint8Array[] = [];
  for (let i = 0; i < subset.glyphs.length; i++) records.push(renumberedRecord(file, subset.glyphs[i], subset));
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

  const head = tableCopy(file, 'head');
  new DataView(head.buffer).setInt16(50, 1);
  const hhea = tableCopy(file, 'hhea');
  new DataView(hhea.buffer).setUint16(34, count);
  const maxp = tableCopy(file, 'maxp');
  new DataView(maxp.buffer).setUint16(4, count);

  const data: Record<string, Uint8Array> = { glyf, head, hhea, maxp, hmtx: new Uint8Array(hmtx.buffer), loca: new Uint8Array(loca.buffer) };
  for (const tag of EMBEDDED) if (!data[tag] && file.tables[tag]) data[tag] = tableCopy(file, tag);
  return writeSfnt(data);
}
