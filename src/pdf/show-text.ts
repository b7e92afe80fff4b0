// Writes text operators straight into the page's content stream, with the glyphs and spacing
// PDFKit's `doc.text(…, {lineBreak: false, baseline: 'alphabetic'})` would draw, without its
// costs: PDFKit re-splits and re-measures every run, concatenates glyph arrays word by word
// (quadratic in the words of a line), converts each operator to bytes on its own and wraps each
// run in its own text object. Here a word is shaped once per process, its glyphs encoded once
// per document, and a line is one text object.
import { chunkPieces, documentFont, encodePiece, spaceAdvance, wordPieces, type EmbeddedFont, type Piece } from './glyph-pieces.js';

export { collectPieces, encodeInOrder, type EmbeddedFont, type Glyph, type Piece } from './glyph-pieces.js';

/** What the content stream needs of the document: PDFKit's current font, size and page. */
export interface TextDocument {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

/** PDFKit's number format: six decimals at most. */
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/** Advance of a space in the current font and size, in points (PDFKit's `widthOfString(' ')`). */
export function spaceWidth(doc: TextDocument): number {
  return (spaceAdvance(doc._font) * doc._fontSize) / 1000;
}

/**
 * The pieces a run of `text` is shaped in, as PDFKit's `doc.text(text, {wordSpacing})` would:
 * with word spacing the words (spaces are not drawn), else chunks that end after each space or tab.
 */
export function runPieces(pdfFont: EmbeddedFont, text: string, wordSpacing: number): Piece[] {
  return wordSpacing ? wordPieces(pdfFont, text.replace(/\s{2,}/g, ' ')) : chunkPieces(pdfFont, text);
}

/**
 * The text of one line (or one linked part of it) as a single text object: runs follow one
 * another inside one TJ array where font and spacing allow, each placed exactly at its x by a
 * position adjustment, so a line costs a few operators instead of nine per run.
 */
export class LineText {
  private readonly ops: string[] = [];
  /**
   * The TJ array being written, without its brackets: its `<hex>` strings and adjustments so
   * far, separated by spaces, as text (an array of both would box each number).
   */
  private tj = '';
  /** Whether `tj` has an element. */
  private tjStarted = false;
  /** The adjustment that is the array's last element, while more may be merged into it. */
  private kern: number | undefined = undefined;
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
   * Draws the pieces of a run's text (`runPieces` in the document's current font, with the same
   * `wordSpacing`) in that font and size starting at `x`, its glyphs and the character spacing
   * after each scaled horizontally by `expansion` (`Tz`), word spacing not.
   */
  run(pieces: Piece[], x: number, characterSpacing = 0, wordSpacing = 0, expansion = 1, rtl = false): void {
    const { doc } = this;
    const font = doc._font;
    const size = doc._fontSize;
    let glyphCount = 0;
    for (const piece of pieces) glyphCount += piece.glyphs.length;
    if (glyphCount === 0) return;
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
    // With word spacing the spaces are not drawn: each word's last glyph advances by space +
    // stretch instead, a gap that horizontal scaling does not widen (spaces are glue).
    const gap = wordSpacing ? ((wordSpacing + (spaceAdvance(font) * size) / 1000 + characterSpacing) * 1000) / size / expansion : 0;
    this.glyphs(font, pieces, rtl, gap, size, characterSpacing);
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

  /**
   * Adds the glyphs of `pieces` to the TJ array, `gap` more after each piece's last glyph.
   * fontkit already returns a right-to-left word's glyphs in visual order (and joins Arabic
   * letters, as it is given the whole word): a right-to-left run only lays its pieces from the
   * right, each with its trailing space on its left.
   */
  private glyphs(font: EmbeddedFont, pieces: Piece[], rtl: boolean, gap: number, size: number, characterSpacing: number): void {
    const scale = size / 1000;
    const widthScale = scale * this.scale;
    const spacing = characterSpacing * this.scale;
    let hex = '';
    let offsetMoved = false;
    let penX = this.penX!;
    const document = documentFont(font);
    const count = pieces.length;
    for (let k = 0; k < count; k++) {
      const piece = pieces[rtl ? count - 1 - k : k];
      const codes = encodePiece(font, document, piece);
      const last = codes.length - 1;
      if (last < 0) continue;
      const { xAdvance, advanceWidth, xOffset, yOffset } = piece;
      if (!piece.offsets) {
        // Most pieces: their hex strings are made once per document, only the pen moves here.
        if (offsetMoved) {
          this.flushArray();
          this.moveTo(penX, this.pageY);
          offsetMoved = false;
        }
        for (const kerned of piece.kerned) {
          this.hexString(`<${hex}${kerned.hex}>`);
          hex = '';
          this.adjust(-kerned.kern);
        }
        hex += piece.tail;
        const delta = xAdvance[last] + gap - advanceWidth[last];
        if (delta !== 0) {
          this.hexString(`<${hex}>`);
          hex = '';
          this.adjust(-delta);
        }
        for (let i = 0; i < last; i++) penX = penX + xAdvance[i] * widthScale + spacing;
        penX = penX + (xAdvance[last] + gap) * widthScale + spacing;
        continue;
      }
      for (let i = 0; i <= last; i++) {
        const advance = i === last ? xAdvance[i] + gap : xAdvance[i];
        const delta = advance - advanceWidth[i];
        const x = penX;
        if (xOffset[i] || yOffset[i]) {
          // A mark placed off the pen (GPOS): its own text position, then back on the line.
          if (hex) this.hexString(`<${hex}>`);
          hex = '';
          this.flushArray();
          this.moveTo(x + xOffset[i] * widthScale, this.pageY + yOffset[i] * scale);
          this.hexString(`<${codes[i]}>`);
          this.adjust(-delta);
          offsetMoved = true;
        } else {
          if (offsetMoved) {
            this.flushArray();
            this.moveTo(x, this.pageY);
            offsetMoved = false;
          }
          hex += codes[i];
          if (delta !== 0) {
            this.hexString(`<${hex}>`);
            hex = '';
            this.adjust(-delta);
          }
        }
        penX = x + advance * widthScale + spacing;
      }
    }
    this.penX = penX;
    if (hex) this.hexString(`<${hex}>`);
    if (offsetMoved) {
      this.flushArray();
      this.moveTo(penX, this.pageY);
    }
  }

  private moveTo(x: number, y: number): void {
    this.ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  }

  /** Adds a TJ adjustment (thousandths of an em, positive moves left), merged with the last one. */
  private adjust(amount: number): void {
    if (this.kern !== undefined) this.kern += amount;
    else if (amount !== 0 || this.tjStarted) this.kern = amount;
  }

  /** Adds a `<hex>` string to the TJ array, after the adjustment before it. */
  private hexString(hex: string): void {
    if (this.kern !== undefined) this.element(String(num(this.kern)));
    this.kern = undefined;
    this.element(hex);
  }

  /** Appends an element to the TJ array's text. */
  private element(text: string): void {
    if (this.tjStarted) this.tj += ` ${text}`;
    else this.tj = text;
    this.tjStarted = true;
  }

  private flushArray(): void {
    if (this.kern !== undefined) this.element(String(num(this.kern)));
    if (!this.tjStarted) return;
    this.ops.push(`[${this.tj}] TJ`);
    this.tj = '';
    this.tjStarted = false;
    this.kern = undefined;
  }
}
