import { readFileSync, statSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { SaxesParser } from 'saxes';
import { describeSize, raiseHint, type Limits } from '../limits.js';
import { isStartOfFrame, jpegSegments } from '../images/jpeg.js';
import { quote } from './problems.js';
import { ok, refuse, type Checked } from './values.js';

type ImageLimits = Pick<Limits, 'maxImageBytes' | 'maxImagePixels'>;

/**
 * Reads an image the release names and checks that it is what its name says, whole, and
 * within the limits: a corrupt or oversized file is an error of the field, found while
 * validating, rather than a crash while drawing the PDF.
 */
export function checkImageFile(path: string, written: string, limits: ImageLimits): Checked<string> {
  const size = statSync(path).size;
  if (size === 0) return refuse(`${quote(written)} is empty`);
  if (size > limits.maxImageBytes) {
    return refuse(`${quote(written)} is ${describeSize(size)}, more than the limit of ${describeSize(limits.maxImageBytes)}`, raiseHint('maxImageBytes'), 'limit');
  }
  const bytes = readFileSync(path);
  const problem = /\.svg$/i.test(written) ? svgProblem(bytes) : rasterProblem(bytes, limits);
  if (problem) return refuse(`${quote(written)}: ${problem.message}`, problem.hint, problem.kind);
  return ok(path);
}

interface Problem {
  message: string;
  hint?: string;
  kind?: 'path' | 'limit';
}

function rasterProblem(bytes: Buffer, limits: ImageLimits): Problem | undefined {
  const pixels = (width: number, height: number): Problem | undefined =>
    width * height > limits.maxImagePixels
      ? { message: `${width} × ${height} is ${width * height} pixels, more than the limit of ${limits.maxImagePixels}`, hint: raiseHint('maxImagePixels'), kind: 'limit' }
      : undefined;
  if (bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) return pngProblem(bytes, pixels);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegProblem(bytes, pixels);
  return { message: 'not a PNG or JPEG file', hint: 'save the image as PNG, JPEG or SVG' };
}

type PixelCheck = (width: number, height: number) => Problem | undefined;

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Walks the chunks and inflates the image data, so a truncated or corrupt PNG is caught here. */
function pngProblem(bytes: Buffer, pixels: PixelCheck): Problem | undefined {
  const corrupt = (why: string): Problem => ({ message: `the PNG file is corrupt (${why})`, hint: 'export the image again' });
  let pos = 8;
  let header: { width: number; height: number; bitsPerPixel: number; interlaced: boolean } | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (pos + 8 <= bytes.length && !ended) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const body = bytes.subarray(pos + 8, pos + 8 + length);
    if (body.length < length || pos + 12 + length > bytes.length) return corrupt('it is cut off');
    if (type === 'IHDR') {
      if (length < 13) return corrupt('bad header');
      const channels = CHANNELS[body[9]];
      if (channels === undefined) return corrupt('unknown colour type');
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bitsPerPixel: channels * body[8], interlaced: body[12] === 1 };
      if (header.width === 0 || header.height === 0) return corrupt('no pixels');
      const tooMany = pixels(header.width, header.height);
      if (tooMany) return tooMany;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    pos += 12 + length;
  }
  if (!header) return corrupt('no header');
  if (data.length === 0) return corrupt('no image data');
  if (!ended) return corrupt('it is cut off');
  const rowBytes = Math.ceil((header.width * header.bitsPerPixel) / 8) + 1;
  const expected = rowBytes * header.height;
  try {
    // Interlaced passes carry a filter byte per row of each pass: a little more than `expected`.
    inflateSync(Buffer.concat(data), { maxOutputLength: header.interlaced ? expected * 2 + 64 : expected + 64 });
  } catch {
    return corrupt('its image data does not decompress');
  }
  return undefined;
}

/** Finds the frame size and the end marker after the scan: a JPEG cut short has none. */
function jpegProblem(bytes: Buffer, pixels: PixelCheck): Problem | undefined {
  const corrupt = (why: string): Problem => ({ message: `the JPEG file is corrupt (${why})`, hint: 'export the image again' });
  let frame = false;
  for (const { marker, pos } of jpegSegments(bytes)) {
    if (marker < 0) return corrupt('bad marker');
    if (isStartOfFrame(marker)) {
      if (pos + 9 > bytes.length) return corrupt('it is cut off');
      const height = bytes.readUInt16BE(pos + 5);
      const width = bytes.readUInt16BE(pos + 7);
      if (width === 0 || height === 0) return corrupt('no pixels');
      const tooMany = pixels(width, height);
      if (tooMany) return tooMany;
      frame = true;
    }
    if (marker === 0xda) {
      if (!frame) return corrupt('no frame header');
      // The entropy-coded scan runs to the end-of-image marker.
      return bytes.lastIndexOf(Buffer.from([0xff, 0xd9])) > pos ? undefined : corrupt('it is cut off');
    }
  }
  return corrupt(frame ? 'it is cut off' : 'no frame header');
}

/** Anything an SVG would have to load from elsewhere: an href or url() that is not inside the file. */
const EXTERNAL_REFERENCE = /(?:\bhref\s*=\s*["']\s*|url\(\s*["']?\s*)(?!#|data:)([^"')\s]+)/i;

function svgProblem(bytes: Buffer): Problem | undefined {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { message: 'the SVG file is not UTF-8 text' };
  }
  if (/<!ENTITY/i.test(text)) return { message: 'the SVG file declares entities, which are not accepted', hint: 'remove the DOCTYPE' };
  const external = EXTERNAL_REFERENCE.exec(text)?.[1];
  if (external !== undefined) {
    const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(external);
    return remote
      ? { message: `the SVG file refers to the remote file ${quote(external.slice(0, 80))}; remote files are not fetched`, hint: 'embed the image in the SVG as data:', kind: 'path' }
      : { message: `the SVG file refers to another file, ${quote(external.slice(0, 80))}`, hint: 'embed the image in the SVG as data:', kind: 'path' };
  }
  const why = xmlProblem(text);
  return why === undefined ? undefined : { message: `not a well-formed SVG file: ${why}` };
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** What keeps `text` from being an SVG document: not well-formed XML, or another root element. */
function xmlProblem(text: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  let root: { local: string; uri: string } | undefined;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    root ??= { local: tag.local, uri: tag.uri };
  });
  parser.write(text).close();
  if (error !== undefined) return error;
  if (!root) return 'it has no root element';
  if (root.local !== 'svg' || root.uri !== SVG_NAMESPACE) return `its root element is <${root.local}>, not <svg> in the SVG namespace`;
  return undefined;
}
