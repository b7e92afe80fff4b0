import type { FontFamily } from '../fonts/types.js';
import { familyCovers, fontCatalog, openFace, pickFace } from './fonts.js';
import { BoundedMap } from '../fonts/bounded-map.js';
import { flatten, type Outline } from './raster.js';
import { paintCover, releasePaintBuffers } from './cover-paint.js';
import { layoutText } from '../fonts/simple-shaper.js';

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

/**
 * Pixel size of the cover PNG. Reader library views show a raster `cover-image` (many ignore
 * an SVG one); 400×600 is sharp there and in thumbnails.
 */
export const COVER_PIXELS = { width: 400, height: (400 * HEIGHT) / WIDTH };
/** Pixels per cover unit. */
const PX = COVER_PIXELS.width / WIDTH;

interface Run {
  text: string;
  family: FontFamily;
  rtl: boolean;
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;
const LTR_CHAR = /[\p{L}\p{N}]/u;

/** A character's family and direction (undefined: neutral), by code point. */
interface CharClass {
  family: FontFamily;
  strong: boolean | undefined;
}

/** Classes of the characters met so far: every word is split into runs, ~0.02 ms a cover. */
const charClasses = new BoundedMap<number, CharClass>(5000);

function classOf(ch: string): CharClass {
  const cp = ch.codePointAt(0)!;
  let known = charClasses.get(cp);
  if (!known) {
    const families = fontCatalog();
    const family = families.find((f) => familyCovers(f, cp)) ?? families[0];
    const strong = RTL_CHAR.test(ch) ? true : LTR_CHAR.test(ch) ? false : undefined;
    charClasses.set(cp, (known = { family, strong }));
  }
  return known;
}

/**
 * Splits a line into runs of one font and one direction (a one-level bidi, enough for a cover).
 * A run's text is sliced from the line once it ends, not grown a character at a time: a word
 * in one font, the usual run, is then the word itself.
 */
function runs(text: string, lineRtl: boolean): Run[] {
  const out: Run[] = [];
  let family: FontFamily | undefined;
  let rtl = lineRtl;
  let start = 0;
  let end = 0;
  for (const ch of text) {
    const { family: chFamily, strong } = classOf(ch);
    if (family === undefined || chFamily !== family || (strong !== undefined && strong !== rtl)) {
      if (family !== undefined) out.push({ text: text.slice(start, end), family, rtl });
      // A neutral character takes the direction of the run before it, else the line's.
      rtl = strong ?? rtl;
      family = chFamily;
      start = end;
    }
    end += ch.length;
  }
  if (family !== undefined) out.push({ text: text.slice(start, end), family, rtl });
  return lineRtl ? out.reverse() : out;
}

/** Glyphs of one shaped run, in cover units relative to the run's origin on the baseline. */
interface Shaped {
  width: number;
  /** Cover units per font unit. */
  scale: number;
  glyphs: { outline: Outline; x: number; y: number }[];
}

/**
 * Runs by face, size and text. A cover's letterhead and label come back with every release of
 * an issuer; its title's runs (candidate lines of the wrap) seldom do, and at 5,000 they held
 * ~4.7 MB of glyph placements in each batch worker after 500 releases.
 */
const shapedRuns = new BoundedMap<string, Shaped>(300);
/** Flattened glyph outlines (font units) by face and glyph id; cached runs hold on to theirs. */
const outlines = new BoundedMap<string, Outline>(5000);

/**
 * Outlines are flattened once in font units, finely enough for the largest text on the cover
 * (the 72-unit title): within 0.2 px there, closer at the smaller sizes.
 */
const TOLERANCE_PX = 0.2;
const LARGEST_SIZE = 72;

/** Shapes one run (cached: wrapping measures the same words many times). */
function shapeRun(run: Run, size: number, weight: number): Shaped {
  const face = pickFace(run.family, weight, 'normal');
  const key = `${face.id}|${size}|${run.rtl}|${run.text}`;
  let shaped = shapedRuns.get(key);
  if (!shaped) {
    const font = openFace(face);
    const scale = size / font.unitsPerEm;
    const tolerance = (TOLERANCE_PX / (LARGEST_SIZE * PX)) * font.unitsPerEm;
    // Left-to-right simple text is shaped as fontkit would, without waking fontkit's shaper.
    const glyphRun = layoutText(font, run.text, run.rtl ? 'rtl' : 'ltr');
    let x = 0;
    const glyphs: Shaped['glyphs'] = [];
    glyphRun.glyphs.forEach((glyph, i) => {
      const id = `${face.id}|${glyph.id}`;
      let outline = outlines.get(id);
      if (!outline) outlines.set(id, (outline = flatten(font.getGlyph(glyph.id).path.commands, tolerance)));
      if (outline.length) glyphs.push({ outline, x: (x + glyphRun.xOffset[i]) * scale, y: -glyphRun.yOffset[i] * scale });
      x += glyphRun.xAdvance[i];
    });
    shaped = { width: x * scale, scale, glyphs };
    shapedRuns.set(key, shaped);
  }
  return shaped;
}

/** A line of text as shaped runs, each with its offset from the line's start. */
interface Lettered {
  width: number;
  runs: { shaped: Shaped; x: number }[];
}

/** Shapes a line run by run (font and direction); returns the runs in visual order and the width. */
function letter(text: string, size: number, weight: number, rtl: boolean): Lettered {
  let x = 0;
  const parts: Lettered['runs'] = [];
  for (const run of runs(text, rtl)) {
    const shaped = shapeRun(run, size, weight);
    parts.push({ shaped, x });
    x += shaped.width;
  }
  return { runs: parts, width: x };
}

function wrap(text: string, size: number, weight: number, rtl: boolean): string[] {
  const space = letter(' ', size, weight, rtl).width;
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = letter(word, size, weight, rtl).width;
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

/** A line of text centred on its baseline, in cover units. */
interface Line {
  lettered: Lettered;
  x: number;
  baseline: number;
}

/** What to draw, in cover units: the letterhead (with the label), the title and the rule. */
interface Layout {
  header: Line[];
  title: Line[];
  rule: { x: number; y: number; width: number; height: number };
}

function centred(text: string, size: number, weight: number, rtl: boolean, baseline: number): Line {
  const lettered = letter(text, size, weight, rtl);
  return { lettered, x: (WIDTH - lettered.width) / 2, baseline };
}

/** The cover: letterhead lines in bold, a rule, the label, then the title, vertically centred. */
function layout(cover: CoverText): Layout {
  const rtl = cover.dir === 'rtl';
  const header: Line[] = [];
  let y = 260;
  for (const line of cover.issuerLines.flatMap((l) => wrap(l, 52, 700, rtl))) {
    header.push(centred(line, 52, 700, rtl, y));
    y += 66;
  }
  y += 10;
  const rule = { x: MARGIN, y: y - 30, width: MEASURE, height: 4 };
  y += 90;
  if (cover.label) {
    header.push(centred(cover.label, 46, 400, rtl, y));
    y += 60;
  }
  let size = 72;
  let titleLines = wrap(cover.title, size, 700, rtl);
  while (titleLines.length > 7 && size > 36) titleLines = wrap(cover.title, (size -= 8), 700, rtl);
  const lineHeight = size * 1.3;
  y = Math.max(y + 140, (HEIGHT - titleLines.length * lineHeight) / 2 + size);
  const title: Line[] = [];
  for (const line of titleLines) {
    title.push(centred(line, size, 700, rtl, y));
    y += lineHeight;
  }
  return { header, title, rule };
}

/** Alt text of the cover image: what it says, in reading order. */
export function coverAlt(cover: CoverText): string {
  return [cover.issuerLines.join(' '), cover.label, cover.title].filter(Boolean).join('. ').replace(/\.\./g, '.');
}

/** Rasterised covers by their content: releases rebuilt in a batch or by `watch` reuse theirs. */
const pngCache = new BoundedMap<string, Buffer>(32);

/** Drops the covers made so far and the 1.4 MB of buffers, which a new one makes again. */
export function releaseCoverBuffers(): void {
  releasePaintBuffers();
  pngCache.clear();
}

/** Drops everything drawn from the fonts too, for a font file that may have changed. */
export function clearCoverCache(): void {
  releaseCoverBuffers();
  charClasses.clear();
  shapedRuns.clear();
  outlines.clear();
}

/**
 * The cover as an 8-bit grayscale PNG, drawn from the glyph outlines with our own rasteriser
 * (no fonts or SVG renderer needed); same text, same bytes.
 */
export function coverPng(cover: CoverText): Buffer {
  const key = JSON.stringify([cover.issuerLines, cover.label ?? '', cover.title, cover.dir]);
  let png = pngCache.get(key);
  if (!png) {
    const { header, title, rule } = layout(cover);
    const headerKey = JSON.stringify([cover.issuerLines, cover.label ?? '', cover.dir]);
    png = paintCover(COVER_PIXELS.width, COVER_PIXELS.height, PX, header, title, rule, headerKey);
    pngCache.set(key, png);
  }
  return png;
}
