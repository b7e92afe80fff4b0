// Whether a substitution or a contextual lookup would act at a glyph, decided exactly as
// fontkit's OTProcessor and GSUBProcessor decide it (its GlyphIterator, its match order, even
// its forward reading of backtrack sequences), so that "it would not" can be trusted: the
// simple shaper gives up on a run as soon as any such lookup would act.
import type { FontData, Subtable } from './opentype-layout.js';

/** The glyphs of a run as fontkit's GlyphIterator walks them under one lookup's flags. */
export class GlyphCursor {
  ids: number[] = [];
  /** GDEF class per glyph (1 base, 2 ligature, 0 none), or -1 where the font has no classes. */
  classes: number[] = [];
  length = 0;
  private ignoreBase = false;
  private ignoreLigatures = false;

  setFlags(flags: number): void {
    this.ignoreBase = (flags & 0x2) !== 0;
    this.ignoreLigatures = (flags & 0x4) !== 0;
  }

  /** Whether the flags skip glyph `i`. Simple text has no marks, so the mark flags never do;
   * without GDEF classes fontkit takes every non-mark glyph for a base and none for a ligature. */
  skips(i: number): boolean {
    const c = this.classes[i];
    return (this.ignoreBase && (c === 1 || c === -1)) || (this.ignoreLigatures && c === 2);
  }

  /** The next glyph index in direction `dir` not skipped, possibly out of range. */
  move(i: number, dir: number): number {
    i += dir;
    while (i >= 0 && i < this.length && this.skips(i)) i += dir;
    return i;
  }

  increment(i: number, count: number): number {
    const dir = count < 0 ? -1 : 1;
    for (let k = Math.abs(count); k > 0; k--) i = this.move(i, dir);
    return i;
  }

  /** fontkit's `match`: `count` glyphs from `offset` steps away from `pos` pass `test(k, glyph)`. */
  match(pos: number, offset: number, count: number, test: (k: number, glyph: number) => boolean): boolean {
    let i = this.increment(pos, offset);
    let k = 0;
    while (k < count && i >= 0 && i < this.length && test(k, this.ids[i])) {
      k++;
      i = this.move(i, 1);
    }
    return k === count;
  }
}

/** Whether a GSUB subtable would substitute at `pos`. */
export function substitutes(d: FontData, st: Subtable, c: GlyphCursor, pos: number): boolean {
  const { at } = st;
  switch (st.type) {
    case 1:
    case 2:
    case 3: {
      const format = d.u16(at);
      if (format !== 1 && !(st.type === 1 && format === 2)) throw new Error(`GSUB ${st.type} format ${format}`);
      return d.coverage(d.offset(at, at + 2)).has(c.ids[pos]);
    }
    case 4: {
      if (d.u16(at) !== 1) throw new Error('ligature format');
      const index = d.coverage(d.offset(at, at + 2)).get(c.ids[pos]);
      if (index === undefined) return false;
      if (index >= d.u16(at + 4)) throw new Error('ligature set index');
      const set = d.offset(at, at + 6 + 2 * index);
      for (let i = 0, n = d.u16(set); i < n; i++) {
        const lig = d.offset(set, set + 2 + 2 * i);
        const components = Math.max(0, d.u16(lig + 2) - 1);
        if (c.match(pos, 1, components, (k, g) => g === d.u16(lig + 4 + 2 * k))) return true;
      }
      return false;
    }
    case 5:
      return contextApplies(d, at, c, pos);
    case 6:
      return chainApplies(d, at, c, pos);
    default:
      throw new Error(`GSUB lookup type ${st.type}`);
  }
}

/** Whether a contextual subtable (GSUB 5, GPOS 7) matches at `pos`. */
export function contextApplies(d: FontData, at: number, c: GlyphCursor, pos: number): boolean {
  const format = d.u16(at);
  const glyph = c.ids[pos];
  if (format === 3) {
    return c.match(pos, 0, d.u16(at + 2), (k, g) => d.coverage(d.offset(at, at + 6 + 2 * k)).has(g));
  }
  if (format !== 1 && format !== 2) throw new Error(`context format ${format}`);
  const covered = d.coverage(d.offset(at, at + 2)).get(glyph);
  if (covered === undefined) return false;
  const classDef = format === 2 ? d.offset(at, at + 4) : 0;
  const index = format === 2 ? d.classOf(classDef, glyph) : covered;
  const sets = format === 2 ? at + 6 : at + 4;
  if (index >= d.u16(sets)) throw new Error('rule set index');
  const set = d.offset(at, sets + 2 + 2 * index);
  const same = format === 2 ? (g: number, v: number) => d.classOf(classDef, g) === v : (g: number, v: number) => g === v;
  for (let i = 0, n = d.u16(set); i < n; i++) {
    const rule = d.offset(set, set + 2 + 2 * i);
    const inputs = Math.max(0, d.u16(rule) - 1);
    if (c.match(pos, 1, inputs, (k, g) => same(g, d.u16(rule + 4 + 2 * k)))) return true;
  }
  return false;
}

/** Whether a chaining contextual subtable (GSUB 6, GPOS 8) matches at `pos`. */
export function chainApplies(d: FontData, at: number, c: GlyphCursor, pos: number): boolean {
  const format = d.u16(at);
  const glyph = c.ids[pos];
  if (format === 3) {
    let p = at + 2;
    const backtrack = d.u16(p);
    const bt = p + 2;
    p += 2 + 2 * backtrack;
    const inputs = d.u16(p);
    const input = p + 2;
    p += 2 + 2 * inputs;
    const lookahead = d.u16(p);
    const la = p + 2;
    const covers = (list: number) => (k: number, g: number) => d.coverage(d.offset(at, list + 2 * k)).has(g);
    return c.match(pos, -backtrack, backtrack, covers(bt)) && c.match(pos, 0, inputs, covers(input)) && c.match(pos, inputs, lookahead, covers(la));
  }
  if (format !== 1 && format !== 2) throw new Error(`chaining context format ${format}`);
  const covered = d.coverage(d.offset(at, at + 2)).get(glyph);
  if (covered === undefined) return false;
  let set: number;
  let same: (which: number, g: number, v: number) => boolean;
  if (format === 1) {
    if (covered >= d.u16(at + 4)) throw new Error('chain rule set index');
    set = d.offset(at, at + 6 + 2 * covered);
    same = (_which, g, v) => g === v;
  } else {
    const index = d.classOf(d.offset(at, at + 6), glyph);
    if (index >= d.u16(at + 10)) return false;
    const off = d.u16(at + 12 + 2 * index);
    if (off === 0) return false;
    set = at + off;
    // Backtrack, input and lookahead class definitions, read only when a rule needs them.
    same = (which, g, v) => d.classOf(d.offset(at, at + 4 + 2 * which), g) === v;
  }
  for (let i = 0, n = d.u16(set); i < n; i++) {
    let p = d.offset(set, set + 2 + 2 * i);
    const backtrack = d.u16(p);
    const bt = p + 2;
    p += 2 + 2 * backtrack;
    const inputs = Math.max(0, d.u16(p) - 1);
    const input = p + 2;
    p += 2 + 2 * inputs;
    const lookahead = d.u16(p);
    const la = p + 2;
    const seq = (which: number, list: number) => (k: number, g: number) => same(which, g, d.u16(list + 2 * k));
    if (c.match(pos, -backtrack, backtrack, seq(0, bt)) && c.match(pos, 1, inputs, seq(1, input)) && c.match(pos, 1 + inputs, lookahead, seq(2, la))) return true;
  }
  return false;
}
