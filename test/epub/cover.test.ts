import { crc32, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it, test, vi } from 'vitest';
import { COVER_PIXELS, coverPng, type CoverText } from '../../src/epub/cover.js';
import { grayPng } from '../../src/epub/png.js';
import { flatten, Raster, type PathCommand } from '../../src/epub/raster.js';

interface Decoded {
  chunks: string[];
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  gray: Uint8Array;
}

/** Just enough of a PNG decoder for 8-bit grayscale: checks each CRC, inflates, undoes the row filters. */
function decode(png: Buffer): Decoded {
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const chunks: string[] = [];
  const idat: Buffer[] = [];
  let header: Buffer | undefined;
  for (let pos = 8; pos < png.length; ) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    expect(png.readUInt32BE(pos + 8 + length), `CRC of ${type}`).toBe(crc32(png.subarray(pos + 4, pos + 8 + length)));
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') idat.push(body);
    chunks.push(type);
    pos += 12 + length;
  }
  const [width, height] = [header!.readUInt32BE(0), header!.readUInt32BE(4)];
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width + 1) * height);
  const gray = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)];
    for (let x = 0; x < width; x++) {
      const a = x ? gray[y * width + x - 1] : 0;
      const b = y ? gray[(y - 1) * width + x] : 0;
      const c = x && y ? gray[(y - 1) * width + x - 1] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter];
      gray[y * width + x] = (raw[y * (width + 1) + 1 + x] + predictor) & 0xff;
    }
  }
  return { chunks, width, height, bitDepth: header![8], colourType: header![9], gray };
}

// One issuer line and a label put the rule at 102–103.3 px and the title's baseline at 308.4 px.
const cover: CoverText = { issuerLines: ['Port of Example'], label: 'Press release', title: 'HARBOUR NEWS', dir: 'ltr' };
const at = (d: Decoded, x: number, y: number) => d.gray[y * d.width + x];

describe('cover PNG', () => {
  const png = coverPng(cover);
  const image = decode(png);

  test('is a 400×600 8-bit grayscale PNG with only IHDR, IDAT and IEND', () => {
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([image.width, image.height]).toEqual([COVER_PIXELS.width, COVER_PIXELS.height]);
    expect([image.width, image.height]).toEqual([400, 600]);
    expect([image.bitDepth, image.colourType]).toEqual([8, 0]);
    expect(image.chunks).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  test('white corners and margins, a black rule, #111 text where the title is', () => {
    for (const [x, y] of [[0, 0], [399, 0], [0, 599], [399, 599]]) expect(at(image, x, y)).toBe(255);
    expect(at(image, 200, 102)).toBe(0); // the rule, 4 of 1,200 units tall: one full row
    expect(at(image, 39, 102)).toBe(255); // the margin beside it
    expect(at(image, 40, 102)).toBe(0);
    let darkest = 255;
    let inked = 0;
    for (let y = 285; y <= 308; y++) {
      for (let x = 40; x < 360; x++) {
        darkest = Math.min(darkest, at(image, x, y));
        if (at(image, x, y) < 128) inked++;
      }
    }
    expect(darkest).toBe(0x11);
    expect(inked).toBeGreaterThan(500);
    // Below the title (capitals: no descenders) the page is white.
    for (let y = 312; y < 600; y++) for (let x = 0; x < 400; x++) expect(at(image, x, y)).toBe(255);
  });

  test('the same cover gives the same bytes, from a fresh module as well', async () => {
    expect(coverPng({ ...cover, issuerLines: [...cover.issuerLines] }).equals(png)).toBe(true);
    vi.resetModules();
    const fresh = await import('../../src/epub/cover.js');
    expect(fresh.coverPng(cover).equals(png)).toBe(true);
    expect(fresh.coverPng({ ...cover, title: 'HARBOUR NEWT' }).equals(png)).toBe(false);
  });

  test('a letterhead painted for an earlier cover gives the bytes of one painted with its title', async () => {
    const second = { ...cover, title: 'HARBOUR NEWT' };
    coverPng({ ...cover, title: 'TIDE TABLES' });
    const afterAnother = coverPng(second);
    vi.resetModules();
    const fresh = await import('../../src/epub/cover.js');
    expect(fresh.coverPng(second).equals(afterAnother)).toBe(true);
  });

  test('grayPng round-trips any pixels', () => {
    const pixels = Uint8Array.from({ length: 7 * 5 }, (_, i) => (i * 37) & 0xff);
    const decoded = decode(grayPng(7, 5, pixels));
    expect([decoded.width, decoded.height, decoded.colourType]).toEqual([7, 5, 0]);
    expect([...decoded.gray]).toEqual([...pixels]);
  });
});

/** Total coverage of what was painted: ink 0 over white, so each pixel's darkness is its coverage. */
function paintedArea(raster: Raster): number {
  const gray = new Uint8Array(raster.width * raster.height).fill(255);
  raster.paint(gray, 0);
  return gray.reduce((sum, g) => sum + (255 - g) / 255, 0);
}

function polygon(raster: Raster, points: [number, number][]): void {
  points.forEach(([x, y], i) => raster.line(x, y, ...points[(i + 1) % points.length]));
}

/**
 * What rounding coverage to 8 bits may add: up to 0.5/255 in each pixel an edge passes
 * through, at most |dx| + |dy| + 2 of them per edge.
 */
function rounding(points: [number, number][]): number {
  const touched = points.reduce((sum, [x, y], i) => {
    const [nx, ny] = points[(i + 1) % points.length];
    return sum + Math.abs(nx - x) + Math.abs(ny - y) + 2;
  }, 0);
  return (0.5 / 255) * touched;
}

describe('rasteriser', () => {
  const SIZE = 48;
  const coordinate = fc.double({ min: -8, max: SIZE + 8, noNaN: true });
  const inside = fc.double({ min: 0, max: SIZE, noNaN: true });

  // Coverage is exact up to float error; the bound is 1/255 of the area plus what rounding to
  // 8 bits adds in the pixels along the edges (which a thin sliver has many of).
  it('covers a rectangle by its exact area (within 1/255 of it), clipped to the image', () => {
    const raster = new Raster(SIZE, SIZE);
    fc.assert(
      fc.property(coordinate, coordinate, coordinate, coordinate, fc.boolean(), (x0, y0, x1, y1, reversed) => {
        const [left, right, top, bottom] = [Math.min(x0, x1), Math.max(x0, x1), Math.min(y0, y1), Math.max(y0, y1)];
        const clip = (v: number) => Math.min(SIZE, Math.max(0, v));
        const area = (clip(right) - clip(left)) * (clip(bottom) - clip(top));
        fc.pre(area > 0);
        const corners: [number, number][] = [[left, top], [right, top], [right, bottom], [left, bottom]];
        polygon(raster, reversed ? corners.reverse() : corners);
        const visible = corners.map(([x, y]): [number, number] => [clip(x), clip(y)]);
        expect(Math.abs(paintedArea(raster) - area)).toBeLessThanOrEqual(area / 255 + rounding(visible));
      }),
      { numRuns: 300 },
    );
  });

  it('covers a triangle by its exact area (within 1/255 of it), either winding', () => {
    const raster = new Raster(SIZE, SIZE);
    fc.assert(
      fc.property(inside, inside, inside, inside, inside, inside, (ax, ay, bx, by, cx, cy) => {
        const area = Math.abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
        const corners: [number, number][] = [[ax, ay], [bx, by], [cx, cy]];
        polygon(raster, corners);
        expect(Math.abs(paintedArea(raster) - area)).toBeLessThanOrEqual(area / 255 + rounding(corners));
      }),
      { numRuns: 300 },
    );
  });

  test('a sliver with subnormal coordinates covers (next to) nothing', () => {
    // Found by the triangle property: h / (right - left) overflowed and painted whole pixels.
    const raster = new Raster(SIZE, SIZE);
    polygon(raster, [[1.373285346444e-311, 0], [0, 2.4306643419526224], [0, 0]]);
    expect(paintedArea(raster)).toBe(0);
    polygon(raster, [[0, 1.558793138745234], [0, 0], [4.237834654615917e-309, 0]]);
    expect(paintedArea(raster)).toBe(0);
  });

  test('non-zero winding: overlaps of the same direction are covered once, opposite ones cancel', () => {
    const raster = new Raster(SIZE, SIZE);
    polygon(raster, [[4, 4], [24, 4], [24, 24], [4, 24]]);
    polygon(raster, [[14, 14], [34, 14], [34, 34], [14, 34]]);
    expect(paintedArea(raster)).toBeCloseTo(400 + 400 - 100, 1);
    polygon(raster, [[4, 4], [24, 4], [24, 24], [4, 24]]);
    polygon(raster, [[8, 8], [8, 20], [20, 20], [20, 8]]); // reversed: a hole
    expect(paintedArea(raster)).toBeCloseTo(400 - 144, 1);
  });

  test('curves are flattened within the tolerance: a circle of cubics and one of quadratics', () => {
    const [r, cx, cy, k] = [20, 24, 24, 0.5523];
    const cubic: PathCommand[] = [
      { command: 'moveTo', args: [cx + r, cy] },
      { command: 'bezierCurveTo', args: [cx + r, cy + k * r, cx + k * r, cy + r, cx, cy + r] },
      { command: 'bezierCurveTo', args: [cx - k * r, cy + r, cx - r, cy + k * r, cx - r, cy] },
      { command: 'bezierCurveTo', args: [cx - r, cy - k * r, cx - k * r, cy - r, cx, cy - r] },
      { command: 'bezierCurveTo', args: [cx + k * r, cy - r, cx + r, cy - k * r, cx + r, cy] },
      { command: 'closePath', args: [] },
    ];
    const quadratic: PathCommand[] = [
      { command: 'moveTo', args: [cx + r, cy] },
      { command: 'quadraticCurveTo', args: [cx + r, cy + r, cx, cy + r] },
      { command: 'quadraticCurveTo', args: [cx - r, cy + r, cx - r, cy] },
      { command: 'quadraticCurveTo', args: [cx - r, cy - r, cx, cy - r] },
      { command: 'quadraticCurveTo', args: [cx + r, cy - r, cx + r, cy] },
    ];
    const raster = new Raster(SIZE, SIZE);
    const circle = flatten(cubic, 0.2);
    raster.fill(circle, 0, 0, 1, 1);
    // The chords lie inside the curve by at most the tolerance: at most perimeter × 0.2 lost.
    const area = paintedArea(raster);
    expect(area).toBeLessThanOrEqual(Math.PI * r * r + 1);
    expect(area).toBeGreaterThanOrEqual(Math.PI * r * r - 2 * Math.PI * r * 0.2 - 1);
    for (let i = 0; i < circle[0].length; i += 2) {
      expect(Math.abs(Math.hypot(circle[0][i] - cx, circle[0][i + 1] - cy) - r)).toBeLessThan(0.1); // the cubic circle is within 0.03% of round
    }
    // Quadratic arcs with corner control points: a parabolic segment is 2/3 of the triangle
    // of its ends and control point, so each corner of the 2r square leaves r²/2 − r²/3 out.
    raster.fill(flatten(quadratic, 0.2), 0, 0, 1, 1);
    const exact = 4 * r * r - 4 * (r * r / 2 - r * r / 3);
    expect(Math.abs(paintedArea(raster) - exact)).toBeLessThan(2 * Math.PI * r * 0.2 + 1);
    expect(flatten([{ command: 'moveTo', args: [0, 0] }, { command: 'lineTo', args: [5, 0] }], 0.2)).toEqual([]);
  });
});
