/**
 * An anti-aliased scanline rasteriser for filled outlines, non-zero winding rule: enough to
 * draw glyph outlines and rules onto the cover without an SVG renderer.
 *
 * Signed-area accumulation: every edge adds, in each pixel row it crosses, the height it spans
 * there ("cover", signed by direction) split between the pixel it lies in (the part of that
 * pixel right of the edge) and the next pixel (the rest). A running sum along the row then
 * gives each pixel's winding-weighted coverage; |sum| clamped to 1 is the non-zero rule.
 */

/** Path commands as fontkit's `glyph.path.commands` gives them. */
export interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

/** Closed polygons, each as x, y pairs; the last point joins the first. */
export type Outline = Float32Array[];

/**
 * Flattens path commands into polygons whose distance from the curves is at most `tolerance`
 * (in the path's units). Open subpaths are closed, as filling does.
 */
export function flatten(commands: readonly PathCommand[], tolerance: number): Outline {
  const outline: Outline = [];
  let points: number[] = [];
  let x = 0;
  let y = 0;
  const close = () => {
    if (points.length >= 6) outline.push(Float32Array.from(points));
    points = [];
  };
  const to = (px: number, py: number) => {
    if (points.length === 0) points.push(x, y);
    points.push((x = px), (y = py));
  };
  for (const { command, args: a } of commands) {
    if (command === 'moveTo') {
      close();
      points.push((x = a[0]), (y = a[1]));
    } else if (command === 'lineTo') {
      to(a[0], a[1]);
    } else if (command === 'quadraticCurveTo') {
      // A quadratic's second derivative is constant, 2·(p0 − 2p1 + p2); n chords of it stray
      // by at most |p0 − 2p1 + p2| / (4n²).
      const [x0, y0] = [x, y];
      const n = steps(Math.hypot(x0 - 2 * a[0] + a[2], y0 - 2 * a[1] + a[3]) / 4, tolerance);
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        to(u * u * x0 + 2 * u * t * a[0] + t * t * a[2], u * u * y0 + 2 * u * t * a[1] + t * t * a[3]);
      }
    } else if (command === 'bezierCurveTo') {
      // A cubic's second derivative is at most 6·max|second differences of its points|.
      const [x0, y0] = [x, y];
      const d1 = Math.hypot(x0 - 2 * a[0] + a[2], y0 - 2 * a[1] + a[3]);
      const d2 = Math.hypot(a[0] - 2 * a[2] + a[4], a[1] - 2 * a[3] + a[5]);
      const n = steps((6 * Math.max(d1, d2)) / 8, tolerance);
      for (let i = 1; i <= n; i++) {
        const t = i / n;
        const u = 1 - t;
        const [b0, b1, b2, b3] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
        to(b0 * x0 + b1 * a[0] + b2 * a[2] + b3 * a[4], b0 * y0 + b1 * a[1] + b2 * a[3] + b3 * a[5]);
      }
    } else if (command === 'closePath') {
      if (points.length) [x, y] = [points[0], points[1]];
      close();
    }
  }
  close();
  return outline;
}

/** Chords needed so that a curve with chord error `bound / n²` stays within `tolerance`. */
function steps(bound: number, tolerance: number): number {
  return Math.max(1, Math.min(100, Math.ceil(Math.sqrt(bound / tolerance))));
}

/** Coverage accumulated from edges, resolved into a grayscale image with `paint`. */
export class Raster {
  /** Rows of width + 1 cells: an edge in the last column spills into the spare one. */
  private readonly acc: Float32Array;
  private readonly stride: number;
  /** Per row, the first and last cell written: `paint` resolves only between them. */
  private readonly first: Int32Array;
  private readonly last: Int32Array;
  /** Points of the edges being added, in pixels (see `addPath`). */
  private path = new Float64Array(64);
  /** A row's piece of an edge handed to `spanBeyond`: left, right, signed height. */
  private readonly piece = new Float64Array(3);

  constructor(readonly width: number, readonly height: number) {
    this.stride = width + 1;
    this.acc = new Float32Array(this.stride * height);
    this.first = new Int32Array(height).fill(width);
    this.last = new Int32Array(height).fill(-1);
  }

  /** Adds an outline placed at (x, y) and scaled by (sx, sy): pixel = (x + sx·u, y + sy·v). */
  fill(outline: Outline, x: number, y: number, sx: number, sy: number): void {
    for (const poly of outline) {
      const n = poly.length;
      if (this.path.length < n + 2) this.path = new Float64Array(2 * n + 2);
      const path = this.path;
      // The closing edge (last point to first) comes first, then the others in order.
      path[0] = x + poly[n - 2] * sx;
      path[1] = y + poly[n - 1] * sy;
      for (let i = 0; i < n; i += 2) {
        path[i + 2] = x + poly[i] * sx;
        path[i + 3] = y + poly[i + 1] * sy;
      }
      this.addPath(n + 2);
    }
  }

  /** Adds an axis-aligned rectangle. */
  rect(x: number, y: number, w: number, h: number): void {
    this.line(x, y, x, y + h);
    this.line(x + w, y + h, x + w, y);
  }

  /** Adds one edge; the parts above, below, left and right of the image are clipped. */
  line(x0: number, y0: number, x1: number, y1: number): void {
    const path = this.path;
    path[0] = x0;
    path[1] = y0;
    path[2] = x1;
    path[3] = y1;
    this.addPath(4);
  }

  /**
   * Adds the edges between consecutive points of `path`, its first `length` numbers. Points
   * go through this array, not arguments: V8 boxes every number passed to a call it does not
   * inline, and fill → line → span made ~230 kB of such garbage a cover. For the same reason a
   * row's piece of an edge is added here when it lies within one column (the common case), and
   * otherwise handed to `spanBeyond` through `piece`: whether V8 inlined a call taking the
   * piece's numbers changed with unrelated code, and 40–100 kB a release came back.
   */
  private addPath(length: number): void {
    const { path, piece, acc, first, last, stride, width } = this;
    for (let i = 0; i + 3 < length; i += 2) {
      // Top to bottom, in plain locals (destructuring here allocated an array per edge).
      const dir = path[i + 1] < path[i + 3] ? 1 : -1;
      const a = dir > 0 ? i : i + 2;
      const b = dir > 0 ? i + 2 : i;
      const x0 = path[a];
      const y0 = path[a + 1];
      const x1 = path[b];
      const y1 = path[b + 1];
      if (y0 === y1 || !Number.isFinite(x0 + y0 + x1 + y1)) continue;
      const dxdy = (x1 - x0) / (y1 - y0);
      const top = Math.max(y0, 0);
      const bottom = Math.min(y1, this.height);
      for (let row = Math.floor(top); row < bottom; row++) {
        const ya = Math.max(top, row);
        const yb = Math.min(bottom, row + 1);
        const xa = x0 + (ya - y0) * dxdy;
        const xb = x0 + (yb - y0) * dxdy;
        const h = dir * (yb - ya);
        const left = Math.min(xa, xb);
        const right = Math.max(xa, xb);
        if (left >= 0 && left < width && right > 0 && right <= Math.floor(left) + 1) {
          // Within one column: as `span` does it.
          const base = row * stride;
          const col = Math.floor(left);
          const mid = (left + right) / 2 - col;
          acc[base + col] += h * (1 - mid);
          acc[base + col + 1] += h * mid;
          if (col < first[row]) first[row] = col;
          if (col + 1 > last[row]) last[row] = col + 1;
        } else {
          piece[0] = left;
          piece[1] = right;
          piece[2] = h;
          this.spanBeyond(row);
        }
      }
    }
  }

  /**
   * One row's piece of an edge, from x = xa to xb, covering height h (signed), added as
   * `addPath` adds it; for the rare piece `spanBeyond` hands back.
   */
  private span(row: number, xa: number, xb: number, h: number): void {
    const left = Math.min(xa, xb);
    const right = Math.max(xa, xb);
    if (left >= 0 && left < this.width && right > 0 && right <= Math.floor(left) + 1) {
      const base = row * this.stride;
      const col = Math.floor(left);
      const mid = (left + right) / 2 - col;
      this.acc[base + col] += h * (1 - mid);
      this.acc[base + col + 1] += h * mid;
      if (col < this.first[row]) this.first[row] = col;
      if (col + 1 > this.last[row]) this.last[row] = col + 1;
    } else {
      this.piece[0] = left;
      this.piece[1] = right;
      this.piece[2] = h;
      this.spanBeyond(row);
    }
  }

  /** The other pieces (`piece`: left, right, height): beside the image, or across several columns. */
  private spanBeyond(row: number): void {
    const { acc, width, piece } = this;
    let left = piece[0];
    let right = piece[1];
    const h = piece[2];
    const base = row * this.stride;
    let lo: number;
    let hi: number;
    if (left >= width) {
      lo = hi = width - 1; // right of the image: adds nothing, but the row is resolved to its end
    } else if (right <= 0) {
      acc[base] += h; // left of the image: every pixel of the row is right of it
      lo = hi = 0;
    } else {
      // Across several columns: one piece per column, each with its share of the height.
      const perX = h / (right - left);
      if (perX === Infinity || perX === -Infinity) {
        // Narrower than any quotient can say (subnormal coordinates): a vertical edge at left.
        this.span(row, left, left, h);
        return;
      }
      if (left < 0) {
        acc[base] += -left * perX;
        left = 0;
      }
      right = Math.min(right, width);
      lo = Math.floor(left);
      hi = Math.min(Math.ceil(right), width);
      for (let c = lo; left < right; c++) {
        const next = Math.min(c + 1, right);
        const share = (next - left) * perX;
        const mid = (left + next) / 2 - c;
        acc[base + c] += share * (1 - mid);
        acc[base + c + 1] += share * mid;
        left = next;
      }
    }
    if (lo < this.first[row]) this.first[row] = lo;
    if (hi > this.last[row]) this.last[row] = hi;
  }

  /** The first and last rows that anything was added to since the last paint, if any. */
  rowsAdded(): { first: number; last: number } | null {
    let first = -1;
    let last = -1;
    for (let row = 0; row < this.height; row++) {
      if (this.last[row] < 0) continue;
      if (first < 0) first = row;
      last = row;
    }
    return first < 0 ? null : { first, last };
  }

  /** Drops what was added since the last paint. */
  clear(): void {
    const { acc, stride, width, first, last } = this;
    for (let row = 0; row < this.height; row++) {
      if (last[row] < 0) continue;
      acc.fill(0, row * stride + first[row], row * stride + width + 1);
      first[row] = width;
      last[row] = -1;
    }
  }

  /**
   * Resolves what was added into coverage and paints `ink` (0–255) over `gray` with it
   * (one byte a pixel, rows `rowBytes` apart, each starting `skip` bytes in: a PNG's rows
   * start with a filter byte); clears the accumulation for the next fill.
   */
  paint(gray: Uint8Array, ink: number, rowBytes = this.width, skip = 0): void {
    const { acc, stride, width, first, last } = this;
    for (let row = 0; row < this.height; row++) {
      if (last[row] < 0) continue;
      const base = row * stride;
      const out = row * rowBytes + skip;
      const end = Math.min(last[row], width - 1);
      let sum = 0;
      for (let x = first[row]; x <= end; x++) {
        sum += acc[base + x];
        acc[base + x] = 0;
        const cover = Math.min(1, Math.abs(sum));
        if (cover > 0.5 / 255) gray[out + x] = Math.round(gray[out + x] + (ink - gray[out + x]) * cover);
      }
      acc[base + width] = 0;
      first[row] = width;
      last[row] = -1;
    }
  }
}
