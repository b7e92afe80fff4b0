import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as fontkit from 'fontkit';
import { fontkitFont } from '../fonts/index.js';
import { PressroomError } from '../diagnostics.js';
import type { FontFace, FontFamily } from '../fonts/types.js';
import { canKeepGlyphIds, subsetKeepingGlyphIds } from './font-subset.js';

/** `fonts/fonts.json` as written: files come from an npm package or from `fonts/`. */
interface FontsJson {
  families: {
    name: string;
    aliases?: string[];
    package?: string;
    faces: { weight: number; style: 'normal' | 'italic'; file: string }[];
  }[];
}

const fontsDir = fileURLToPath(new URL('../../fonts/', import.meta.url));
const require = createRequire(import.meta.url);

let catalog: FontFamily[] | undefined;

/** The declared families with absolute face paths, read once per process. */
export function fontCatalog(): FontFamily[] {
  if (catalog) return catalog;
  const file = join(fontsDir, 'fonts.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as FontsJson;
  catalog = json.families.map((family) => {
    let base = fontsDir;
    if (family.package) {
      try {
        base = dirname(require.resolve(`${family.package}/package.json`));
      } catch {
        throw new PressroomError('font', `font package ${family.package} is not installed`, { file }, family.name);
      }
    }
    const faces: FontFace[] = family.faces.map((face) => ({
      id: `${family.name.replace(/[^A-Za-z0-9]+/g, '')}-${face.weight}-${face.style}`,
      family: family.name,
      weight: face.weight,
      style: face.style,
      path: isAbsolute(face.file) ? face.file : join(base, face.file),
    }));
    return { name: family.name, aliases: family.aliases ?? [], faces };
  });
  return catalog;
}

/** The family a CSS font-family name stands for (its own name or an alias, case-insensitive). */
export function findFamily(name: string): FontFamily | undefined {
  const wanted = name.toLowerCase();
  return fontCatalog().find((f) => f.name.toLowerCase() === wanted || f.aliases.some((a) => a.toLowerCase() === wanted));
}

/** The face closest to the wanted weight and style, as a reader would pick it. */
export function pickFace(family: FontFamily, weight: number, style: 'normal' | 'italic'): FontFace {
  const sameStyle = family.faces.filter((f) => f.style === style);
  const pool = sameStyle.length ? sameStyle : family.faces;
  const bold = weight >= 600;
  return pool.find((f) => (f.weight >= 600) === bold) ?? pool[0];
}

const fileCache = new Map<string, Buffer>();

/** Drops font files, coverage and subsets read so far, so edited fonts are read again. */
export function clearEpubFontCache(): void {
  fileCache.clear();
  coverage.clear();
  subsetCache.clear();
}
function fontFile(face: FontFace): Buffer {
  let data = fileCache.get(face.path);
  if (!data) {
    try {
      data = readFileSync(face.path);
    } catch {
      throw new PressroomError('font', `cannot read font file ${face.path}`, { file: face.path }, face.family);
    }
    fileCache.set(face.path, data);
  }
  return data;
}

/** The parsed font (fontkit), for glyph coverage and cover lettering: the typesetter's own. */
export function openFace(face: FontFace): fontkit.Font {
  return fontkitFont(face);
}

const coverage = new Map<string, Map<number, boolean>>();
/** Whether the family has a glyph for the code point (read from its regular face's cmap). */
export function familyCovers(family: FontFamily, codePoint: number): boolean {
  let known = coverage.get(family.name);
  if (!known) coverage.set(family.name, (known = new Map()));
  let has = known.get(codePoint);
  if (has === undefined) {
    has = openFace(pickFace(family, 400, 'normal')).hasGlyphForCodePoint(codePoint);
    known.set(codePoint, has);
  }
  return has;
}

/** Subsets kept (a few KB each); the oldest goes first, so a long batch stays flat. */
const MAX_SUBSETS = 64;
const subsetCache = new Map<string, Promise<Buffer>>();
/** The face cut down to the given characters (TrueType); cached per face and character set. */
export function subsetFace(face: FontFace, chars: Iterable<number>): Promise<Buffer> {
  const codePoints = [...new Set(chars)].sort((a, b) => a - b);
  const text = String.fromCodePoint(...codePoints);
  const key = `${face.path}\0${text}`;
  let subset = subsetCache.get(key);
  if (!subset) {
    subset = makeSubset(face, codePoints, text);
    subset.catch(() => subsetCache.delete(key));
    if (subsetCache.size >= MAX_SUBSETS) subsetCache.delete(subsetCache.keys().next().value!);
    subsetCache.set(key, subset);
  }
  return subset;
}

/**
 * Simple text in a TrueType face: a subset keeping the font's glyph ids, written from its bytes
 * (font-subset.ts). Anything else goes through HarfBuzz (subset-font), loaded on first use so
 * that a process never needing it never compiles its WebAssembly (~70 ms, ~85 MB a thread).
 */
async function makeSubset(face: FontFace, codePoints: number[], text: string): Promise<Buffer> {
  const font = openFace(face);
  try {
    if (canKeepGlyphIds(font, codePoints)) {
      const bytes = subsetKeepingGlyphIds(font, codePoints);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    }
  } catch {
    // A font or table this writer cannot read: HarfBuzz may.
  }
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(fontFile(face), text, { targetFormat: 'sfnt' });
}
