// The pieces PDFKit shapes a run's text in, split and shaped once per process and encoded once
// per document: a justified line draws each word as its own run, releases draw the same words
// over and over, and the subset pass before drawing splits the same runs as drawing does.
import type { Font } from 'fontkit';
import { layoutText } from '../fonts/simple-shaper.js';

/** What drawing reads of a glyph: fontkit's glyph objects have these, and the simple shaper's. */
export interface Glyph {
  readonly id: number;
  /** Advance in font units before kerning (a shaped position's xAdvance includes it). */
  readonly advanceWidth: number;
  /** Characters the glyph stands for, for the font's ToUnicode map. */
  readonly codePoints: number[];
}

/** The fields of PDFKit's EmbeddedFont (a document's font object) that text drawing uses. */
export interface EmbeddedFont {
  id: string;
  font: Font;
  scale: number;
  subset: { glyphs: number[]; includeGlyph(id: number): number; encode(): Uint8Array };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

/** A chunk of text shaped as PDFKit shapes it (in its units, 1000 per em). */
export interface Piece {
  readonly glyphs: Glyph[];
  readonly xAdvance: number[];
  readonly advanceWidth: number[];
  readonly xOffset: number[];
  readonly yOffset: number[];
  /** Whether a glyph of it is placed off the pen (a GPOS mark): drawn glyph by glyph. */
  readonly offsets: boolean;
  /** The glyphs' ids, for their codes in a document (see `DocumentFont`). */
  readonly ids: number[];
  /** The document font (its serial) whose subset has its glyphs (see `collectPieces`). */
  collectedBy: number;
}

/**
 * Chunks and run splits kept per face; a map is cleared past its size so a long batch stays
 * flat. A release draws ~1,000 words and ~1,500 runs (a justified line has one per word).
 */
const MAX_PIECES = 4_000;
const MAX_RUNS = 2_000;

/** What the process keeps per face: the same words come back release after release. */
export interface FaceText {
  pieces: Map<string, Piece>;
  /** Run text split as PDFKit shapes it without word spacing: after each space or tab. */
  chunkRuns: Map<string, Piece[]>;
  /** Run text split into words, for runs drawn with word spacing. */
  wordRuns: Map<string, Piece[]>;
  /** Advance of a space, in PDFKit units. */
  space: number;
}

const faceTexts = new WeakMap<Font, FaceText>();

export function faceText(pdfFont: EmbeddedFont): FaceText {
  let text = faceTexts.get(pdfFont.font);
  if (!text) {
    text = { pieces: new Map(), chunkRuns: new Map(), wordRuns: new Map(), space: 0 };
    faceTexts.set(pdfFont.font, text);
    text.space = pieceOf(pdfFont, text, ' ').xAdvance.reduce((a, b) => a + b, 0);
  }
  return text;
}

/** Caches `value` in `map`, which is emptied when full: a batch's words are soon there again. */
function keep<V>(map: Map<string, V>, limit: number, key: string, value: V): V {
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}

function pieceOf(pdfFont: EmbeddedFont, face: FaceText, text: string): Piece {
  const known = face.pieces.get(text);
  if (known) return known;
  const { scale } = pdfFont;
  // Simple text (most of it) is shaped without fontkit's layout, exactly as it would be.
  const run = layoutText(pdfFont.font, text);
  const xOffset = run.xOffset.map((x) => x * scale);
  const yOffset = run.yOffset.map((y) => y * scale);
  const piece: Piece = {
    glyphs: run.glyphs,
    xAdvance: run.xAdvance.map((x) => x * scale),
    advanceWidth: run.glyphs.map((g) => g.advanceWidth * scale),
    xOffset,
    yOffset,
    offsets: xOffset.some((x) => x !== 0) || yOffset.some((y) => y !== 0),
    ids: run.glyphs.map((g) => g.id),
    collectedBy: 0,
  };
  return keep(face.pieces, MAX_PIECES, text, piece);
}

/** Advance of a space in `pdfFont`, in PDFKit units (1000 per em). */
export function spaceAdvance(pdfFont: EmbeddedFont): number {
  return faceText(pdfFont).space;
}

/** Pieces of `text` that end after each space or tab, as PDFKit shapes them. */
export function chunkPieces(pdfFont: EmbeddedFont, text: string, face = faceText(pdfFont)): Piece[] {
  const known = face.chunkRuns.get(text);
  if (known) return known;
  const pieces: Piece[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      pieces.push(pieceOf(pdfFont, face, text.slice(start, i + 1)));
      start = i + 1;
    }
  }
  if (start < text.length) pieces.push(pieceOf(pdfFont, face, text.slice(start)));
  return keep(face.chunkRuns, MAX_RUNS, text, pieces);
}

/** The words of `text` (spaces collapsed, none empty), as a run with word spacing draws them. */
export function wordPieces(pdfFont: EmbeddedFont, text: string, face = faceText(pdfFont)): Piece[] {
  const known = face.wordRuns.get(text);
  if (known) return known;
  const pieces: Piece[] = [];
  for (const word of text.trim().split(/\s+/)) if (word !== '') pieces.push(pieceOf(pdfFont, face, word));
  return keep(face.wordRuns, MAX_RUNS, text, pieces);
}

/**
 * What a document font keeps: a serial that pieces name it by (a reference would keep the
 * document alive as long as the piece), its face's text, and per glyph id the glyph's code
 * in its subset plus one (0: not in it; what PDFKit's `encode` writes in hex). An array by
 * id, not a map: drawing looks up every glyph. While `collectPieces` gathers glyphs, a glyph
 * waiting for its code has -1 - its index in the list of glyphs to add.
 */
export interface DocumentFont {
  serial: number;
  face: FaceText;
  codes: Int32Array;
}

const documentFonts = new WeakMap<EmbeddedFont, DocumentFont>();
let serials = 0;

export function documentFont(pdfFont: EmbeddedFont): DocumentFont {
  let known = documentFonts.get(pdfFont);
  if (!known) documentFonts.set(pdfFont, (known = { serial: ++serials, face: faceText(pdfFont), codes: new Int32Array(pdfFont.font.numGlyphs) }));
  return known;
}

/** Makes room in `document.codes` for glyph `id` (only a font's own glyph count is expected). */
function roomFor(document: DocumentFont, id: number): Int32Array {
  if (id >= document.codes.length) {
    const codes = new Int32Array(Math.max(id + 1, 2 * document.codes.length));
    codes.set(document.codes);
    document.codes = codes;
  }
  return document.codes;
}

/** Puts `glyph` into the subset (if not yet in it), as PDFKit's `encode` does on first use. */
function include(pdfFont: EmbeddedFont, document: DocumentFont, glyph: Glyph): void {
  const code = pdfFont.subset.includeGlyph(glyph.id);
  pdfFont.widths[code] ??= glyph.advanceWidth * pdfFont.scale;
  pdfFont.unicode[code] ??= glyph.codePoints;
  roomFor(document, glyph.id)[glyph.id] = code + 1;
}

/**
 * Makes sure every glyph of `piece` has a code in `document`: pieces are collected and their
 * glyphs given codes before drawing (`prepareSubsets`), so this only guards other callers.
 */
export function ensureCodes(pdfFont: EmbeddedFont, document: DocumentFont, piece: Piece): Int32Array {
  if (piece.collectedBy !== document.serial) {
    piece.collectedBy = document.serial;
    for (const glyph of piece.glyphs) if (!(roomFor(document, glyph.id)[glyph.id] > 0)) include(pdfFont, document, glyph);
  }
  return document.codes;
}

/**
 * Adds the glyphs of `pieces` that have no code in `document` yet to `into` (a glyph met again
 * replaces the one met before, as in a map by id).
 */
export function collectPieces(document: DocumentFont, pieces: Piece[], into: Glyph[]): void {
  const { serial } = document;
  for (const piece of pieces) {
    if (piece.collectedBy === serial) continue;
    piece.collectedBy = serial;
    // Ids first: the glyph objects are read only for glyphs new to the document.
    const { ids } = piece;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      const codes = roomFor(document, id);
      const code = codes[id];
      if (code > 0) continue;
      if (code < 0) {
        into[-1 - code] = piece.glyphs[i];
      } else {
        codes[id] = -1 - into.length;
        into.push(piece.glyphs[i]);
      }
    }
  }
}

/** Puts glyphs into the document's subset in id order, so the subset depends on the set alone. */
export function encodeInOrder(pdfFont: EmbeddedFont, document: DocumentFont, glyphs: Glyph[]): void {
  glyphs.sort((a, b) => a.id - b.id);
  for (const glyph of glyphs) include(pdfFont, document, glyph);
}
