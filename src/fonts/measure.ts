import * as fontkit from 'fontkit';
import { PressroomError } from '../diagnostics.js';
import type { FontFace } from './types.js';
import { BoundedMap } from './bounded-map.js';
import { simpleAdvance, simpleAdvanceOf, type SimpleAdvance } from './simple-shaper.js';
import { advanceWithSpace } from './word-space.js';

/** Vertical metrics scaled to a size, in points. `descent` is positive (below the baseline). */
export interface FontMetrics {
  ascent: number;
  descent: number;
  lineGap: number;
  unitsPerEm: number;
}

export interface TextMeasure {
  /** Advance width in points. */
  width: number;
  /** Glyphs after shaping (ligatures count once): letter-spacing is added after each. */
  glyphs: number;
}

interface OpenFace {
  font: fontkit.Font;
  unitsPerEm: number;
  /** Shaped advance (font units) and glyph count per chunk, as PDFKit caches its layouts. */
  chunks: Map<string, SimpleAdvance>;
  /** The same per whole string measured, so a repeated word costs one lookup. */
  strings: Map<string, SimpleAdvance>;
  glyphs: Map<number, boolean>;
  /** Vertical metrics in font units (fontkit recomputes them on every read). */
  ascent: number;
  descent: number;
  lineGap: number;
}

/** Cache sizes per face: a release uses ~1,000 words and ~300 line texts; more only grows a long batch's heap (measured: +15 MB from 500 to 2,000 releases at 40,000 each). */
const MAX_CHUNKS = 10_000;
const MAX_STRINGS = 4_000;
const MAX_GLYPHS = 20_000;

/** Faces are opened on first use and kept for the process: Noto Serif KR alone is 14 MB. */
const openFaces = new Map<string, OpenFace>();

/**
 * The face asked for last and what it opened: a paragraph's words come one after another in
 * one face, and each measure looked the face's path up in openFaces.
 */
let lastFace: FontFace | undefined;
let lastOpen: OpenFace | undefined;

/** Forgets opened faces, so edited font files are read again (the watcher calls this). */
export function forgetOpenFaces(): void {
  openFaces.clear();
  lastFace = undefined;
  lastOpen = undefined;
}

export function openFace(face: FontFace): OpenFace {
  if (face === lastFace) return lastOpen!;
  let open = openFaces.get(face.path);
  if (!open) {
    let font: fontkit.Font;
    try {
      const opened = fontkit.openSync(face.path);
      font = 'fonts' in opened ? opened.fonts[0] : opened;
    } catch (e) {
      throw new PressroomError('font', `cannot open font: ${(e as Error).message}`, { file: face.path });
    }
    open = { font, unitsPerEm: font.unitsPerEm, chunks: new BoundedMap(MAX_CHUNKS), strings: new BoundedMap(MAX_STRINGS), glyphs: new BoundedMap(MAX_GLYPHS), ascent: font.ascent, descent: font.descent, lineGap: font.lineGap };
    openFaces.set(face.path, open);
  }
  lastFace = face;
  lastOpen = open;
  return open;
}

export function fontkitFont(face: FontFace): fontkit.Font {
  return openFace(face).font;
}

export function hasGlyph(face: FontFace, codePoint: number): boolean {
  const open = openFace(face);
  let has = open.glyphs.get(codePoint);
  if (has === undefined) {
    has = open.font.hasGlyphForCodePoint(codePoint);
    open.glyphs.set(codePoint, has);
  }
  return has;
}

/**
 * PDFKit shapes text in chunks that end after each space or tab, each with fontkit's default
 * features, so kerning never crosses a space; measuring the same chunks gives its exact width.
 */
export function measureText(face: FontFace, size: number, text: string): TextMeasure {
  return measureInto(face, size, text, { width: 0, glyphs: 0 });
}

/** `measureText(…)` written into `into` (a caller's object reused from word to word). */
export function measureInto(face: FontFace, size: number, text: string, into: TextMeasure): TextMeasure {
  return measureShapeInto(face, size, shaped(openFace(face), text), into);
}

/**
 * A text as its face shapes it (font units, from the face's caches): what a word's box keeps, so
 * that measuring the word with its space later needs no look-up. Opaque outside fonts/.
 */
export type TextShape = Readonly<Pick<SimpleAdvance, 'advance' | 'glyphs'>>;

export function shapeText(face: FontFace, text: string): TextShape {
  return shaped(openFace(face), text);
}

/** `shape`'s text with a space after it, shaped once and then kept with the shape. */
export function shapeWithSpace(face: FontFace, text: string, shape: TextShape): TextShape {
  // Shapes are made only by shaped(), so this is a SimpleAdvance.
  const s = shape as SimpleAdvance;
  return (s.withSpace ??= shaped(openFace(face), `${text} `));
}

/** `measureInto` of the text that `shape` is the shape of. */
export function measureShapeInto(face: FontFace, size: number, shape: TextShape, into: TextMeasure): TextMeasure {
  into.width = (shape.advance / openFace(face).unitsPerEm) * size;
  into.glyphs = shape.glyphs;
  return into;
}

/** `measureText(…).width`, without making the measure object (spaces are measured per line). */
export function measureWidth(face: FontFace, size: number, text: string): number {
  const open = openFace(face);
  return (shaped(open, text).advance / open.unitsPerEm) * size;
}

/**
 * `width + letterSpacing × glyphs` of `measureText(…)`, computed in that order, without making
 * the measure object: the typesetter asks this once per word, hyphen and space.
 */
export function measureSpaced(face: FontFace, size: number, text: string, letterSpacing: number): number {
  const open = openFace(face);
  const known = shaped(open, text);
  return (known.advance / open.unitsPerEm) * size + letterSpacing * known.glyphs;
}

function shaped(open: OpenFace, text: string): SimpleAdvance {
  // A text with no space or tab but maybe one at its end (a word, a justified line's word and
  // its space) is one chunk: its own cache entry.
  const space = text.indexOf(' ');
  if ((space < 0 || space === text.length - 1) && text.indexOf('\t') < 0) return chunkOf(open, text);
  let known = open.strings.get(text);
  if (!known) {
    known = shapeInChunks(open, text);
    open.strings.set(text, known);
  }
  return known;
}

function shapeInChunks(open: OpenFace, text: string): SimpleAdvance {
  let advance = 0;
  let glyphs = 0;
  // Chunks end after each space or tab; the search for the next is left to indexOf.
  const tabs = text.indexOf('\t') >= 0;
  for (let start = 0; start < text.length; ) {
    let stop = text.indexOf(' ', start);
    if (tabs) {
      const tab = text.indexOf('\t', start);
      if (tab >= 0 && (stop < 0 || tab < stop)) stop = tab;
    }
    stop = stop < 0 ? text.length : stop + 1;
    const shaped = chunkOf(open, text.slice(start, stop));
    advance += shaped.advance;
    glyphs += shaped.glyphs;
    start = stop;
  }
  return simpleAdvanceOf(advance, glyphs);
}

function chunkOf(open: OpenFace, chunk: string): SimpleAdvance {
  let shaped = open.chunks.get(chunk);
  if (!shaped) {
    // Most chunks are simple text, shaped without fontkit's layout (and exactly as it would);
    // a word and its space (a line's chunk) mostly from the word, measured alone before.
    shaped = wordAndSpace(open, chunk) ?? simpleAdvance(open.font, chunk);
    if (!shaped) {
      const run = open.font.layout(chunk);
      shaped = simpleAdvanceOf(run.advanceWidth, run.glyphs.length);
    }
    open.chunks.set(chunk, shaped);
  }
  return shaped;
}

/** A chunk `word ` from the chunk `word` when that is known and simple; else undefined. */
function wordAndSpace(open: OpenFace, chunk: string): SimpleAdvance | undefined {
  const n = chunk.length;
  if (n < 2 || chunk.charCodeAt(n - 1) !== 32) return undefined;
  const word = open.chunks.get(chunk.slice(0, n - 1));
  return word ? advanceWithSpace(open.font, word) : undefined;
}

export function fontMetrics(face: FontFace, size: number): FontMetrics {
  const { ascent, descent, lineGap, unitsPerEm } = openFace(face);
  const scale = size / unitsPerEm;
  return { ascent: ascent * scale, descent: -descent * scale, lineGap: lineGap * scale, unitsPerEm };
}
