// GPOS single and pair adjustments applied to the run being shaped, as fontkit applies them
// (its GPOSProcessor), for the simple shaper (simple-shaper.ts) and a word's space (word-space.ts).
import { readValue, valueSize, type Lookup, type Subtable } from './opentype-layout.js';
import { GlyphCursor } from './layout-context.js';
import type { Face, Plan } from './simple-face.js';

// The run being shaped: one run at a time, so one set of arrays serves every call. They are
// written over from the start, never emptied: what is past `cursor.length` is not read.
export const cursor = new GlyphCursor();
export const codePoints: number[] = [];
export const xAdvance: number[] = [];
export const yAdvance: number[] = [];
export const xOffset: number[] = [];
export const yOffset: number[] = [];

/** Places the cursor's glyphs: each at its advance, then `plan`'s positioning lookups in order. */
export function positionRun(face: Face, plan: Plan): void {
  for (let i = 0; i < cursor.length; i++) {
    xAdvance[i] = face.advance(cursor.ids[i]);
    yAdvance[i] = xOffset[i] = yOffset[i] = 0;
  }
  for (const lookup of plan.gpos) position(face, lookup);
}

/** Applies one positioning lookup as fontkit does. */
function position(face: Face, lookup: Lookup): void {
  cursor.setFlags(lookup.flags);
  const covered = adjustable(face, lookup);
  for (let i = 0; i < cursor.length; i = cursor.move(i, 1)) {
    // A glyph no adjustment covers is passed over: every subtable would decline it.
    if (covered && covered[cursor.ids[i]] === 0) continue;
    for (const st of lookup.subtables) if (adjust(face, st, i)) break;
  }
}

/** Per lookup: 1 for each glyph a single or pair adjustment of it covers (null: ask each subtable). */
const adjustables = new WeakMap<Lookup, Uint8Array | null>();

function adjustable(face: Face, lookup: Lookup): Uint8Array | null {
  let covered = adjustables.get(lookup);
  if (covered === undefined) {
    try {
      covered = new Uint8Array(face.numGlyphs);
      for (const st of lookup.subtables) {
        if (st.type !== 1 && st.type !== 2) continue; // `adjust` declines every glyph for them
        for (const glyph of face.d.coverage(face.d.offset(st.at, st.at + 2)).keys()) if (glyph < covered.length) covered[glyph] = 1;
      }
    } catch {
      covered = null; // a subtable `adjust` would stumble on: it must, at the same glyph
    }
    adjustables.set(lookup, covered);
  }
  return covered;
}

function add(i: number, at: number, format: number, face: Face): void {
  if (format === 0) return;
  const v = readValue(face.d, at, format);
  xAdvance[i] += v.xAdvance;
  yAdvance[i] += v.yAdvance;
  xOffset[i] += v.xOffset;
  yOffset[i] += v.yOffset;
}

/** fontkit's GPOSProcessor.applyLookup for one subtable at glyph `i`: whether it applied. */
function adjust(face: Face, st: Subtable, i: number): boolean {
  const { d } = face;
  const { at } = st;
  const glyph = cursor.ids[i];
  switch (st.type) {
    case 1: {
      const index = d.coverage(d.offset(at, at + 2)).get(glyph);
      if (index === undefined) return false;
      const format = d.u16(at + 4);
      if (d.u16(at) === 1) {
        add(i, at + 6, format, face);
      } else {
        if (index >= d.u16(at + 6)) throw new Error('single adjustment index');
        add(i, at + 8 + index * valueSize(format), format, face);
      }
      return true;
    }
    case 2: {
      const next = cursor.move(i, 1);
      if (next >= cursor.length) return false;
      const index = d.coverage(d.offset(at, at + 2)).get(glyph);
      if (index === undefined) return false;
      const format1 = d.u16(at + 4);
      const format2 = d.u16(at + 6);
      let record: number;
      if (d.u16(at) === 1) {
        if (index >= d.u16(at + 8)) throw new Error('pair set index');
        const found = pairSet(face, d.offset(at, at + 10 + 2 * index), format1, format2).get(cursor.ids[next]);
        if (found === undefined) return false;
        record = found;
      } else {
        const class1 = d.classOf(d.offset(at, at + 8), glyph);
        const class2 = d.classOf(d.offset(at, at + 10), cursor.ids[next]);
        const count2 = d.u16(at + 14);
        if (class1 >= d.u16(at + 12) || class2 >= count2) throw new Error('pair class out of range');
        record = at + 16 + (class1 * count2 + class2) * (valueSize(format1) + valueSize(format2));
      }
      add(i, record, format1, face);
      add(next, record + valueSize(format1), format2, face);
      return true;
    }
    default:
      // Contexts do not act on the run (see `acts` in simple-shaper.ts), cursive and mark
      // attachments cover none of its glyphs (BAIL).
      return false;
  }
}

/** A pair set's records by second glyph (the first record for a glyph wins, as in fontkit). */
function pairSet(face: Face, at: number, format1: number, format2: number): Map<number, number> {
  let set = face.pairSets.get(at);
  if (!set) {
    set = new Map();
    const size = 2 + valueSize(format1) + valueSize(format2);
    for (let r = 0, n = face.d.u16(at); r < n; r++) {
      const record = at + 2 + r * size;
      const second = face.d.u16(record);
      if (!set.has(second)) set.set(second, record + 2);
    }
    face.pairSets.set(at, set);
  }
  return set;
}

/** The summed advance of glyphs `ids` after the plan's positioning lookups (no substitution). */
export function positionedAdvance(face: Face, plan: Plan, ids: number[]): number {
  for (let i = 0; i < ids.length; i++) {
    cursor.ids[i] = ids[i];
    cursor.classes[i] = face.glyphClass(ids[i]);
  }
  cursor.length = ids.length;
  positionRun(face, plan);
  let sum = 0;
  for (let i = 0; i < ids.length; i++) sum += xAdvance[i];
  return sum;
}
