// A fast path for fontkit's `font.layout(text)` on simple text: one glyph per character from the
// cmap, advances from hmtx, then the font's GPOS single and pair adjustments applied as fontkit
// applies them. It answers only when that is provably what fontkit's default shaping gives —
// every character in a known non-complex script, no mark, and no substitution or contextual or
// mark lookup of the default features able to act on the run — and `undefined` otherwise, so
// callers fall back to fontkit. fontkit spends ~0.1 ms per word (and ~200 ms warming up);
// this costs microseconds, and a few ms per face to read its tables.
import type { Font } from 'fontkit';
import { chainApplies, contextApplies, substitutes } from './layout-context.js';
import { codePoints, cursor, positionRun, xAdvance, xOffset, yAdvance, yOffset } from './positioning.js';
import { BAIL, CHECK, Face, type FontInternals, type Plan } from './simple-face.js';
import { spaceMayBeRead } from './space-reads.js';

/** What drawing needs of a glyph: the fields of fontkit's glyph that the PDF writer reads. */
export interface SimpleGlyph {
  readonly id: number;
  /** Advance from hmtx, in font units (before kerning). */
  readonly advanceWidth: number;
  /** fontkit's own code points for the glyph, as its ToUnicode entry. */
  readonly codePoints: number[];
}

/** A shaped run in font units, position by position as fontkit's GlyphRun gives it. */
export interface SimpleRun {
  glyphs: SimpleGlyph[];
  xAdvance: number[];
  yAdvance: number[];
  xOffset: number[];
  yOffset: number[];
  /** Sum of `xAdvance`. */
  advanceWidth: number;
}

const COMMON = 0;
const LATIN = 1;
const HANGUL = 2;

/**
 * Unicode script of the characters simple text may hold: ASCII and Latin-1 (less the soft
 * hyphen), Latin Extended-A and -B, general punctuation (less invisible characters and the
 * fraction slash, which starts fontkit's fraction features), currency, letterlike symbols,
 * arrows, mathematical operators, geometric shapes, CJK punctuation, Hangul compatibility jamo
 * and syllables, fullwidth forms. -1 for anything else: marks, jamo, other scripts, controls.
 */
export function simpleScriptOf(cp: number): number {
  if (cp < 0x20) return -1;
  if (cp <= 0x7e) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? LATIN : COMMON;
  if (cp < 0xa0) return -1;
  if (cp <= 0xff) {
    if (cp === 0xad) return -1;
    return cp === 0xaa || cp === 0xba || (cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7) ? LATIN : COMMON;
  }
  if (cp <= 0x24f) return LATIN;
  if (cp < 0x2000) return -1;
  if (cp <= 0x206f) return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || cp === 0x2044 || cp >= 0x2060 ? -1 : COMMON;
  if (cp >= 0x20a0 && cp <= 0x20c0) return COMMON;
  if (cp >= 0x2100 && cp <= 0x214f) {
    if (cp === 0x2126) return -1;
    return cp === 0x212a || cp === 0x212b || cp === 0x2132 || cp === 0x214e ? LATIN : COMMON;
  }
  if ((cp >= 0x2190 && cp <= 0x22ff) || (cp >= 0x25a0 && cp <= 0x25ff)) return COMMON;
  if (cp >= 0x3000 && cp <= 0x303f) {
    return cp <= 0x3004 || cp === 0x3006 || (cp >= 0x3008 && cp <= 0x3020) || (cp >= 0x3030 && cp <= 0x3037) || cp >= 0x303c ? COMMON : -1;
  }
  if ((cp >= 0x3131 && cp <= 0x318e) || (cp >= 0xac00 && cp <= 0xd7a3)) return HANGUL;
  if (cp >= 0xff01 && cp <= 0xff60) return (cp >= 0xff21 && cp <= 0xff3a) || (cp >= 0xff41 && cp <= 0xff5a) ? LATIN : COMMON;
  return -1;
}


/** Faces by the font's byte stream, which PDFKit's wrapper of a face shares with the face. */
const faces = new WeakMap<object, Face | null>();

export function faceOf(font: Font): Face | null {
  const internals = font as unknown as FontInternals;
  let face = faces.get(internals.stream);
  if (face === undefined) {
    try {
      face = Face.open(internals);
    } catch {
      face = null;
    }
    faces.set(internals.stream, face);
  }
  return face;
}

/** Of the run last shaped: its script (fontkit's, from its first letter), plan and triggers. */
let runScript = COMMON;
let runPlan: Plan | null = null;
let runTriggered = 0;

/**
 * Shapes `text` into the arrays above as fontkit's default `layout` would, or returns
 * undefined when the text is not simple (or the font does something unexpected).
 */
function shape(font: Font, text: string): Face | undefined {
  const face = faceOf(font);
  if (!face) return undefined;
  try {
    return shapeWith(face, text) ? face : undefined;
  } catch {
    return undefined;
  }
}

function shapeWith(face: Face, text: string): boolean {
  const n = text.length;
  const { ids, classes } = cursor;
  // The arrays are written over, not emptied: their readers stop at the run's length.
  cursor.length = n;
  const known = charTable(face);
  let script = COMMON;
  for (let i = 0; i < n; i++) {
    const cp = text.charCodeAt(i);
    const at = cp < 0x250 ? cp : cp >= 0x2000 && cp < 0x2070 ? cp - 0x1db0 : -1;
    let code = at >= 0 ? known[at] : 0;
    if (code === 0) {
      code = charCode(face, cp);
      if (at >= 0) known[at] = code;
    }
    if (code < 0) return false;
    const s = code & 3;
    if (script === COMMON) script = s;
    ids[i] = code >>> 5;
    classes[i] = ((code >> 2) & 7) - 1;
    codePoints[i] = cp;
  }
  runScript = script;
  runPlan = null;
  if (n === 0) return true;
  const plan = face.plan(script);
  if (!plan) return false;
  let triggered = 0;
  for (let i = 0; i < n; i++) triggered |= plan.triggers[ids[i]];
  if (triggered & BAIL) return false;
  if (triggered & CHECK && acts(face, plan)) return false;
  runPlan = plan;
  runTriggered = triggered;
  positionRun(face, plan);
  return true;
}

/**
 * What the shaper needs of a character in a face, packed: its script (bits 0-1), GDEF class + 1
 * (bits 2-4) and glyph (from bit 5); -1 when it is not simple text in the face (another script,
 * no glyph, a mark).
 */
function charCode(face: Face, cp: number): number {
  const script = simpleScriptOf(cp);
  if (script < 0) return -1;
  const gid = face.glyphId(cp);
  if (gid <= 0 || gid >= face.numGlyphs) return -1;
  const cls = face.glyphClass(gid);
  if (cls === 3) return -1; // a mark: fontkit zeroes its advance and attaches it
  return (gid << 5) | ((cls + 1) << 2) | script;
}

/**
 * charCode per face, 0 until asked (three calls a character, once): for Latin (below U+0250) at
 * the code point, for general punctuation (U+2000 to U+206F) after them, at cp − 0x1DB0.
 */
const charTables = new WeakMap<Face, Int32Array>();

function charTable(face: Face): Int32Array {
  let table = charTables.get(face);
  if (!table) charTables.set(face, (table = new Int32Array(0x250 + 0x70)));
  return table;
}

/**
 * Whether a substitution or contextual lookup would act anywhere in the run, at a glyph where
 * fontkit would try it. Nothing changes the run until one acts, so each is checked against the
 * run as it is; a contextual positioning that would act is taken to act even where a pair
 * adjustment before it in its lookup might have acted first, which costs only a fallback.
 */
function acts(face: Face, plan: Plan): boolean {
  for (let i = 0; i < cursor.length; i++) {
    const starts = plan.starts.get(cursor.ids[i]);
    if (!starts) continue;
    for (const { lookup, st } of starts) {
      cursor.setFlags(lookup.flags);
      // fontkit tries each lookup at the first glyph and at every glyph its flags keep.
      if (i > 0 && cursor.skips(i)) continue;
      const d = face.d;
      if (st.type === 7) {
        if (contextApplies(d, st.at, cursor, i)) return true;
      } else if (st.type === 8) {
        if (chainApplies(d, st.at, cursor, i)) return true;
      } else if (substitutes(d, st, cursor, i)) {
        return true;
      }
    }
  }
  return false;
}

/**
 * fontkit's `font.layout(text)` (default features, script and direction from the text) for
 * simple text; `undefined` when the text is not simple and fontkit must shape it.
 */
export function simpleLayout(font: Font, text: string): SimpleRun | undefined {
  const face = shape(font, text);
  if (!face) return undefined;
  const n = text.length;
  const glyphs: SimpleGlyph[] = new Array(n);
  let advanceWidth = 0;
  for (let i = 0; i < n; i++) {
    glyphs[i] = face.glyph(cursor.ids[i], codePoints[i]);
    advanceWidth += xAdvance[i];
  }
  return { glyphs, xAdvance: xAdvance.slice(0, n), yAdvance: yAdvance.slice(0, n), xOffset: xOffset.slice(0, n), yOffset: yOffset.slice(0, n), advanceWidth };
}

/**
 * `font.layout(text, …, direction)` as a run of positions: the simple shaper's for simple
 * left-to-right text, fontkit's otherwise.
 */
export function layoutText(font: Font, text: string, direction?: 'ltr' | 'rtl'): SimpleRun {
  const simple = direction === 'rtl' ? undefined : simpleLayout(font, text);
  if (simple) return simple;
  const run = font.layout(text, undefined, undefined, undefined, direction);
  const { positions } = run;
  return {
    glyphs: run.glyphs,
    xAdvance: positions.map((p) => p.xAdvance),
    yAdvance: positions.map((p) => p.yAdvance),
    xOffset: positions.map((p) => p.xOffset),
    yOffset: positions.map((p) => p.yOffset),
    advanceWidth: run.advanceWidth,
  };
}

/** What the typesetter keeps of a simple run: advance in font units, glyph count, and `spaced`. */
export interface SimpleAdvance {
  advance: number;
  glyphs: number;
  /** The run's script and last glyph (script × 65536 + glyph): see word-space.ts. */
  spaced: number | undefined;
  /** The same text with a space after it, once asked for (measure.ts's shapeWithSpace). */
  withSpace: SimpleAdvance | undefined;
}

/**
 * A SimpleAdvance, every one made here with all its fields in one order: the measuring code
 * reads objects of one shape, whichever way their text was shaped.
 */
export function simpleAdvanceOf(advance: number, glyphs: number, spaced?: number): SimpleAdvance {
  return { advance, glyphs, spaced, withSpace: undefined };
}

/** The advance (font units) and glyph count of `font.layout(text)` for simple text, else undefined. */
export function simpleAdvance(font: Font, text: string): SimpleAdvance | undefined {
  const face = shape(font, text);
  if (!face) return undefined;
  let advance = 0;
  for (let i = 0; i < text.length; i++) {
    // fontkit makes (and keeps) a glyph object the first time a run holds the glyph: make it
    // now too, so that its code points (the ToUnicode entry) do not depend on this fast path.
    face.glyph(cursor.ids[i], codePoints[i]);
    advance += xAdvance[i];
  }
  const n = text.length;
  if (!runPlan || (runTriggered & CHECK && spaceMayBeRead(face, runPlan, cursor.ids, n))) return simpleAdvanceOf(advance, n);
  return simpleAdvanceOf(advance, n, runScript * 65536 + cursor.ids[n - 1]);
}
