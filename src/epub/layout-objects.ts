// OpenType layout tables (GPOS, GSUB) as a graph of objects, to copy part of one: each table
// of the graph (a subtable, a coverage, an anchor...) is an object at its original position;
// the objects reached are laid out again in their original order without those no longer
// reached, so every offset still points forward and only gets shorter, and only the offsets
// are written anew. An object may be given new content (a lookup with fewer subtables).
// Anything unknown or inconsistent throws: the caller keeps the table as it was.

/** A table in the layout table, at its original position (relative to the layout table). */
export interface Obj {
  start: number;
  size: number;
  content?: Uint8Array;
  /** Offset fields in the object: position in it, and the objects it counts from and points to. */
  links: { at: number; base: number; target: number; wide: boolean }[];
}

export class LayoutObjects {
  readonly objs = new Map<number, Obj>();
  private readonly v: DataView;

  constructor(readonly table: Uint8Array) {
    this.v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  }

  u16(at: number): number {
    return this.v.getUint16(at);
  }

  u32(at: number): number {
    return this.v.getUint32(at);
  }

  /** A new object, or undefined when one already starts there (shared: walked once). */
  obj(start: number, size: number, content?: Uint8Array): Obj | undefined {
    if (start + size > this.table.length) throw new Error('table outside the layout table');
    const known = this.objs.get(start);
    if (known) {
      if (known.size !== size) throw new Error('layout tables overlap');
      return undefined;
    }
    const o: Obj = { start, size, content, links: [] };
    this.objs.set(start, o);
    return o;
  }

  /** Records the offset field at `field` (relative to `base`); its target, or 0 when null. */
  link(o: Obj, field: number, base: number, wide = false, at = field - o.start): number {
    const value = wide ? this.u32(field) : this.u16(field);
    if (value === 0) return 0;
    o.links.push({ at, base, target: base + value, wide });
    return base + value;
  }

  /**
   * The header of a GSUB or GPOS table (`size` bytes), its script list and its feature list,
   * all kept; the offset of its lookup list, which the caller walks, or 0.
   */
  header(size: number): number {
    const u = (at: number) => this.u16(at);
    const header = this.obj(0, size)!;
    const scripts = this.link(header, 4, 0);
    const features = this.link(header, 6, 0);
    const list = scripts && this.obj(scripts, 2 + 6 * u(scripts));
    for (let i = 0; list && i < u(scripts); i++) {
      const script = this.link(list, scripts + 6 + 6 * i, scripts) || fail('null script');
      const so = this.obj(script, 4 + 6 * u(script + 2));
      if (!so) continue;
      const langSys = [this.link(so, script, script)];
      for (let k = 0; k < u(script + 2); k++) langSys.push(this.link(so, script + 8 + 6 * k, script));
      for (const ls of langSys) if (ls) this.obj(ls, 6 + 2 * u(ls + 4));
    }
    const featureList = features && this.obj(features, 2 + 6 * u(features));
    for (let i = 0; featureList && i < u(features); i++) {
      const feature = this.link(featureList, features + 6 + 6 * i, features) || fail('null feature');
      if (u(feature) !== 0) throw new Error('feature parameters');
      this.obj(feature, 4 + 2 * u(feature + 2));
    }
    return this.link(header, 8, 0);
  }

  coverage(at: number): void {
    const format = this.u16(at);
    if (format !== 1 && format !== 2) throw new Error(`coverage format ${format}`);
    this.obj(at, 4 + (format === 1 ? 2 : 6) * this.u16(at + 2));
  }

  classDef(at: number): void {
    const format = this.u16(at);
    if (format === 1) this.obj(at, 6 + 2 * this.u16(at + 4));
    else if (format === 2) this.obj(at, 4 + 6 * this.u16(at + 2));
    else throw new Error(`class definition format ${format}`);
  }

  device(at: number): void {
    const format = this.u16(at + 4);
    if (format === 0x8000) return void this.obj(at, 6);
    if (format < 1 || format > 3) throw new Error(`device format ${format}`);
    const count = this.u16(at + 2) - this.u16(at) + 1;
    if (count < 1) throw new Error('device table range');
    this.obj(at, 6 + 2 * Math.ceil((count << format) / 16));
  }

  /** The device tables of a value record at `at` in `o`, whose offsets count from `base`. */
  valueRecord(o: Obj, at: number, format: number, base: number): void {
    if (format > 0xff) throw new Error(`value format ${format}`);
    let p = at;
    for (let bit = 1; bit <= 0x80; bit <<= 1) {
      if (!(format & bit)) continue;
      if (bit >= 0x10) {
        const device = this.link(o, p, base);
        if (device) this.device(device);
      }
      p += 2;
    }
  }

  anchor(at: number): void {
    const format = this.u16(at);
    if (format < 1 || format > 3) throw new Error(`anchor format ${format}`);
    const o = this.obj(at, format === 1 ? 6 : format === 2 ? 8 : 10);
    if (!o || format !== 3) return;
    for (const field of [at + 6, at + 8]) {
      const device = this.link(o, field, at);
      if (device) this.device(device);
    }
  }

  markArray(at: number): void {
    const count = this.u16(at);
    const o = this.obj(at, 2 + 4 * count);
    for (let i = 0; o && i < count; i++) this.anchor(this.link(o, at + 4 + 4 * i, at) || fail('null mark anchor'));
  }

  /** Base array, mark-2 array or ligature attach: rows of anchors by mark class (nulls allowed). */
  anchorMatrix(at: number, classes: number): void {
    const rows = this.u16(at);
    const o = this.obj(at, 2 + 2 * rows * classes);
    for (let i = 0; o && i < rows * classes; i++) {
      const anchor = this.link(o, at + 2 + 2 * i, at);
      if (anchor) this.anchor(anchor);
    }
  }

  /** An offset array of `count` entries at `at` in `o`, from `base`, each walked by `walk`. */
  offsets(o: Obj, at: number, count: number, base: number, walk: (target: number) => void): void {
    for (let i = 0; i < count; i++) {
      const target = this.link(o, at + 2 * i, base);
      if (target) walk(target);
    }
  }

  /** A contextual (GPOS 7, GSUB 5) or chained contextual (GPOS 8, GSUB 6) subtable, formats 1 to 3. */
  context(chained: boolean, at: number): void {
    const format = this.u16(at);
    const u = (k: number) => this.u16(at + k);
    let o: Obj | undefined;
    if (format === 1 || format === 2) {
      const classDefs = format === 1 ? 0 : chained ? 3 : 1;
      const countAt = 4 + 2 * classDefs;
      if (!(o = this.obj(at, countAt + 2 + 2 * u(countAt)))) return;
      this.coverage(this.link(o, at + 2, at) || fail('null coverage'));
      for (let k = 0; k < classDefs; k++) {
        const cd = this.link(o, at + 4 + 2 * k, at);
        if (cd) this.classDef(cd);
      }
      this.offsets(o, at + countAt + 2, u(countAt), at, (set) => {
        const so = this.obj(set, 2 + 2 * this.u16(set));
        if (so) this.offsets(so, set + 2, this.u16(set), set, (rule) => void this.obj(rule, this.ruleSize(chained, rule)));
      });
    } else if (format === 3) {
      // Coverage offset arrays: input only, or backtrack, input and lookahead; then lookup records.
      const coverages: number[] = [];
      let p = at + 2;
      if (chained) {
        for (let k = 0; k < 3; k++) {
          const n = this.u16(p);
          for (let i = 0; i < n; i++) coverages.push(p + 2 + 2 * i);
          p += 2 + 2 * n;
        }
      } else {
        for (let i = 0, n = u(2); i < n; i++) coverages.push(at + 6 + 2 * i);
        p = at + 4;
      }
      const records = chained ? p + 2 : coverages.length ? coverages[coverages.length - 1] + 2 : at + 6;
      if (!(o = this.obj(at, records + 4 * this.u16(p) - at))) return;
      for (const field of coverages) this.coverage(this.link(o, field, at) || fail('null coverage'));
    } else {
      throw new Error(`context format ${format}`);
    }
  }

  private ruleSize(chained: boolean, rule: number): number {
    if (!chained) {
      const glyphs = this.u16(rule);
      if (glyphs < 1) throw new Error('empty context rule');
      return 4 + 2 * (glyphs - 1) + 4 * this.u16(rule + 2);
    }
    let p = rule;
    p += 2 + 2 * this.u16(p); // backtrack
    const input = this.u16(p);
    if (input < 1) throw new Error('empty chain rule');
    p += 2 + 2 * (input - 1);
    p += 2 + 2 * this.u16(p); // lookahead
    return p + 2 + 4 * this.u16(p) - rule;
  }

  /** The objects reached, laid out again (see the top of this file). */
  layOut(): Uint8Array {
    const { table, objs } = this;
    const list = [...objs.values()].sort((a, b) => a.start - b.start);
    const moved = new Map<number, number>();
    let size = 0;
    let end = 0;
    for (const o of list) {
      if (o.start < end) throw new Error('layout tables overlap');
      end = o.start + o.size;
      moved.set(o.start, size);
      size += o.content?.length ?? o.size;
    }
    const out = new Uint8Array(size);
    const view = new DataView(out.buffer);
    for (const o of list) {
      const at = moved.get(o.start)!;
      out.set(o.content ?? table.subarray(o.start, o.start + o.size), at);
      for (const link of o.links) {
        const target = moved.get(link.target);
        const base = moved.get(link.base);
        if (target === undefined || base === undefined) throw new Error('offset to no table');
        const offset = target - base;
        if (offset <= 0 || (!link.wide && offset > 0xffff)) throw new Error('offset out of range');
        if (link.wide) view.setUint32(at + link.at, offset);
        else view.setUint16(at + link.at, offset);
      }
    }
    return out;
  }
}

export function fail(message: string): never {
  throw new Error(message);
}

/** Size in bytes of a GPOS value record of the given format. */
export function valueSize(format: number): number {
  let size = 0;
  for (let bit = 1; bit <= 0x80; bit <<= 1) if (format & bit) size += 2;
  return size;
}
