import type { FontFamily } from '../fonts/types.js';
import { familyCovers, fontCatalog, openFace, pickFace } from './fonts.js';
import { BoundedMap } from '../fonts/bounded-map.js';
import { Resvg } from '@resvg/resvg-js';

/** What the cover shows: the letterhead, the label and the title. */
export interface CoverText {
  issuerLines: string[];
  label?: string;
  title: string;
  dir: 'ltr' | 'rtl';
}

const WIDTH = 1200;
const HEIGHT = 1800;
const MARGIN = 120;
const MEASURE = WIDTH - 2 * MARGIN;

interface Run {
  text: string;
  family: FontFamily;
  rtl: boolean;
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const LTR_CHAR = /[\p{L}\p{N}]/u;

/** Splits a line into runs of one font and one direction (a one-level bidi, enough for a cover). */
function runs(text: string, lineRtl: boolean): Run[] {
  const families = fontCatalog();
  const out: Run[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const family = families.find((f) => familyCovers(f, cp)) ?? families[0];
    const strong = RTL_CHAR.test(ch) ? true : LTR_CHAR.test(ch) ? false : undefined;
    const last = out[out.length - 1];
    if (last && last.family === family && (strong === undefined || strong === last.rtl)) last.text += ch;
    else out.push({ text: ch, family, rtl: strong ?? last?.rtl ?? lineRtl });
  }
  return lineRtl ? out.reverse() : out;
}

interface Shaped {
  width: number;
  /** Glyph outlines placed on the baseline, as `<use>` references into `<defs>`. */
  svg: string;
}

const shapedRuns = new BoundedMap<string, Shaped>(5000);
/** Glyph outlines by face and glyph id: bounded by the glyphs of the faces, and cached runs refer to them. */
const glyphDefs = new Map<string, string>();

/** Shapes one run with fontkit (cached: wrapping measures the same words many times). */
function shapeRun(run: Run, size: number, weight: number, defs: Set<string>): Shaped {
  const face = pickFace(run.family, weight, 'normal');
  const key = `${face.id}|${size}|${run.rtl}|${run.text}`;
  let shaped = shapedRuns.get(key);
  if (!shaped) {
    const font = openFace(face);
    const scale = size / font.unitsPerEm;
    const glyphRun = font.layout(run.text, undefined, undefined, undefined, run.rtl ? 'rtl' : 'ltr');
    let x = 0;
    const uses: string[] = [];
    glyphRun.glyphs.forEach((glyph, i) => {
      const pos = glyphRun.positions[i];
      const id = `${face.id}-${glyph.id}`;
      if (!glyphDefs.has(id)) glyphDefs.set(id, `<path id="${id}" d="${glyph.path.toSVG()}"/>`);
      const gx = (x + pos.xOffset) * scale;
      uses.push(`<use xlink:href="#${id}" transform="translate(${gx.toFixed(2)} ${(-pos.yOffset * scale).toFixed(2)}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})"/>`);
      x += pos.xAdvance;
    });
    shaped = { width: x * scale, svg: uses.join('') };
    shapedRuns.set(key, shaped);
  }
  for (const m of shaped.svg.matchAll(/href="#([^"]+)"/g)) defs.add(m[1]);
  return shaped;
}

/** Draws a line as glyph outlines, so the rasteriser needs no fonts; returns SVG and width. */
function letter(text: string, size: number, weight: number, rtl: boolean, defs: Set<string>): Shaped {
  let x = 0;
  const parts: string[] = [];
  for (const run of runs(text, rtl)) {
    const shaped = shapeRun(run, size, weight, defs);
    parts.push(x ? `<g transform="translate(${x.toFixed(2)} 0)">${shaped.svg}</g>` : shaped.svg);
    x += shaped.width;
  }
  return { svg: parts.join(''), width: x };
}

function wrap(text: string, size: number, weight: number, rtl: boolean): string[] {
  const scratch = new Set<string>();
  const space = letter(' ', size, weight, rtl, scratch).width;
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = letter(word, size, weight, rtl, scratch).width;
    if (line && width + space + w > MEASURE) {
      lines.push(line);
      line = word;
      width = w;
    } else {
      line = line ? `${line} ${word}` : word;
      width = line === word ? w : width + space + w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function centred(text: string, size: number, weight: number, rtl: boolean, baseline: number, defs: Set<string>): string {
  const { svg, width } = letter(text, size, weight, rtl, defs);
  return `<g transform="translate(${((WIDTH - width) / 2).toFixed(2)} ${baseline.toFixed(2)})">${svg}</g>`;
}

/**
 * The cover as SVG: letterhead lines in bold, a rule, the label, then the title, as glyph
 * outlines so that rasterising it (`coverPng`) needs no fonts.
 */
export function coverSvg(cover: CoverText): string {
  const rtl = cover.dir === 'rtl';
  const body: string[] = [];
  const defs = new Set<string>();
  let y = 260;
  for (const line of cover.issuerLines.flatMap((l) => wrap(l, 52, 700, rtl))) {
    body.push(centred(line, 52, 700, rtl, y, defs));
    y += 66;
  }
  y += 10;
  body.push(`<rect x="${MARGIN}" y="${y - 30}" width="${MEASURE}" height="4" fill="#000"/>`);
  y += 90;
  if (cover.label) {
    body.push(centred(cover.label, 46, 400, rtl, y, defs));
    y += 60;
  }
  let size = 72;
  let lines = wrap(cover.title, size, 700, rtl);
  while (lines.length > 7 && size > 36) lines = wrap(cover.title, (size -= 8), 700, rtl);
  const lineHeight = size * 1.3;
  y = Math.max(y + 140, (HEIGHT - lines.length * lineHeight) / 2 + size);
  for (const line of lines) {
    body.push(centred(line, size, 700, rtl, y, defs));
    y += lineHeight;
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">` +
    `<defs>${[...defs].sort().map((id) => glyphDefs.get(id)).join('')}</defs>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/><g fill="#111">${body.join('')}</g></svg>`
  );
}

/** Alt text of the cover image: what it says, in reading order. */
export function coverAlt(cover: CoverText): string {
  return [cover.issuerLines.join(' '), cover.label, cover.title].filter(Boolean).join('. ').replace(/\.\./g, '.');
}

/**
 * Pixel size of the cover PNG. Reader library views show a raster `cover-image` (many ignore
 * an SVG one); 400×600 is sharp there and in thumbnails, and renders in ~20 ms against
 * ~55 ms for 600×900 and ~75 ms for 800×1200 (median of 12 covers, resvg, loaded machine).
 */
export const COVER_PIXELS = { width: 400, height: (400 * HEIGHT) / WIDTH };

/** Rasterised covers by SVG: releases rebuilt in a batch or by `watch` reuse theirs. */
const pngCache = new BoundedMap<string, Buffer>(32);

/** The cover rasterised to PNG (resvg, no system fonts: the SVG has outlines); same text, same bytes. */
export function coverPng(cover: CoverText): Buffer {
  const svg = coverSvg(cover);
  let png = pngCache.get(svg);
  if (!png) {
    png = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'width', value: COVER_PIXELS.width } }).render().asPng();
    pngCache.set(svg, png);
  }
  return png;
}
