/**
 * The cover's pixels: its laid-out lines (cover.ts) rasterised into the raw image data of an
 * 8-bit grayscale PNG, which is deflated as painted.
 */
import { BoundedMap } from '../fonts/bounded-map.js';
import { pngOfRows, releasePngBuffer } from './png.js';
import { Raster, type Outline } from './raster.js';

/** A line as cover.ts lays it out: runs of glyphs placed from the line's start, in cover units. */
export interface PaintLine {
  x: number;
  baseline: number;
  lettered: { runs: { shaped: { scale: number; glyphs: { outline: Outline; x: number; y: number }[] }; x: number }[] };
}

/** A rectangle in cover units. */
export interface CoverRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const TEXT = 0x11;
const RULE = 0x00;

/**
 * Reused from cover to cover: the accumulation buffer and the pixels, kept in the PNG's raw
 * layout (each row its filter byte 0, None, then the pixels), so no 240 kB is moved into it.
 */
let raster: Raster | undefined;
let pixels: Uint8Array | undefined;

/** A letterhead's painted rows, `first` to `last`, as `pixels` (rows in the PNG's layout). */
interface HeaderRows {
  first: number;
  last: number;
  pixels: Uint8Array;
}

/** Letterheads painted so far, by issuer lines, label and direction: an issuer's releases share one. */
const headerRows = new BoundedMap<string, HeaderRows>(8);

/** Drops the letterheads painted so far and the 1.4 MB of buffers, which a new cover makes again. */
export function releasePaintBuffers(): void {
  releasePngBuffer();
  headerRows.clear();
  raster = undefined;
  pixels = undefined;
}

/**
 * The cover as a PNG of `width` × `height` pixels, `px` pixels a cover unit: the letterhead
 * (kept by `headerKey`) and title in #111, the rule in black, on white.
 */
export function paintCover(width: number, height: number, px: number, header: PaintLine[], title: PaintLine[], rule: CoverRect, headerKey: string): Buffer {
  raster ??= new Raster(width, height);
  const rows = new Rows(width, (pixels ??= new Uint8Array((width + 1) * height)));
  rows.white();
  paintText(raster, rows, px, header, title, headerKey);
  raster.rect(rule.x * px, rule.y * px, rule.width * px, rule.height * px);
  rows.paint(raster, RULE);
  return pngOfRows(width, height, rows.raw);
}

/** The raw image data: rows of a filter byte and `width` pixels. */
class Rows {
  readonly bytes: number;

  constructor(
    readonly width: number,
    readonly raw: Uint8Array,
  ) {
    this.bytes = width + 1;
  }

  /** All pixels white, every filter byte 0. */
  white(): void {
    this.raw.fill(0xff);
    for (let at = 0; at < this.raw.length; at += this.bytes) this.raw[at] = 0;
  }

  /** Paints what `raster` holds, after each row's filter byte. */
  paint(raster: Raster, ink: number): void {
    raster.paint(this.raw, ink, this.bytes, 1);
  }
}

function fillLines(raster: Raster, px: number, lines: PaintLine[]): void {
  for (const line of lines) {
    for (const { shaped, x } of line.lettered.runs) {
      const s = shaped.scale * px;
      for (const glyph of shaped.glyphs) {
        raster.fill(glyph.outline, (line.x + x + glyph.x) * px, (line.baseline + glyph.y) * px, s, -s);
      }
    }
  }
}

const apart = (a: { first: number; last: number }, b: { first: number; last: number }) => a.first > b.last || a.last < b.first;

/**
 * Paints the letterhead and the title onto white rows. A row's pixels depend only on what
 * was added in that row, so when the title's rows are not the letterhead's, the letterhead's
 * rows painted for an earlier cover are copied in: the same bytes as painting both at once.
 */
function paintText(raster: Raster, rows: Rows, px: number, header: PaintLine[], title: PaintLine[], key: string): void {
  const { raw, bytes } = rows;
  let kept = headerRows.get(key);
  if (kept) {
    raw.set(kept.pixels, kept.first * bytes);
  } else {
    fillLines(raster, px, header);
    const added = raster.rowsAdded();
    if (added) {
      rows.paint(raster, TEXT);
      headerRows.set(key, (kept = { ...added, pixels: raw.slice(added.first * bytes, (added.last + 1) * bytes) }));
    }
  }
  fillLines(raster, px, title);
  const titleRows = raster.rowsAdded();
  if (!kept || !titleRows || apart(titleRows, kept)) {
    rows.paint(raster, TEXT);
    return;
  }
  // The title shares rows with the letterhead: both are painted again, at once, on white.
  raster.clear();
  rows.white();
  fillLines(raster, px, header);
  fillLines(raster, px, title);
  rows.paint(raster, TEXT);
}
