// Writes text operators straight into the page's content stream, with the glyphs and spacing
// PDFKit's `doc.text(…, {lineBreak: false, baseline: 'alphabetic'})` would draw, without its
// costs: PDFKit re-splits and re-measures every run, concatenates glyph arrays word by word
// (quadratic in the words of a line), converts each operator to bytes on its own and wraps each
// run in its own text object. Here a word is shaped once per process, its glyphs encoded once
// per document, a line is one text object, and its operators are written as bytes in place.
import { chunkPieces, documentFont, ensureCodes, faceText, spaceAdvance, wordPieces, type DocumentFont, type EmbeddedFont, type Piece } from './glyph-pieces.js';
import { StreamBytes } from './stream-bytes.js';
import { contentBytes } from './streams.js';
import { TjArray } from './tj-array.js';

export { collectPieces, documentFont, encodeInOrder, type DocumentFont, type EmbeddedFont, type Glyph, type Piece } from './glyph-pieces.js';

/** What the content stream needs of the document: PDFKit's current font, size and page. */
export interface TextDocument {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown>; content: unknown };
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
export function runPieces(pdfFont: EmbeddedFont, text: string, wordSpacing: number, face = faceText(pdfFont)): Piece[] {
  return wordSpacing ? wordPieces(pdfFont, text.replace(/\s{2,}/g, ' '), face) : chunkPieces(pdfFont, text, face);
}

/** Bytes a piece's glyphs may take at most: per glyph its code, an adjustment and a text position. */
const BYTES_PER_GLYPH = 128;
const ASCII_SPACE = 32;

/**
 * The text of one line (or one linked part of it) as a single text object: runs follow one
 * another inside one TJ array where font and spacing allow, each placed exactly at its x by a
 * position adjustment, so a line costs a few operators instead of nine per run. Operators go
 * straight into the page's content stream, as they would in order after `flush`. One object
 * serves a document's lines, each from `begin` to `end`.
 */
export class LineText {
  /** Set by `begin`, which every line starts with. */
  private out!: StreamBytes;
  /** Whether `out` is ours, not the page's (a document without `deflateStreams`): written by `flush`. */
  private detached = false;
  /** Where text goes when the page's stream does not take bytes. */
  private own: StreamBytes | null = null;
  /** The TJ array being written, if any. */
  private readonly tj = new TjArray();
  private opened = false;
  private font: EmbeddedFont | null = null;
  /** What the document keeps of `documentOf`, the last font drawn with: its glyph codes. */
  private document: DocumentFont | null = null;
  private documentOf: EmbeddedFont | null = null;
  private size = 0;
  private spacing = 0;
  /** Horizontal scaling (`Tz` / 100): font expansion of a justified line. */
  private scale = 1;
  /** Where the text pen is, in points from the left, once a run has been drawn (`placed`). */
  private penX = 0;
  /** V8 updates a number-only field's double in place; `number | null` would allocate on each store. */
  private placed = false;
  private pageY = 0;

  constructor(private readonly doc: TextDocument) {}

  /** Starts a line's text on the current page at `baseline`, from a fresh text state. */
  begin(baseline: number): void {
    const { page } = this.doc;
    this.pageY = num(page.height - baseline);
    const bytes = contentBytes(page.content);
    this.detached = bytes === undefined;
    this.out = bytes ?? (this.own ??= new StreamBytes());
    this.tj.reset(this.out);
    this.opened = this.placed = false;
    this.font = null;
    this.size = this.spacing = this.penX = 0;
    this.scale = 1;
  }

  /**
   * Draws the pieces of a run's text (`runPieces` in the document's current font, with the same
   * `wordSpacing`) in that font and size starting at `x`, its glyphs and the character spacing
   * after each scaled horizontally by `expansion` (`Tz`), word spacing not.
   */
  run(pieces: Piece[], x: number, characterSpacing = 0, wordSpacing = 0, expansion = 1, rtl = false): void {
    const { doc, out } = this;
    const font = doc._font;
    const size = doc._fontSize;
    let glyphCount = 0;
    for (const piece of pieces) glyphCount += piece.glyphs.length;
    if (glyphCount === 0) return;
    out.room(512 + font.id.length);
    if (!this.opened) {
      out.ascii('q\n1 0 0 -1 0 ');
      out.number(doc.page.height);
      out.ascii(' cm\nBT\n');
      this.opened = true;
    }
    doc.page.fonts[font.id] ??= font.ref();
    if (font !== this.font || size !== this.size) {
      this.tj.flush();
      out.byte(47); // '/'
      out.ascii(font.id);
      out.byte(ASCII_SPACE);
      out.number(size);
      out.ascii(' Tf\n');
      if (font !== this.documentOf) {
        this.document = documentFont(font);
        this.documentOf = font;
      }
      this.font = font;
      this.size = size;
    }
    if (characterSpacing !== this.spacing) {
      this.tj.flush();
      out.number(characterSpacing);
      out.ascii(' Tc\n');
      this.spacing = characterSpacing;
    }
    if (expansion !== this.scale) {
      // A TJ adjustment already written is scaled by the Tz in force when TJ runs: flush first.
      this.tj.flush();
      out.number(expansion * 100);
      out.ascii(' Tz\n');
      this.scale = expansion;
    }
    if (!this.placed) this.moveTo(x, this.pageY);
    else this.tj.adjust(((this.penX - x) * 1000) / size / expansion);
    this.penX = x;
    this.placed = true;
    // With word spacing the spaces are not drawn: each word's last glyph advances by space +
    // stretch instead, a gap that horizontal scaling does not widen (spaces are glue).
    const document = this.document!;
    const gap = wordSpacing ? ((wordSpacing + (document.face.space * size) / 1000 + characterSpacing) * 1000) / size / expansion : 0;
    this.glyphs(font, document, pieces, rtl, gap, size, characterSpacing);
  }

  /** Ends the text object and writes it; a colour change must call this first (see `flush`). */
  end(): void {
    if (this.scale !== 1) {
      // Q restores it too, but a line's text state is best left as it was found.
      this.tj.flush();
      this.out.room(8);
      this.out.ascii('100 Tz\n');
      this.scale = 1;
    }
    this.tj.flush();
    if (this.opened) {
      this.out.room(8);
      this.out.ascii('ET\nQ\n');
      this.opened = false;
    }
    this.flush();
  }

  /** Ends what is pending, so that another operator (a colour) can follow in order. */
  flush(): void {
    this.tj.flush();
    if (this.detached && this.out.length > 0) {
      // PDFKit ends what it is given with a line feed.
      this.doc.addContent(this.out.bytes.toString('latin1', 0, this.out.length - 1));
      this.out.length = 0;
    }
  }

  /**
   * Adds the glyphs of `pieces` to the TJ array, `gap` more after each piece's last glyph.
   * fontkit already returns a right-to-left word's glyphs in visual order (and joins Arabic
   * letters, as it is given the whole word): a right-to-left run only lays its pieces from the
   * right, each with its trailing space on its left.
   */
  private glyphs(font: EmbeddedFont, document: DocumentFont, pieces: Piece[], rtl: boolean, gap: number, size: number, characterSpacing: number): void {
    const scale = size / 1000;
    const widthScale = scale * this.scale;
    const spacing = characterSpacing * this.scale;
    let offsetMoved = false;
    let penX = this.penX;
    const count = pieces.length;
    for (let k = 0; k < count; k++) {
      const piece = pieces[rtl ? count - 1 - k : k];
      // A glyph's code in the subset plus one, by id.
      const codes = ensureCodes(font, document, piece);
      const { ids } = piece;
      const last = ids.length - 1;
      if (last < 0) continue;
      this.out.room(BYTES_PER_GLYPH * (last + 2));
      const { xAdvance, advanceWidth, xOffset, yOffset } = piece;
      if (!piece.offsets) {
        // Most pieces: codes, and an adjustment after each kerned glyph and the last.
        if (offsetMoved) {
          this.tj.flush();
          this.moveTo(penX, this.pageY);
          offsetMoved = false;
        }
        for (let i = 0; i < last; i++) {
          this.tj.code(codes[ids[i]] - 1);
          const kern = xAdvance[i] - advanceWidth[i];
          if (kern !== 0) this.tj.adjust(-kern);
          penX = penX + xAdvance[i] * widthScale + spacing;
        }
        this.tj.code(codes[ids[last]] - 1);
        const delta = xAdvance[last] + gap - advanceWidth[last];
        if (delta !== 0) this.tj.adjust(-delta);
        penX = penX + (xAdvance[last] + gap) * widthScale + spacing;
        continue;
      }
      for (let i = 0; i <= last; i++) {
        const advance = i === last ? xAdvance[i] + gap : xAdvance[i];
        const delta = advance - advanceWidth[i];
        const x = penX;
        if (xOffset[i] || yOffset[i]) {
          // A mark placed off the pen (GPOS): its own text position, then back on the line.
          this.tj.flush();
          this.moveTo(x + xOffset[i] * widthScale, this.pageY + yOffset[i] * scale);
          this.tj.code(codes[ids[i]] - 1);
          this.tj.adjust(-delta);
          offsetMoved = true;
        } else {
          if (offsetMoved) {
            this.tj.flush();
            this.moveTo(x, this.pageY);
            offsetMoved = false;
          }
          this.tj.code(codes[ids[i]] - 1);
          if (delta !== 0) this.tj.adjust(-delta);
        }
        penX = x + advance * widthScale + spacing;
      }
    }
    this.penX = penX;
    this.tj.closeHex();
    if (offsetMoved) {
      this.tj.flush();
      this.out.room(BYTES_PER_GLYPH);
      this.moveTo(penX, this.pageY);
    }
  }

  /** A text position; room is the caller's. */
  private moveTo(x: number, y: number): void {
    const { out } = this;
    out.ascii('1 0 0 1 ');
    out.number(x);
    out.byte(ASCII_SPACE);
    out.number(y);
    out.ascii(' Tm\n');
  }
}
