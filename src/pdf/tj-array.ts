// A TJ array written straight into a stream's bytes: `<hex>` strings of glyph codes and the
// adjustments between them, each adjustment merged with the next until a string follows, so
// that an array is the bytes PDFKit's one would be.
import type { StreamBytes } from './stream-bytes.js';

const ASCII_SPACE = 32;
const OPEN_ARRAY = 91; // '['

export class TjArray {
  /** Set by `reset`, before any writing. */
  private out!: StreamBytes;
  /** Whether the array is open (its `[` written). */
  private inArray = false;
  /** Whether a `<hex>` string is open in it. */
  private inHex = false;
  /** The adjustment that is the array's next element, while more may be merged into it. */
  private kern = 0;
  private hasKern = false;

  /** Starts over, writing into `out`. */
  reset(out: StreamBytes): void {
    this.out = out;
    this.inArray = this.inHex = this.hasKern = false;
  }

  /** Adds a TJ adjustment (thousandths of an em, positive moves left), merged with the last one. */
  adjust(amount: number): void {
    this.closeHex();
    if (this.hasKern) this.kern += amount;
    else if (amount !== 0 || this.inArray) {
      this.kern = amount;
      this.hasKern = true;
    }
  }

  /** Adds a glyph code to the open `<hex>` string, opening one (after the pending adjustment) if none is. */
  code(code: number): void {
    if (!this.inHex) {
      this.element();
      this.out.byte(60); // '<'
      this.inHex = true;
    }
    this.out.hex4(code);
  }

  closeHex(): void {
    if (!this.inHex) return;
    this.out.byte(62); // '>'
    this.inHex = false;
  }

  /** Starts an element of the TJ array, after the `[` or a space; room is the caller's. */
  private separate(): void {
    this.out.byte(this.inArray ? ASCII_SPACE : OPEN_ARRAY);
    this.inArray = true;
  }

  /** Writes the pending adjustment, if any, as an element; room is the caller's. */
  private writeKern(): void {
    if (!this.hasKern) return;
    this.separate();
    this.out.number(this.kern);
    this.hasKern = false;
  }

  /** Starts an element of the TJ array, the pending adjustment first; room is the caller's. */
  private element(): void {
    this.writeKern();
    this.separate();
  }

  /** Ends the array (`] TJ`), its pending adjustment its last element. */
  flush(): void {
    this.closeHex();
    this.out.room(48);
    this.writeKern();
    if (!this.inArray) return;
    this.out.ascii('] TJ\n');
    this.inArray = false;
  }
}
