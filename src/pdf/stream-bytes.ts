// A stream's content written as bytes in place. Page content was built as strings (operators,
// TJ arrays concatenated element by element), joined, joined again and converted to bytes: the
// largest allocator of drawing. Here text and numbers go straight into one growing buffer, and
// the buffers are reused from stream to stream.

/** Buffers of finished streams, kept for the next ones; a few are enough (streams end in turn). */
const free: Buffer[] = [];
const MAX_FREE = 4;
const FIRST_BYTES = 16 * 1024;

/** ASCII codes of the hex digits, lower case as PDFKit writes glyph codes. */
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Bytes written so far and the means to write more: strings as latin1 (PDFKit's encoding). */
export class StreamBytes {
  bytes: Buffer;
  length = 0;

  constructor() {
    this.bytes = free.pop() ?? Buffer.allocUnsafe(FIRST_BYTES);
  }

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    const need = this.length + n;
    if (need <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < need) size *= 2;
    const bytes = Buffer.allocUnsafe(size);
    this.bytes.copy(bytes, 0, 0, this.length);
    this.bytes = bytes;
  }

  /** A string as PDFKit writes one to a stream: its low bytes, then a line feed. */
  line(text: string): void {
    this.room(text.length + 1);
    this.length += this.bytes.write(text, this.length, 'latin1');
    this.bytes[this.length++] = 10;
  }

  /** A short string (an operator, a font name), low bytes, without a line feed; room is the caller's. */
  ascii(text: string): void {
    const { bytes } = this;
    let at = this.length;
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    this.length = at;
  }

  byte(code: number): void {
    this.bytes[this.length++] = code;
  }

  /** A glyph code as four hex digits; room is the caller's. */
  hex4(code: number): void {
    const { bytes } = this;
    const at = this.length;
    bytes[at] = HEX[(code >> 12) & 15];
    bytes[at + 1] = HEX[(code >> 8) & 15];
    bytes[at + 2] = HEX[(code >> 4) & 15];
    bytes[at + 3] = HEX[code & 15];
    this.length = at + 4;
  }

  /**
   * `n` as PDFKit writes a number, `String(Math.round(n * 1e6) / 1e6)`, without making the
   * string: below 1e9 that string is the six-decimal fixed form with trailing zeros cut
   * (any shorter decimal would be more than an ulp away). At most 24 bytes; room is the caller's.
   */
  number(n: number): void {
    const m = Math.round(n * 1e6);
    if (!(m > -1e15 && m < 1e15)) {
      this.ascii(String(m / 1e6));
      return;
    }
    const { bytes } = this;
    let at = this.length;
    let a = m;
    if (a < 0) {
      bytes[at++] = 45; // '-'
      a = -a;
    }
    let whole = Math.floor(a / 1e6);
    let fraction = a - whole * 1e6;
    // The whole part's digits, written from the right.
    let digits = 1;
    for (let w = whole; w >= 10; w = Math.floor(w / 10)) digits++;
    for (let i = digits - 1; i >= 0; i--) {
      const next = Math.floor(whole / 10);
      bytes[at + i] = 48 + whole - next * 10;
      whole = next;
    }
    at += digits;
    if (fraction > 0) {
      bytes[at++] = 46; // '.'
      let places = 6;
      while (fraction % 10 === 0) {
        fraction /= 10;
        places--;
      }
      for (let i = places - 1; i >= 0; i--) {
        const next = Math.floor(fraction / 10);
        bytes[at + i] = 48 + fraction - next * 10;
        fraction = next;
      }
      at += places;
    }
    this.length = at;
  }

  /** The bytes written, as a view of the buffer (valid until `release` or the next write). */
  view(): Buffer {
    return this.bytes.subarray(0, this.length);
  }

  /** Gives the buffer back for another stream; this object is not written again. */
  release(): void {
    if (free.length < MAX_FREE) free.push(this.bytes);
    this.bytes = Buffer.alloc(0);
    this.length = 0;
  }
}
