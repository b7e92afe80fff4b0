import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PressroomError } from '../diagnostics.js';
import { fontMetrics, hasGlyph, measureInto, measureShapeInto, measureSpaced, measureText, measureWidth, shapeText, shapeWithSpace, type FontMetrics, type TextMeasure, type TextShape } from './measure.js';
import type { FontFace, FontFamily } from './types.js';

/** The declared font families, with face resolution and measuring. */
export interface FontRegistry {
  readonly families: FontFamily[];
  /**
   * The faces to try for text styled with `chain`, most preferred first: one face per family of
   * the chain (nearest weight and style, nothing synthesised), then one per remaining family.
   */
  resolve(chain: string[], weight: number, style: 'normal' | 'italic'): FontFace[];
  /** The first face of `faces` with a glyph for `codePoint`, or undefined when none has one. */
  faceFor(faces: FontFace[], codePoint: number): FontFace | undefined;
  hasGlyph(face: FontFace, codePoint: number): boolean;
  /** Advance width in points of `text` set in `face` at `size`, as PDFKit will draw it. */
  measure(face: FontFace, size: number, text: string): number;
  /** Advance (in points) and glyph count, for letter-spaced text. */
  measureGlyphs(face: FontFace, size: number, text: string): TextMeasure;
  /** `measureGlyphs` written into `into`, which the caller reuses. */
  measureInto(face: FontFace, size: number, text: string, into: TextMeasure): TextMeasure;
  /** `text` as shaped in `face`: measureShapeInto measures it without finding it again. */
  shape(face: FontFace, text: string): TextShape;
  /** The shape of `text + ' '`, from `shape`, the shape of `text` (kept with it once found). */
  shapeWithSpace(face: FontFace, text: string, shape: TextShape): TextShape;
  /** `measureInto` of a shape's text. */
  measureShapeInto(face: FontFace, size: number, shape: TextShape, into: TextMeasure): TextMeasure;
  /** `measureGlyphs`' width plus `letterSpacing` after each glyph, with no object made. */
  measureSpaced(face: FontFace, size: number, text: string, letterSpacing: number): number;
  metrics(face: FontFace, size: number): FontMetrics;
}

interface FontsJson {
  families: {
    name: string;
    aliases?: string[];
    package?: string;
    faces: { weight: number; style?: 'normal' | 'italic'; file: string }[];
  }[];
}

export const defaultFontsJson = fileURLToPath(new URL('../../fonts/fonts.json', import.meta.url));

const registries = new Map<string, FontRegistry>();

/** Forgets the font declarations read so far, so an edited fonts.json is read again. */
export function forgetFontRegistries(): void {
  registries.clear();
}

/** Reads `fonts/fonts.json` (or `fontsJson`); registries are cached per file for the process. */
export function loadFontRegistry(fontsJson: string = defaultFontsJson): FontRegistry {
  const path = resolve(fontsJson);
  let registry = registries.get(path);
  if (!registry) {
    registry = new Registry(readFamilies(path));
    registries.set(path, registry);
  }
  return registry;
}

function readFamilies(jsonPath: string): FontFamily[] {
  let data: FontsJson;
  try {
    data = JSON.parse(readFileSync(jsonPath, 'utf8')) as FontsJson;
  } catch (e) {
    throw new PressroomError('font', `cannot read font declarations: ${(e as Error).message}`, { file: jsonPath });
  }
  // A hand-edited file may lack a list; a TypeError later would not say which.
  if (!Array.isArray(data?.families)) throw new PressroomError('font', 'expected a list of font families', { file: jsonPath }, 'families');
  data.families.forEach((fam, i) => {
    if (!Array.isArray(fam?.faces)) throw new PressroomError('font', 'expected a list of faces', { file: jsonPath }, `families[${i}].faces`);
  });
  const require = createRequire(import.meta.url);
  return data.families.map((fam, i) => {
    let base = dirname(jsonPath);
    if (fam.package) {
      try {
        base = dirname(require.resolve(`${fam.package}/package.json`));
      } catch {
        throw new PressroomError('font', `font package ${fam.package} is not installed`, { file: jsonPath }, `families[${i}].package`, 'run npm install');
      }
    }
    const faces = fam.faces.map((f, j): FontFace => {
      const style = f.style ?? 'normal';
      const path = join(base, f.file);
      if (!existsSync(path)) {
        throw new PressroomError('font', `font file ${path} does not exist`, { file: jsonPath }, `families[${i}].faces[${j}].file`);
      }
      return { id: `${fam.name.replace(/\s+/g, '')}-${f.weight}-${style}`, family: fam.name, weight: f.weight, style, path };
    });
    return { name: fam.name, aliases: fam.aliases ?? [], faces };
  });
}

/** CSS font matching: style first (italic falls back to normal), then the nearest weight. */
export function nearestFace(faces: FontFace[], weight: number, style: 'normal' | 'italic'): FontFace {
  const sameStyle = faces.filter((f) => f.style === style);
  const pool = sameStyle.length > 0 ? sameStyle : faces;
  const weights = [...new Set(pool.map((f) => f.weight))].sort((a, b) => a - b);
  const above = (min: number) => weights.filter((w) => w >= min);
  const below = (max: number) => weights.filter((w) => w <= max).reverse();
  let order: number[];
  if (weight >= 400 && weight <= 500) {
    order = [...weights.filter((w) => w >= weight && w <= 500), ...below(weight), ...above(500)];
  } else if (weight < 400) {
    order = [...below(weight), ...above(weight)];
  } else {
    order = [...above(weight), ...below(weight)];
  }
  return pool.find((f) => f.weight === order[0])!;
}

class Registry implements FontRegistry {
  readonly families: FontFamily[];
  private readonly byName = new Map<string, FontFamily>();
  private readonly chains = new Map<string, FontFace[]>();
  /** By fontFamily array, then style, then weight: keys that need no string made per call. */
  private readonly arrays = new WeakMap<string[], { normal: Map<number, FontFace[]>; italic: Map<number, FontFace[]> }>();

  constructor(families: FontFamily[]) {
    this.families = families;
    for (const fam of families) {
      for (const name of [fam.name, ...fam.aliases]) {
        const key = normaliseName(name);
        if (!this.byName.has(key)) this.byName.set(key, fam);
      }
    }
  }

  resolve(chain: string[], weight: number, style: 'normal' | 'italic'): FontFace[] {
    // Styles share their fontFamily arrays, so most lookups never build the string key.
    let byArray = this.arrays.get(chain);
    if (!byArray) this.arrays.set(chain, (byArray = { normal: new Map(), italic: new Map() }));
    // A style the type does not allow (from JavaScript) is resolved each time, never cached here.
    const byWeight = style === 'italic' ? byArray.italic : style === 'normal' ? byArray.normal : undefined;
    const hit = byWeight?.get(weight);
    if (hit) return hit;
    const key = `${chain.join(',')}|${weight}|${style}`;
    let faces = this.chains.get(key);
    if (!faces) {
      const families: FontFamily[] = [];
      for (const name of chain) {
        const fam = this.byName.get(normaliseName(name));
        if (fam && !families.includes(fam)) families.push(fam);
      }
      for (const fam of this.families) if (!families.includes(fam)) families.push(fam);
      faces = families.filter((f) => f.faces.length > 0).map((f) => nearestFace(f.faces, weight, style));
      this.chains.set(key, faces);
    }
    byWeight?.set(weight, faces);
    return faces;
  }

  faceFor(faces: FontFace[], codePoint: number): FontFace | undefined {
    return faces.find((f) => hasGlyph(f, codePoint));
  }

  hasGlyph(face: FontFace, codePoint: number): boolean {
    return hasGlyph(face, codePoint);
  }

  measure(face: FontFace, size: number, text: string): number {
    return measureWidth(face, size, text);
  }

  measureGlyphs(face: FontFace, size: number, text: string): TextMeasure {
    return measureText(face, size, text);
  }

  measureInto(face: FontFace, size: number, text: string, into: TextMeasure): TextMeasure {
    return measureInto(face, size, text, into);
  }

  shape(face: FontFace, text: string): TextShape {
    return shapeText(face, text);
  }

  shapeWithSpace(face: FontFace, text: string, shape: TextShape): TextShape {
    return shapeWithSpace(face, text, shape);
  }

  measureShapeInto(face: FontFace, size: number, shape: TextShape, into: TextMeasure): TextMeasure {
    return measureShapeInto(face, size, shape, into);
  }

  measureSpaced(face: FontFace, size: number, text: string, letterSpacing: number): number {
    return measureSpaced(face, size, text, letterSpacing);
  }

  metrics(face: FontFace, size: number): FontMetrics {
    return fontMetrics(face, size);
  }
}

function normaliseName(name: string): string {
  return name.trim().replace(/^["']|["']$/g, '').toLowerCase();
}
