// Per font face: what the simple shaper reads of it (cmap through fontkit, hmtx, GDEF glyph
// classes) and, per script, the lookups fontkit's default shaping plan applies, with the
// glyphs at which a lookup the simple shaper does not implement could act.
import { FontData, forEachCoverage, readLookup, selectScript, type Lookup, type Subtable } from './opentype-layout.js';
import type { SimpleGlyph } from './simple-shaper.js';

/** The fontkit internals read here, present on every TTF font object it returns. */
export interface FontInternals {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number } | undefined> };
  _cmapProcessor: { lookup(codePoint: number): number };
  numGlyphs: number;
  getGlyph(id: number, codePoints?: number[]): { codePoints: number[] };
}

/** OpenType tag of a run by the script simpleScriptOf gives its first non-common character, as fontkit detects it. */
const SCRIPT_TAGS = ['zzzz', 'latn', 'hang'];

/** The global features of fontkit's default (and Hangul) shaping plan, in its stage order.
 * Its local features (fractions, jamo) are never set on simple text. */
const FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** Script tags fontkit shapes with its default or Hangul shaper. */
const PLAIN_SHAPERS = new Set(['DFLT', 'dflt', 'latn', 'hang']);

/** Per glyph and plan: a lookup the simple shaper does not implement may act on it. */
export const BAIL = 1;
/** A ligature or contextual lookup may start at it: check the run (see `starts`). */
export const CHECK = 2;

/** A substitution or contextual subtable, with the lookup (and its flags) it belongs to. */
export interface Start {
  lookup: Lookup;
  st: Subtable;
}

export interface Plan {
  /** Positioning lookups with single or pair adjustments, in fontkit's order. */
  gpos: Lookup[];
  /** BAIL and CHECK bits per glyph. */
  triggers: Uint8Array;
  /** The subtables that may start acting at a glyph marked CHECK. */
  starts: Map<number, Start[]>;
}

export class Face {
  private readonly cmap = new Map<number, number>();
  private readonly glyphs: (SimpleGlyph | undefined)[] = [];
  private readonly plans: (Plan | null | undefined)[] = [];
  private readonly lookups = new Map<number, Lookup>();
  /** Pair sets read so far: second glyph → offset of its record, by pair set offset. */
  readonly pairSets = new Map<number, Map<number, number>>();

  private constructor(
    private readonly font: FontInternals,
    readonly d: FontData,
    readonly numGlyphs: number,
    private readonly hmtx: number,
    private readonly hMetrics: number,
    private readonly glyphClasses: number,
    private readonly gsub: number,
    private readonly gpos: number,
  ) {}

  static open(font: FontInternals): Face | null {
    const tables = font.directory.tables;
    const at = (tag: string) => tables[tag]?.offset ?? 0;
    // AAT, variable fonts and the old kern table take other paths through fontkit.
    if (tables.morx || tables.fvar || tables.kern || !tables.hmtx || !tables.hhea || !tables.head) return null;
    const d = new FontData(font.stream.buffer);
    // The table directory must point into these bytes (not so for WOFF and WOFF2).
    if (d.u32(at('head') + 12) !== 0x5f0f3cf5) return null;
    const gdef = at('GDEF');
    let glyphClasses = 0;
    if (gdef) {
      const version = d.u32(gdef);
      if (version !== 0x00010000 && version !== 0x00010002 && version !== 0x00010003) return null;
      const off = d.u16(gdef + 4);
      glyphClasses = off ? gdef + off : 0;
    }
    return new Face(font, d, font.numGlyphs, at('hmtx'), d.u16(at('hhea') + 34), glyphClasses, at('GSUB'), at('GPOS'));
  }

  glyphId(cp: number): number {
    let gid = this.cmap.get(cp);
    if (gid === undefined) {
      gid = this.font._cmapProcessor.lookup(cp);
      this.cmap.set(cp, gid);
    }
    return gid;
  }

  /** GDEF glyph class, or -1 where the font has none (fontkit then asks Unicode for marks). */
  glyphClass(gid: number): number {
    return this.glyphClasses ? this.d.classOf(this.glyphClasses, gid) : -1;
  }

  advance(gid: number): number {
    const n = this.hMetrics;
    if (n === 0) return 0;
    return this.d.u16(this.hmtx + 4 * (gid < n ? gid : n - 1));
  }

  /** The glyph with the code points fontkit's (cached, first-made) glyph object carries. */
  glyph(gid: number, cp: number): SimpleGlyph {
    let glyph = this.glyphs[gid];
    if (!glyph) {
      glyph = { id: gid, advanceWidth: this.advance(gid), codePoints: this.font.getGlyph(gid, [cp]).codePoints };
      this.glyphs[gid] = glyph;
    }
    return glyph;
  }

  plan(script: number): Plan | null {
    let plan = this.plans[script];
    if (plan === undefined) {
      try {
        plan = this.buildPlan(SCRIPT_TAGS[script]);
      } catch {
        plan = null;
      }
      this.plans[script] = plan;
    }
    return plan;
  }

  private lookup(table: number, index: number, extension: number): Lookup {
    const key = table * 65536 + index;
    let lookup = this.lookups.get(key);
    if (!lookup) this.lookups.set(key, (lookup = readLookup(this.d, table, index, extension)));
    return lookup;
  }

  /** The lookups fontkit applies for a script, in its order (by index, a repeated one twice). */
  private lookupsFor(table: number, script: string, extension: number): { tag: string | undefined; lookups: Lookup[] } | null {
    if (!table) return { tag: undefined, lookups: [] };
    const selected = selectScript(this.d, table, script);
    if (!selected) return null;
    const indexes: number[] = [];
    for (const feature of FEATURES) indexes.push(...(selected.features.get(feature) ?? []));
    indexes.sort((a, b) => a - b);
    return { tag: selected.tag, lookups: indexes.map((i) => this.lookup(table, i, extension)) };
  }

  private buildPlan(script: string): Plan | null {
    const gpos = this.lookupsFor(this.gpos, script, 9);
    const gsub = this.lookupsFor(this.gsub, script, 7);
    if (!gpos || !gsub) return null;
    const shaper = gsub.tag ?? gpos.tag;
    if (shaper !== undefined && !PLAIN_SHAPERS.has(shaper)) return null;
    const d = this.d;
    const triggers = new Uint8Array(this.numGlyphs);
    const starts = new Map<number, Start[]>();
    const bail = (coverage: number) =>
      forEachCoverage(d, coverage, (g) => {
        if (g < triggers.length) triggers[g] |= BAIL;
      });
    const check = (coverage: number, start: Start) =>
      forEachCoverage(d, coverage, (g) => {
        if (g >= triggers.length) return;
        triggers[g] |= CHECK;
        const list = starts.get(g);
        if (!list) starts.set(g, [start]);
        else if (list[list.length - 1] !== start) list.push(start);
      });
    // The coverage of the first glyph a contextual subtable matches (format 3: of the input).
    const first = (st: Subtable): number => {
      const format = d.u16(st.at);
      if (format === 1 || format === 2) return d.offset(st.at, st.at + 2);
      if (format !== 3) throw new Error(`context format ${format}`);
      if (st.type === 5 || st.type === 7) {
        if (d.u16(st.at + 2) === 0) throw new Error('empty input sequence');
        return d.offset(st.at, st.at + 6);
      }
      // fontkit matches the backtrack before the input: every coverage must be there.
      let p = st.at + 2;
      for (let part = 0; part < 3; part++) {
        const count = d.u16(p);
        for (let k = 0; k < count; k++) d.offset(st.at, p + 2 + 2 * k);
        if (part === 1 && count === 0) throw new Error('empty input sequence');
        p += 2 + 2 * count;
      }
      return d.offset(st.at, st.at + 6 + 2 * d.u16(st.at + 2));
    };
    for (const lookup of gsub.lookups) {
      for (const st of lookup.subtables) {
        if (st.type >= 1 && st.type <= 3) bail(d.offset(st.at, st.at + 2));
        else if (st.type === 4) check(d.offset(st.at, st.at + 2), { lookup, st });
        else if (st.type === 5 || st.type === 6) check(first(st), { lookup, st });
        else throw new Error(`GSUB lookup type ${st.type}`);
      }
    }
    const positioning: Lookup[] = [];
    for (const lookup of gpos.lookups) {
      let adjusts = false;
      for (const st of lookup.subtables) {
        const format = d.u16(st.at);
        if (st.type === 1 || st.type === 2) {
          if (format !== 1 && format !== 2) throw new Error(`GPOS ${st.type} format ${format}`);
          adjusts = true;
        } else if (st.type >= 3 && st.type <= 6) {
          // Cursive and mark attachment: coverage (of marks, for 4-6) at the same place.
          bail(d.offset(st.at, st.at + 2));
        } else if (st.type === 7 || st.type === 8) {
          check(first(st), { lookup, st });
        } else {
          throw new Error(`GPOS lookup type ${st.type}`);
        }
      }
      if (adjusts) positioning.push(lookup);
    }
    return { gpos: positioning, triggers, starts };
  }
}
