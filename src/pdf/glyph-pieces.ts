// The pieces PDFKit shapes a run's text in, shaped once per process and encoded once per
// document: a justified line draws each word as its own run, so a release draws the same few
// hundred words over and over, and the subset pass before drawing splits the same runs again.
import type { Font } from 'fontkit';
import { layoutText } from '../fonts/simple-shaper.js';
import { BoundedMap } from '../fonts/bounded-map.js';

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

/** A chunk of text shaped as PDFKit shapes it, in its units (1000 per em). */
export interface ShapedChunk {
  glyphs: Glyph[];
  xAdvance: number[];
  advanceWidth: number[];
  xOffset: number[];
  yOffset: number[];
}

/** A shaped chunk in one document: its glyphs' codes in the document's subset, once drawn. */
export interface Piece {
  readonly shaped: ShapedChunk;
  /** Whether a glyph of it is placed off the pen (a GPOS mark): drawn glyph by glyph. */
  readonly offsets: boolean;
  /** Whether its glyphs are in a subset's glyph set already (see `collectGlyphs`). */
  collected: boolean;
  /** The hex code of each glyph; null until first drawn (codes follow the subset's order). */
  codes: string[] | null;
  /**
   * The glyphs before the last as hex strings, each ending at a glyph with kerning after it
   * (`kern`); set with `codes`, for pieces without offsets.
   */
  kerned: { hex: string; kern: number }[];
  /** The hex codes from the last kerned glyph to the end, the last glyph included. */
  tail: string;
}

const shapedByFont = new WeakMap<Font, Map<string, ShapedChunk>>();
/** Chunks kept per face; the map is cleared past this size so a long batch stays flat. */
const MAX_CHUNKS = 10_000;

function shapeChunk(pdfFont: EmbeddedFont, text: string): ShapedChunk {
  let chunks = shapedByFont.get(pdfFont.font);
  if (!chunks) shapedByFont.set(pdfFont.font, (chunks = new Map()));
  let shaped = chunks.get(text);
  if (!shaped) {
    const { scale } = pdfFont;
    // Simple text (most of it) is shaped without fontkit's layout, exactly as it would be.
    const run = layoutText(pdfFont.font, text);
    shaped = {
      glyphs: run.glyphs,
      xAdvance: run.xAdvance.map((x) => x * scale),
      advanceWidth: run.glyphs.map((g) => g.advanceWidth * scale),
      xOffset: run.xOffset.map((x) => x * scale),
      yOffset: run.yOffset.map((y) => y * scale),
    };
    if (chunks.size >= MAX_CHUNKS) chunks.clear();
    chunks.set(text, shaped);
  }
  return shaped;
}

/** Pieces and run splits kept per document font: a bundle's font lives as long as the bundle. */
const MAX_PIECES = 20_000;
const MAX_RUNS = 10_000;

/** What one document keeps per font: its pieces, its runs split into pieces, its glyph codes. */
interface DocumentFont {
  pieces: Map<string, Piece>;
  /** Run text split as PDFKit shapes it without word spacing: after each space or tab. */
  chunkRuns: Map<string, Piece[]>;
  /** Run text split into words, for runs drawn with word spacing. */
  wordRuns: Map<string, Piece[]>;
  /** Hex glyph code per glyph id: what PDFKit's `encode` computes. */
  codes: Map<number, string>;
  /** Advance of a space, in PDFKit units. */
  space: number;
}

const documentFonts = new WeakMap<EmbeddedFont, DocumentFont>();

function documentFont(pdfFont: EmbeddedFont): DocumentFont {
  let state = documentFonts.get(pdfFont);
  if (!state) {
    const space = shapeChunk(pdfFont, ' ').xAdvance.reduce((a, b) => a + b, 0);
    state = { pieces: new BoundedMap(MAX_PIECES), chunkRuns: new BoundedMap(MAX_RUNS), wordRuns: new BoundedMap(MAX_RUNS), codes: new Map(), space };
    documentFonts.set(pdfFont, state);
  }
  return state;
}

function pieceOf(pdfFont: EmbeddedFont, state: DocumentFont, text: string): Piece {
  let piece = state.pieces.get(text);
  if (!piece) {
    const shaped = shapeChunk(pdfFont, text);
    const offsets = shaped.xOffset.some((x) => x !== 0) || shaped.yOffset.some((y) => y !== 0);
    piece = { shaped, offsets, collected: false, codes: null, kerned: [], tail: '' };
    state.pieces.set(text, piece);
  }
  return piece;
}

/** Advance of a space in `pdfFont`, in PDFKit units (1000 per em). */
export function spaceAdvance(pdfFont: EmbeddedFont): number {
  return documentFont(pdfFont).space;
}

/** Pieces of `text` that end after each space or tab, as PDFKit shapes them. */
export function chunkPieces(pdfFont: EmbeddedFont, text: string): Piece[] {
  const state = documentFont(pdfFont);
  let pieces = state.chunkRuns.get(text);
  if (!pieces) {
    pieces = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        pieces.push(pieceOf(pdfFont, state, text.slice(start, i + 1)));
        start = i + 1;
      }
    }
    if (start < text.length) pieces.push(pieceOf(pdfFont, state, text.slice(start)));
    state.chunkRuns.set(text, pieces);
  }
  return pieces;
}

/** The words of `text` (spaces collapsed, none empty), as a run with word spacing draws them. */
export function wordPieces(pdfFont: EmbeddedFont, text: string): Piece[] {
  const state = documentFont(pdfFont);
  let pieces = state.wordRuns.get(text);
  if (!pieces) {
    pieces = [];
    for (const word of text.trim().split(/\s+/)) if (word !== '') pieces.push(pieceOf(pdfFont, state, word));
    state.wordRuns.set(text, pieces);
  }
  return pieces;
}

function glyphCode(pdfFont: EmbeddedFont, codes: Map<number, string>, glyph: Glyph): string {
  let code = codes.get(glyph.id);
  if (code === undefined) {
    const gid = pdfFont.subset.includeGlyph(glyph.id);
    code = `0000${gid.toString(16)}`.slice(-4);
    pdfFont.widths[gid] ??= glyph.advanceWidth * pdfFont.scale;
    pdfFont.unicode[gid] ??= glyph.codePoints;
    codes.set(glyph.id, code);
  }
  return code;
}

/** Gives `piece` its codes in the document's subset (and `kerned`, `tail`), once. */
export function encodePiece(pdfFont: EmbeddedFont, piece: Piece): string[] {
  if (piece.codes) return piece.codes;
  const { codes: codeOf } = documentFont(pdfFont);
  const { glyphs, xAdvance, advanceWidth } = piece.shaped;
  const codes = glyphs.map((glyph) => glyphCode(pdfFont, codeOf, glyph));
  let hex = '';
  for (let i = 0; i < codes.length - 1; i++) {
    hex += codes[i];
    const kern = xAdvance[i] - advanceWidth[i];
    if (kern !== 0) {
      piece.kerned.push({ hex, kern });
      hex = '';
    }
  }
  piece.tail = hex + (codes.length > 0 ? codes[codes.length - 1] : '');
  piece.codes = codes;
  return codes;
}

/** Adds the glyphs of `pieces` not added before to `into`, by glyph id. */
export function collectPieces(pieces: Piece[], into: Map<number, Glyph>): void {
  for (const piece of pieces) {
    if (piece.collected) continue;
    piece.collected = true;
    for (const glyph of piece.shaped.glyphs) into.set(glyph.id, glyph);
  }
}

/** Puts glyphs into the document's subset in id order, so the subset depends on the set alone. */
export function encodeInOrder(pdfFont: EmbeddedFont, glyphs: Map<number, Glyph>): void {
  const { codes } = documentFont(pdfFont);
  for (const id of [...glyphs.keys()].sort((a, b) => a - b)) glyphCode(pdfFont, codes, glyphs.get(id)!);
}
