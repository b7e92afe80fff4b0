// Reads the parts of a font's GSUB, GPOS and GDEF tables that simple text needs straight from
// the file's bytes, the way fontkit decodes them (first match wins in coverage and class
// tables, offsets relative to the same tables), without decoding whole subtables: fontkit's
// decoder reads every anchor of a mark lookup (60-70 ms for a Tinos face) before using one.
// Anything fontkit would reject or stumble on throws here, and the caller falls back to it.

/** Big-endian reads from one font file, with the coverage and class tables read so far. */
export class FontData {
  private readonly view: DataView;
  private readonly coverages = new Map<number, Map<number, number>>();
  private readonly classDefs = new Map<number, Map<number, number>>();

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u16(at: number): number {
    return this.view.getUint16(at);
  }

  i16(at: number): number {
    return this.view.getInt16(at);
  }

  u32(at: number): number {
    return this.view.getUint32(at);
  }

  tag(at: number): string {
    const v = this.view;
    return String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));
  }

  /** The table `base + u16(at)` points to; a null offset is an error (fontkit gets null there). */
  offset(base: number, at: number): number {
    const off = this.u16(at);
    if (off === 0) throw new Error(`null offset at ${at}`);
    return base + off;
  }

  /** Coverage index by glyph (fontkit: the first entry or range that holds the glyph). */
  coverage(at: number): Map<number, number> {
    let map = this.coverages.get(at);
    if (!map) {
      map = new Map();
      forEachCoverage(this, at, (glyph, index) => {
        if (!map!.has(glyph)) map!.set(glyph, index);
      });
      this.coverages.set(at, map);
    }
    return map;
  }

  /** Class by glyph of a class definition table; glyphs it does not list are class 0. */
  classOf(at: number, glyph: number): number {
    let map = this.classDefs.get(at);
    if (!map) {
      map = new Map();
      const format = this.u16(at);
      if (format === 1) {
        const start = this.u16(at + 2);
        const count = this.u16(at + 4);
        for (let i = 0; i < count; i++) map.set(start + i, this.u16(at + 6 + 2 * i));
      } else if (format === 2) {
        const count = this.u16(at + 2);
        for (let r = 0; r < count; r++) {
          const p = at + 4 + 6 * r;
          const cls = this.u16(p + 4);
          for (let g = this.u16(p), end = this.u16(p + 2); g <= end; g++) if (!map.has(g)) map.set(g, cls);
        }
      } else {
        throw new Error(`class definition format ${format}`);
      }
      this.classDefs.set(at, map);
    }
    return map.get(glyph) ?? 0;
  }
}

/** Calls `fn` with each glyph of a coverage table and its coverage index, in table order. */
export function forEachCoverage(d: FontData, at: number, fn: (glyph: number, index: number) => void): void {
  const format = d.u16(at);
  const count = d.u16(at + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) fn(d.u16(at + 4 + 2 * i), i);
  } else if (format === 2) {
    for (let r = 0; r < count; r++) {
      const p = at + 4 + 6 * r;
      const start = d.u16(p);
      const first = d.u16(p + 4);
      for (let g = start, end = d.u16(p + 2); g <= end; g++) fn(g, first + g - start);
    }
  } else {
    throw new Error(`coverage format ${format}`);
  }
}

/** Size in bytes of a value record: fontkit reads the eight defined fields of the format. */
export function valueSize(format: number): number {
  let size = 0;
  for (let bit = 1; bit <= 0x80; bit <<= 1) if (format & bit) size += 2;
  return size;
}

/** A position adjustment as fontkit applies it (device tables only matter for variable fonts). */
export interface Adjustment {
  xOffset: number;
  yOffset: number;
  xAdvance: number;
  yAdvance: number;
}

export function readValue(d: FontData, at: number, format: number): Adjustment {
  let p = at;
  const next = (bit: number) => {
    if (!(format & bit)) return 0;
    const v = d.i16(p);
    p += 2;
    return v;
  };
  const xOffset = next(1);
  const yOffset = next(2);
  const xAdvance = next(4);
  const yAdvance = next(8);
  return { xOffset, yOffset, xAdvance, yAdvance };
}

/** One subtable with extension lookups resolved to the subtable they wrap. */
export interface Subtable {
  type: number;
  at: number;
}

export interface Lookup {
  /** Lookup flag bits (fontkit reads ignoreBaseGlyphs 0x2, ignoreLigatures 0x4, ignoreMarks 0x8). */
  flags: number;
  subtables: Subtable[];
}

/** The features of a script's default language in a GSUB or GPOS table, as fontkit selects them. */
export interface ScriptFeatures {
  /** The script tag found: the one asked for, else DFLT, dflt or latn. */
  tag: string;
  /** Lookup indexes per feature tag (a tag listed twice keeps its last feature table). */
  features: Map<string, number[]>;
}

const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/** fontkit's `selectScript(script)` with no language; `undefined` where it would keep old state. */
export function selectScript(d: FontData, table: number, script: string): ScriptFeatures | undefined {
  const version = d.u32(table);
  if (version !== 0x00010000 && version !== 0x00010001) throw new Error(`layout table version ${version}`);
  const list = table + d.u16(table + 4);
  if (list === table) return undefined;
  const count = d.u16(list);
  const find = (tags: string[]) => {
    for (const tag of tags) {
      for (let i = 0; i < count; i++) if (d.tag(list + 2 + 6 * i) === tag) return { tag, at: d.offset(list, list + 2 + 6 * i + 4) };
    }
    return undefined;
  };
  const entry = find([script]) ?? find(DEFAULT_SCRIPTS);
  if (!entry) return undefined;
  const features = new Map<string, number[]>();
  const langSys = d.u16(entry.at);
  if (langSys !== 0) {
    const ls = entry.at + langSys;
    const n = d.u16(ls + 4);
    const featureList = n > 0 ? d.offset(table, table + 6) : 0;
    const featureCount = n > 0 ? d.u16(featureList) : 0;
    for (let i = 0; i < n; i++) {
      const index = d.u16(ls + 6 + 2 * i);
      if (index >= featureCount) throw new Error(`feature index ${index}`);
      const record = featureList + 2 + 6 * index;
      const feature = d.offset(featureList, record + 4);
      const lookups: number[] = [];
      for (let k = 0, m = d.u16(feature + 2); k < m; k++) lookups.push(d.u16(feature + 4 + 2 * k));
      features.set(d.tag(record), lookups);
    }
  }
  return { tag: entry.tag, features };
}

/** Reads lookup `index`; `extension` is the table's extension lookup type (GSUB 7, GPOS 9). */
export function readLookup(d: FontData, table: number, index: number, extension: number): Lookup {
  const list = d.offset(table, table + 8);
  if (index >= d.u16(list)) throw new Error(`lookup index ${index}`);
  const at = d.offset(list, list + 2 + 2 * index);
  const type = d.u16(at);
  const subtables: Subtable[] = [];
  for (let i = 0, n = d.u16(at + 4); i < n; i++) {
    const sub = d.offset(at, at + 6 + 2 * i);
    if (type === extension) {
      const inner = d.u16(sub + 2);
      const off = d.u32(sub + 4);
      if (inner === extension || off === 0) throw new Error('bad extension subtable');
      subtables.push({ type: inner, at: sub + off });
    } else {
      subtables.push({ type, at: sub });
    }
  }
  return { flags: d.u16(at + 2) & 0xff, subtables };
}
