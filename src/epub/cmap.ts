// A `cmap` table for a font subset: the used code points only, each to its glyph id in the
// original font. Format 4 holds the Basic Multilingual Plane; when a code point lies beyond it,
// a format 12 subtable holds them all (as the spec asks of fonts with supplementary characters).

/**
 * The table for `mapping` (code point → glyph id, none of them 0): format 4 under Unicode BMP
 * (0/3) and Windows Unicode BMP (3/1), plus format 12 under Unicode full (0/4) and Windows
 * Unicode full (3/10) when a code point is above U+FFFF. Throws when format 4 would outgrow
 * its 16-bit length.
 */
export function buildCmap(mapping: Map<number, number>): Uint8Array {
  const codePoints = [...mapping.keys()].sort((a, b) => a - b);
  const format4 = buildFormat4(codePoints.filter((cp) => cp < 0xffff), mapping);
  const format12 = codePoints[codePoints.length - 1] > 0xffff ? buildFormat12(codePoints, mapping) : undefined;
  const records: [number, number, Uint8Array][] = format12
    ? [[0, 3, format4], [0, 4, format12], [3, 1, format4], [3, 10, format12]]
    : [[0, 3, format4], [3, 1, format4]];
  const header = 4 + 8 * records.length;
  const out = new Uint8Array(header + format4.length + (format12?.length ?? 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, records.length);
  records.forEach(([platform, encoding, subtable], i) => {
    view.setUint16(4 + 8 * i, platform);
    view.setUint16(6 + 8 * i, encoding);
    view.setUint32(8 + 8 * i, subtable === format4 ? header : header + format4.length);
  });
  out.set(format4, header);
  if (format12) out.set(format12, header + format4.length);
  return out;
}

interface Segment {
  start: number;
  end: number;
  /** Glyph id minus code point (mod 65536) when the same for the whole segment, else undefined. */
  delta: number | undefined;
}

/** Format 4: a segment per run of consecutive code points, then the closing 0xFFFF segment. */
function buildFormat4(codePoints: number[], mapping: Map<number, number>): Uint8Array {
  const segments: Segment[] = [];
  for (const cp of codePoints) {
    const delta = (mapping.get(cp)! - cp) & 0xffff;
    const last = segments[segments.length - 1];
    if (last && last.end === cp - 1) {
      last.end = cp;
      if (last.delta !== delta) last.delta = undefined;
    } else {
      segments.push({ start: cp, end: cp, delta });
    }
  }
  // A segment whose glyph ids do not follow its code points reads them from glyphIdArray.
  const listed = segments.reduce((n, s) => n + (s.delta === undefined ? s.end - s.start + 1 : 0), 0);
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segments.length;
  const length = 16 + 8 * segCount + 2 * listed;
  if (length > 0xffff) throw new Error('cmap format 4 subtable too long');
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  let entrySelector = 0;
  while (2 ** (entrySelector + 1) <= segCount) entrySelector++;
  const searchRange = 2 * 2 ** entrySelector;
  view.setUint16(0, 4);
  view.setUint16(2, length);
  view.setUint16(6, 2 * segCount);
  view.setUint16(8, searchRange);
  view.setUint16(10, entrySelector);
  view.setUint16(12, 2 * segCount - searchRange);
  const endCodes = 14;
  const startCodes = endCodes + 2 * segCount + 2; // after reservedPad
  const idDeltas = startCodes + 2 * segCount;
  const idRangeOffsets = idDeltas + 2 * segCount;
  let glyphIds = idRangeOffsets + 2 * segCount;
  segments.forEach((s, i) => {
    view.setUint16(endCodes + 2 * i, s.end);
    view.setUint16(startCodes + 2 * i, s.start);
    if (s.delta !== undefined) {
      view.setUint16(idDeltas + 2 * i, s.delta);
      return;
    }
    view.setUint16(idRangeOffsets + 2 * i, glyphIds - (idRangeOffsets + 2 * i));
    for (let cp = s.start; cp <= s.end; cp++, glyphIds += 2) view.setUint16(glyphIds, mapping.get(cp)!);
  });
  return out;
}

/** Format 12: a group per run of consecutive code points with consecutive glyph ids. */
function buildFormat12(codePoints: number[], mapping: Map<number, number>): Uint8Array {
  const groups: [number, number, number][] = [];
  for (const cp of codePoints) {
    const gid = mapping.get(cp)!;
    const last = groups[groups.length - 1];
    if (last && last[1] === cp - 1 && last[2] + (cp - last[0]) === gid) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const out = new Uint8Array(16 + 12 * groups.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, 12);
  view.setUint32(4, out.length);
  view.setUint32(12, groups.length);
  groups.forEach(([start, end, gid], i) => {
    view.setUint32(16 + 12 * i, start);
    view.setUint32(20 + 12 * i, end);
    view.setUint32(24 + 12 * i, gid);
  });
  return out;
}
