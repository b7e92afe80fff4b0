import { readFileSync } from 'node:fs';
import { isStartOfFrame, jpegSegments } from '../images/jpeg.js';

/** Intrinsic size of an image in CSS px (1px = 0.75pt), or null when it cannot be read. */
export interface ImageSize {
  width: number;
  height: number;
}

const sizes = new Map<string, ImageSize | null>();

export function imageSize(path: string): ImageSize | null {
  if (!sizes.has(path)) {
    let size: ImageSize | null = null;
    try {
      const data = readFileSync(path);
      size = pngSize(data) ?? jpegSize(data) ?? svgSize(data.toString('utf8'));
    } catch {
      size = null;
    }
    sizes.set(path, size);
  }
  return sizes.get(path)!;
}

function pngSize(data: Buffer): ImageSize | null {
  if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** The size from the first start-of-frame segment. */
function jpegSize(data: Buffer): ImageSize | null {
  if (data.length < 4 || data[0] !== 0xff || data[1] !== 0xd8) return null;
  for (const { marker, pos } of jpegSegments(data)) {
    if (marker < 0) return null;
    if (isStartOfFrame(marker)) return pos + 9 <= data.length ? { width: data.readUInt16BE(pos + 7), height: data.readUInt16BE(pos + 5) } : null;
  }
  return null;
}

const unitToPx: Record<string, number> = { '': 1, px: 1, pt: 4 / 3, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };

function svgLength(value: string | undefined): number | null {
  const m = value && /^\s*([\d.]+)\s*(px|pt|pc|in|cm|mm)?\s*$/.exec(value);
  return m ? parseFloat(m[1]) * unitToPx[m[2] ?? ''] : null;
}

function svgSize(text: string): ImageSize | null {
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!tag) return null;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const viewBox = box && box.length === 4 && box[2] > 0 && box[3] > 0 ? { width: box[2], height: box[3] } : null;
  const width = svgLength(attr('width'));
  const height = svgLength(attr('height'));
  if (width && height) return { width, height };
  if (viewBox && width) return { width, height: (width * viewBox.height) / viewBox.width };
  if (viewBox && height) return { width: (height * viewBox.width) / viewBox.height, height };
  return viewBox;
}

/**
 * The size to draw at, in points: the stylesheet's width/height (one gives the other through
 * the aspect ratio), else the intrinsic size, scaled down to fit `maxWidth` × `maxHeight`.
 */
export function fitImage(intrinsic: ImageSize | null, width: number | undefined, height: number | undefined, maxWidth: number, maxHeight: number): ImageSize {
  const natural = intrinsic ? { width: intrinsic.width * 0.75, height: intrinsic.height * 0.75 } : { width: 72, height: 72 };
  const aspect = natural.height / natural.width || 1;
  let w = width ?? (height !== undefined ? height / aspect : natural.width);
  let h = height ?? (width !== undefined ? width * aspect : natural.height);
  const scale = Math.min(1, maxWidth / w, maxHeight / h);
  w *= scale;
  h *= scale;
  return { width: w, height: h };
}
