// A font's GPOS for a subset that keeps glyph ids: every lookup stays (contexts call lookups by
// index), but a subtable that cannot act on the glyphs kept goes, with whatever only it uses
// (layout-objects.ts copies the rest). Mark attachment makes up most of a Latin font's GPOS
// (40 of Tinos Bold's 46 KB) and cannot act in text without marks.
import { LayoutObjects, fail, valueSize, type Obj } from './layout-objects.js';

const EXTENSION = 9;

class GposPruner extends LayoutObjects {
  constructor(
    table: Uint8Array,
    private readonly needed: number[],
  ) {
    super(table);
  }

  /** Whether a coverage table holds a glyph kept. */
  covers(at: number): boolean {
    const format = this.u16(at);
    const count = this.u16(at + 2);
    for (let i = 0; i < count; i++) {
      const first = format === 1 ? this.u16(at + 4 + 2 * i) : this.u16(at + 4 + 6 * i);
      const last = format === 1 ? first : this.u16(at + 6 + 6 * i);
      if (this.anyNeededIn(first, last)) return true;
    }
    return false;
  }

  private anyNeededIn(first: number, last: number): boolean {
    let lo = 0;
    let hi = this.needed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.needed[mid] < first) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.needed.length && this.needed[lo] <= last;
  }

  /** Whether a subtable of lookup type `type` at `at` can act on the glyphs kept. */
  canAct(type: number, at: number): boolean {
    if (type === EXTENSION) return this.canAct(this.u16(at + 2), at + this.u32(at + 4));
    const format = this.u16(at);
    if (type <= 3) return this.covers(at + this.u16(at + 2));
    if (type <= 6) return this.covers(at + this.u16(at + 2)) && this.covers(at + this.u16(at + 4));
    if (format !== 3) return this.covers(at + this.u16(at + 2));
    // Format 3 contexts: the first input coverage, after the backtrack ones of a chain.
    const first = type === 7 ? at + 6 : at + 6 + 2 * this.u16(at + 2);
    return this.covers(at + this.u16(first));
  }

  subtable(type: number, at: number): void {
    const format = this.u16(at);
    const u = (k: number) => this.u16(at + k);
    let o: Obj | undefined;
    if (type === EXTENSION) {
      if (format !== 1 || u(2) === EXTENSION) throw new Error('bad extension subtable');
      o = this.obj(at, 8);
      if (o) this.subtable(u(2), this.link(o, at + 4, at, true) || fail('null extension'));
      return;
    }
    if (type === 1 && (format === 1 || format === 2)) {
      const vf = u(4);
      const size = valueSize(vf);
      const count = format === 1 ? 1 : u(6);
      const values = format === 1 ? at + 6 : at + 8;
      if (!(o = this.obj(at, values - at + count * size))) return;
      this.coverage(this.link(o, at + 2, at) || fail('null coverage'));
      for (let i = 0; i < count; i++) this.valueRecord(o, values + i * size, vf, at);
    } else if (type === 2 && format === 1) {
      const [vf1, vf2, count] = [u(4), u(6), u(8)];
      const record = 2 + valueSize(vf1) + valueSize(vf2);
      if (!(o = this.obj(at, 10 + 2 * count))) return;
      this.coverage(this.link(o, at + 2, at) || fail('null coverage'));
      this.offsets(o, at + 10, count, at, (set) => {
        const n = this.u16(set);
        const so = this.obj(set, 2 + n * record);
        if (!so) {
          if ((vf1 | vf2) & 0xf0) throw new Error('shared pair set with device tables');
          return;
        }
        for (let r = 0; r < n; r++) {
          this.valueRecord(so, set + 4 + r * record, vf1, at);
          this.valueRecord(so, set + 4 + r * record + valueSize(vf1), vf2, at);
        }
      });
    } else if (type === 2 && format === 2) {
      const [vf1, vf2, c1, c2] = [u(4), u(6), u(12), u(14)];
      const record = valueSize(vf1) + valueSize(vf2);
      if (!(o = this.obj(at, 16 + c1 * c2 * record))) return;
      this.coverage(this.link(o, at + 2, at) || fail('null coverage'));
      this.classDef(this.link(o, at + 8, at) || fail('null class definition'));
      this.classDef(this.link(o, at + 10, at) || fail('null class definition'));
      for (let i = 0; i < c1 * c2; i++) {
        this.valueRecord(o, at + 16 + i * record, vf1, at);
        this.valueRecord(o, at + 16 + i * record + valueSize(vf1), vf2, at);
      }
    } else if (type === 3 && format === 1) {
      if (!(o = this.obj(at, 6 + 4 * u(4)))) return;
      this.coverage(this.link(o, at + 2, at) || fail('null coverage'));
      this.offsets(o, at + 6, 2 * u(4), at, (anchor) => this.anchor(anchor));
    } else if (type >= 4 && type <= 6 && format === 1) {
      const classes = u(6);
      if (!(o = this.obj(at, 12))) return;
      this.coverage(this.link(o, at + 2, at) || fail('null coverage'));
      this.coverage(this.link(o, at + 4, at) || fail('null coverage'));
      this.markArray(this.link(o, at + 8, at) || fail('null mark array'));
      const second = this.link(o, at + 10, at) || fail('null base array');
      if (type !== 5) {
        this.anchorMatrix(second, classes);
      } else {
        const count = this.u16(second);
        const lo = this.obj(second, 2 + 2 * count);
        if (lo) this.offsets(lo, second + 2, count, second, (attach) => this.anchorMatrix(attach, classes));
      }
    } else if (type === 7 || type === 8) {
      this.context(type === 8, at);
    } else {
      throw new Error(`GPOS lookup type ${type} format ${format}`);
    }
  }
}

/**
 * GPOS without the subtables that cannot act on `needed` (glyph ids, ascending), the rest as
 * it was. Throws on anything it does not know (the caller then copies GPOS as it is).
 */
export function pruneGpos(table: Uint8Array, needed: number[]): Uint8Array {
  const p = new GposPruner(table, needed);
  const u = (at: number) => p.u16(at);
  if (u(0) !== 1 || u(2) > 1) throw new Error('GPOS version');
  if (u(2) === 1 && p.u32(10) !== 0) throw new Error('GPOS feature variations');
  const lookups = p.header(u(2) === 1 ? 14 : 10);
  if (lookups) {
    const count = u(lookups);
    const list = p.obj(lookups, 2 + 2 * count)!;
    for (let i = 0; i < count; i++) {
      const lookup = p.link(list, lookups + 2 + 2 * i, lookups) || fail('null lookup');
      if (p.objs.has(lookup)) continue; // listed twice (a compiler's deduplication)
      const [type, flag, subtables] = [u(lookup), u(lookup + 2), u(lookup + 4)];
      const kept: number[] = [];
      for (let s = 0; s < subtables; s++) {
        const at = lookup + u(lookup + 6 + 2 * s);
        if (p.canAct(type, at)) kept.push(s);
      }
      // The lookup again, with only the subtables kept (and its mark filtering set, if any).
      const extra = flag & 0x10 ? 2 : 0;
      const content = new Uint8Array(6 + 2 * kept.length + extra);
      content.set(table.subarray(lookup, lookup + 4));
      new DataView(content.buffer).setUint16(4, kept.length);
      if (extra) content.set(table.subarray(lookup + 6 + 2 * subtables, lookup + 8 + 2 * subtables), 6 + 2 * kept.length);
      const lo = p.obj(lookup, 6 + 2 * subtables + extra, content)!;
      kept.forEach((s, k) => p.subtable(type, p.link(lo, lookup + 6 + 2 * s, lookup, false, 6 + 2 * k)));
    }
  }
  return p.layOut();
}
