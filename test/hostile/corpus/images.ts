import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../../../src/epub/png.js';


function header(width: number, height: number, colourType = 2): Buffer {
  const h = Buffer.alloc(13);
  h.writeUInt32BE(width, 0);
  h.writeUInt32BE(height, 4);
  h.set([8, colourType, 0, 0, 0], 8);
  return h;
}


/** A valid RGB PNG of one colour. */
export function png(width: number, height: number): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x40)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header(width, height)), pngChunk('IDAT', deflateSync(pixels)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A PNG whose header claims `width` × `height` but whose data is a few bytes: a decompression bomb's shape. */
export function pngClaiming(width: number, height: number): Buffer {
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header(width, height)), pngChunk('IDAT', deflateSync(Buffer.alloc(16))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A valid PNG cut off in the middle of its image data. */
export function truncatedPng(): Buffer {
  const whole = png(32, 32);
  return whole.subarray(0, 60);
}

/** A PNG whose image data is not zlib. */
export function pngWithGarbageData(): Buffer {
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', header(8, 8)), pngChunk('IDAT', Buffer.from('definitely not deflate')), pngChunk('IEND', Buffer.alloc(0))]);
}

let jpegCache: Buffer | undefined;

/** A one-page PDF filled with one colour, written by hand so that making it needs nothing async. */
function colourPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 24 24] /Contents 4 0 R >>',
  ];
  const content = '0.2 0.4 0.6 rg 0 0 24 24 re f';
  objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return pdf + `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

/** A small valid JPEG, made by poppler (a validator the suite requires) from a one-page PDF. */
export function jpeg(): Buffer {
  if (jpegCache) return jpegCache;
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-jpeg-'));
  writeFileSync(join(dir, 'page.pdf'), colourPdf());
  execFileSync('pdftoppm', ['-jpeg', '-r', '72', '-singlefile', join(dir, 'page.pdf'), join(dir, 'page')]);
  jpegCache = readFileSync(join(dir, 'page.jpg'));
  return jpegCache;
}

/** A JPEG that stops after its start-of-frame: the size is readable, the picture is not. */
export function truncatedJpeg(): Buffer {
  const whole = jpeg();
  const sos = whole.indexOf(Buffer.from([0xff, 0xda]));
  return whole.subarray(0, sos + 8);
}

/** A JPEG whose start-of-frame claims 65 000 × 65 000 pixels. */
export function jpegClaiming(width: number, height: number): Buffer {
  const copy = Buffer.from(jpeg());
  for (let pos = 2; pos + 9 < copy.length; ) {
    const marker = copy[pos + 1];
    if (marker >= 0xc0 && marker <= 0xc2) {
      copy.writeUInt16BE(height, pos + 5);
      copy.writeUInt16BE(width, pos + 7);
      return copy;
    }
    pos += 2 + copy.readUInt16BE(pos + 2);
  }
  throw new Error('no start-of-frame in the generated JPEG');
}

export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="40" height="40"><circle cx="5" cy="5" r="4" fill="#135"/></svg>';
