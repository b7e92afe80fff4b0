// Writes text operators straight into the page's content stream, with the glyphs and spacing
// PDFKit's `doc.text(…, {lineBreak: false, baseline: 'alphabetic'})` would draw, without its
// costs: PDFKit re-splits and re-measures every run, concatenates glyph arrays word by word
// (quadratic in the words of a line), converts each operator to bytes on its own and wraps each
// run in its own text object. Here a word is shaped once per process, its glyphs encoded once
// per document, and a line is one text object.
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

/** What the content stream needs of the document: PDFKit's current font, size and page. */
export interface TextDocument {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** A chunk of text shaped as PDFKit shapes it, in its units (1000 per em). */
interface ShapedChunk {
  glyphs: Glyph[];
  xAdvance: number[];
  advanceWidth: number[];
  xOffset: number[];
  yOffset: number[];
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

/** Hex glyph codes of a document's subset, per glyph id: what PDFKit's `encode` computes. */
const codesByFont = new WeakMap<EmbeddedFont, Map<number, string>>();

function glyphCodes(pdfFont: EmbeddedFont): Map<number, string> {
  let codes = codesByFont.get(pdfFont);
  if (!codes) codesByFont.set(pdfFont, (codes = new Map()));
  return codes;
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

/** PDFKit's number format: six decimals at most. */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Pieces of text that end after each space or tab, as PDFKit shapes them. */
function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      chunks.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) chunks.push(text.slice(start));
  return chunks;
}

const spaceAdvance = (pdfFont: EmbeddedFont): number => {
  const space = shapeChunk(pdfFont, ' ');
  return space.xAdvance.reduce((a, b) => a + b, 0);
};

/** Advance of a space in the current font and size, in points (PDFKit's `widthOfString(' ')`). */
export function spaceWidth(doc: TextDocument): number {
  return (spaceAdvance(doc._font) * doc._fontSize) / 1000;
}

/** Adds the glyphs that `LineText.run(text, …, wordSpacing)` draws to `into`, by glyph id. */
export function collectGlyphs(pdfFont: EmbeddedFont, text: string, wordSpacing: number, into: Map<number, Glyph>): void {
  const pieces = wordSpacing ? text.replace(/\s{2,}/g, ' ').trim().split(/\s+/) : chunksOf(text);
  for (const piece of pieces) {
    if (piece === '') continue;
    for (const glyph of shapeChunk(pdfFont, piece).glyphs) into.set(glyph.id, glyph);
  }
}

/** Puts glyphs into the document's subset in id order, so the subset depends on the set alone. */
export function encodeInOrder(pdfFont: EmbeddedFont, glyphs: Map<number, Glyph>): void {
  const codeOf = glyphCodes(pdfFont);
  for (const id of [...glyphs.keys()].sort((a, b) => a - b)) glyphCode(pdfFont, codeOf, glyphs.get(id)!);
}

/** The glyphs of one run, in PDFKit units, with the word gap already in `xAdvance`. */
interface Glyphs {
  codes: string[];
  xAdvance: number[];
  /** Kerning or word gap after each glyph (xAdvance less the glyph's own advance). */
  delta: number[];
  xOffset: number[];
  yOffset: number[];
}

/**
 * Shapes a run as PDFKit's `doc.text(text, {wordSpacing, characterSpacing})` would: with word
 * spacing the spaces are not drawn, each word's last glyph advances by space + stretch instead.
 * Under horizontal scaling `scale` that gap is divided by it: spaces are glue, not expanded.
 */
function glyphsOf(pdfFont: EmbeddedFont, size: number, text: string, characterSpacing: number, wordSpacing: number, scale: number, rtl: boolean): Glyphs {
  const codeOf = glyphCodes(pdfFont);
  const out: Glyphs = { codes: [], xAdvance: [], delta: [], xOffset: [], yOffset: [] };
  const add = (shaped: ShapedChunk, extra: number) => {
    const last = shaped.glyphs.length - 1;
    for (let i = 0; i <= last; i++) {
      const advance = i === last ? shaped.xAdvance[i] + extra : shaped.xAdvance[i];
      out.codes.push(glyphCode(pdfFont, codeOf, shaped.glyphs[i]));
      out.xAdvance.push(advance);
      out.delta.push(advance - shaped.advanceWidth[i]);
      out.xOffset.push(shaped.xOffset[i]);
      out.yOffset.push(shaped.yOffset[i]);
    }
  };
  if (wordSpacing) {
    const gap = ((wordSpacing + (spaceAdvance(pdfFont) * size) / 1000 + characterSpacing) * 1000) / size / scale;
    const words = text.trim().split(/\s+/);
    for (const word of rtl ? words.reverse() : words) add(shapeChunk(pdfFont, word), gap);
  } else {
    // fontkit already returns a right-to-left word's glyphs in visual order (and joins Arabic
    // letters, as it is given the whole word): a right-to-left run only lays its words from the
    // right, each with its trailing space on its left.
    const chunks = chunksOf(text);
    for (const chunk of rtl ? chunks.reverse() : chunks) add(shapeChunk(pdfFont, chunk), 0);
  }
  return out;
}

/**
 * The text of one line (or one linked part of it) as a single text object: runs follow one
 * another inside one TJ array where font and spacing allow, each placed exactly at its x by a
 * position adjustment, so a line costs a few operators instead of nine per run.
 */
export class LineText {
  private readonly ops: string[] = [];
  /** Elements of the TJ array being written: `<hex>` strings and adjustments. */
  private tj: (string | number)[] = [];
  private opened = false;
  private font: EmbeddedFont | null = null;
  private size = 0;
  private spacing = 0;
  /** Horizontal scaling (`Tz` / 100): font expansion of a justified line. */
  private scale = 1;
  /** Where the text pen is, in points from the left, once a run has been drawn. */
  private penX: number | null = null;
  private readonly pageY: number;

  constructor(
    private readonly doc: TextDocument,
    baseline: number,
  ) {
    this.pageY = num(doc.page.height - baseline);
  }

  /**
   * Draws `text` in the document's current font and size starting at `x`, its glyphs and the
   * character spacing after each scaled horizontally by `expansion` (`Tz`), word spacing not.
   */
  run(text: string, x: number, characterSpacing = 0, wordSpacing = 0, expansion = 1, rtl = false): void {
    if (wordSpacing) text = text.replace(/\s{2,}/g, ' ');
    if (text.length === 0) return;
    const { doc } = this;
    const font = doc._font;
    const size = doc._fontSize;
    const glyphs = glyphsOf(font, size, text, characterSpacing, wordSpacing, expansion, rtl);
    if (glyphs.codes.length === 0) return;
    if (!this.opened) {
      this.ops.push('q', `1 0 0 -1 0 ${num(doc.page.height)} cm`, 'BT');
      this.opened = true;
    }
    doc.page.fonts[font.id] ??= font.ref();
    if (font !== this.font || size !== this.size) {
      this.flushArray();
      this.ops.push(`/${font.id} ${num(size)} Tf`);
      this.font = font;
      this.size = size;
    }
    if (characterSpacing !== this.spacing) {
      this.flushArray();
      this.ops.push(`${num(characterSpacing)} Tc`);
      this.spacing = characterSpacing;
    }
    if (expansion !== this.scale) {
      // A TJ adjustment already written is scaled by the Tz in force when TJ runs: flush first.
      this.flushArray();
      this.ops.push(`${num(expansion * 100)} Tz`);
      this.scale = expansion;
    }
    if (this.penX === null) this.moveTo(x, this.pageY);
    else this.adjust(((this.penX - x) * 1000) / size / expansion);
    this.penX = x;
    this.glyphs(glyphs, size, characterSpacing);
  }

  /** Ends the text object and writes it; a colour change must call this first (see `flush`). */
  end(): void {
    if (this.scale !== 1) {
      // Q restores it too, but a line's text state is best left as it was found.
      this.flushArray();
      this.ops.push('100 Tz');
      this.scale = 1;
    }
    this.flush();
    if (this.opened) {
      this.doc.addContent('ET\nQ');
      this.opened = false;
    }
  }

  /** Writes what is pending, so that another operator (a colour) can follow in order. */
  flush(): void {
    this.flushArray();
    if (this.ops.length > 0) {
      this.doc.addContent(this.ops.join('\n'));
      this.ops.length = 0;
    }
  }

  private glyphs(g: Glyphs, size: number, characterSpacing: number): void {
    const scale = size / 1000;
    const widthScale = scale * this.scale;
    const spacing = characterSpacing * this.scale;
    let hex = '';
    let offsetMoved = false;
    for (let i = 0; i < g.codes.length; i++) {
      const x = this.penX!;
      if (g.xOffset[i] || g.yOffset[i]) {
        // A mark placed off the pen (GPOS): its own text position, then back on the line.
        if (hex) this.tj.push(`<${hex}>`);
        hex = '';
        this.flushArray();
        this.moveTo(x + g.xOffset[i] * widthScale, this.pageY + g.yOffset[i] * scale);
        this.tj.push(`<${g.codes[i]}>`);
        this.adjust(-g.delta[i]);
        offsetMoved = true;
      } else {
        if (offsetMoved) {
          this.flushArray();
          this.moveTo(x, this.pageY);
          offsetMoved = false;
        }
        hex += g.codes[i];
        if (g.delta[i] !== 0) {
          this.tj.push(`<${hex}>`);
          hex = '';
          this.adjust(-g.delta[i]);
        }
      }
      this.penX = x + g.xAdvance[i] * widthScale + spacing;
    }
    if (hex) this.tj.push(`<${hex}>`);
    if (offsetMoved) {
      this.flushArray();
      this.moveTo(this.penX!, this.pageY);
    }
  }

  private moveTo(x: number, y: number): void {
    this.ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  }

  /** Adds a TJ adjustment (thousandths of an em, positive moves left), merged with the last one. */
  private adjust(amount: number): void {
    const last = this.tj.length - 1;
    if (last >= 0 && typeof this.tj[last] === 'number') this.tj[last] = (this.tj[last] as number) + amount;
    else if (amount !== 0 || last >= 0) this.tj.push(amount);
  }

  private flushArray(): void {
    if (this.tj.length === 0) return;
    const parts = this.tj.map((e) => (typeof e === 'number' ? String(num(e)) : e));
    this.ops.push(`[${parts.join(' ')}] TJ`);
    this.tj = [];
  }
}
