import type { TextMeasure, TextShape } from '../fonts/measure.js';
import type { FontRegistry } from '../fonts/registry.js';
import { lineBreaker } from './line-breaks.js';
import type { RunStyle, Segment } from './itemise.js';

/** Knuth–Plass items. Boxes and glue carry the text and style they came from. */
export type Item =
  | {
      kind: 'box';
      width: number;
      text: string;
      style: RunStyle | null;
      /** A word's shape in its face, for measuring it with its space (setLines); else null. */
      shape: TextShape | null;
    }
  | { kind: 'glue'; width: number; stretch: number; shrink: number; text: string; style: RunStyle | null }
  | {
      kind: 'penalty';
      width: number;
      penalty: number;
      flagged: boolean;
      /** Automatic hyphenation point: only a break in passes that hyphenate. */
      auto?: boolean;
      /**
       * A break inside a Korean word, between Hangul syllables: only in the passes that allow
       * them (Korean breaks at spaces when it can, as CSS `word-break: keep-all`).
       */
      syllable?: boolean;
      /** Text added at the end of the line when it breaks here (a hyphen), in that style. */
      hyphen?: { text: string; style: RunStyle };
    };

export const forcedBreak = -Infinity;
/** Stretch that fills the end of a last line: finite so that running sums stay numbers. */
export const fill = 1e6;

export interface ItemOptions {
  /** Width of the lines, for splitting tokens that fit on no line. */
  measure: number;
  indent: number;
  justify: boolean;
  /**
   * CSS `hyphens`: `manual` honours only soft hyphens; `auto` breaks as `manual` too, but also
   * lists the words that pattern hyphenation may split (`hyphenateItems` splits them).
   */
  hyphens: 'none' | 'manual' | 'auto';
  /** Stretch of the glue that ends the last line (and lines ended by `<br>`). */
  fillStretch: number;
}

export const hyphenPenalty = 50;
/** An explicit hyphen or dash: TeX's \exhyphenpenalty. */
const explicitHyphenPenalty = 50;
/** Breaks with no space or hyphen: between Han or kana characters, after a URL's slash. */
const ideographicPenalty = 50;
/** A break inside a Korean word, in the passes that allow it: dearer than a hyphen. */
const syllablePenalty = 150;
const otherPenalty = 100;
/** Breaking an over-long token between letters: only when nothing else fits. */
const emergencyCharPenalty = 1000;

// Penalties that depend on nothing of their place, made once: items are never changed.
const explicitHyphenBreak: Item = { kind: 'penalty', width: 0, penalty: explicitHyphenPenalty, flagged: true };
const syllableBreak: Item = { kind: 'penalty', width: 0, penalty: syllablePenalty, flagged: false, syllable: true };
const ideographicBreak: Item = { kind: 'penalty', width: 0, penalty: ideographicPenalty, flagged: false };
const otherBreak: Item = { kind: 'penalty', width: 0, penalty: otherPenalty, flagged: false };

const hyphenLike = /[-\u2010\u2013]$/;
const hangulBefore = /\p{Script=Hangul}$/u;
const hangulAfter = /^\p{Script=Hangul}/u;
const ideographic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]$/u;
const droppedAll = /[\u00AD\u200B\u2060\uFEFF]/g;
const droppedAny = /[\u00AD\u200B\u2060\uFEFF]/;

/** What shapeWidth reads a shape's measure into, kept for the process. */
const shapeMeasure: TextMeasure = { width: 0, glyphs: 0 };

/** glyphWidth of the text that `shape` (in `style`'s face) is the shape of: the same sum. */
export function shapeWidth(fonts: FontRegistry, style: RunStyle, shape: TextShape): number {
  const m = fonts.measureShapeInto(style.face, style.size, shape, shapeMeasure);
  return m.width + style.letterSpacing * m.glyphs;
}

export function glyphWidth(fonts: FontRegistry, style: RunStyle, text: string): number {
  if (text === '') return 0;
  return fonts.measureSpaced(style.face, style.size, text, style.letterSpacing);
}

/** The segment of each character of the paragraph being itemised, in a buffer kept between paragraphs. */
let segmentBuffer = new Int32Array(4096);

/** Room for `length` segment indexes: making a typed array per paragraph cost more than filling one. */
function segmentIndexes(length: number): Int32Array {
  if (segmentBuffer.length < length) segmentBuffer = new Int32Array(2 * length);
  return segmentBuffer;
}

/** A word's box (or a style's piece of one) that pattern hyphenation may split into several. */
export interface WordBox {
  /** Index of the box in the paragraph's items. */
  index: number;
  /** Where the word starts in the paragraph's text: URLs and tokens with digits are never split. */
  start: number;
  text: string;
  style: RunStyle;
  lang: string;
}

/** A paragraph's items, with what its hyphenating pass needs to split words without building them again. */
export interface ParagraphItems {
  items: Item[];
  /** The segments' text joined. */
  text: string;
  segments: Segment[];
  /**
   * Boxes hyphenation may split (with `hyphens: auto`), in item order, three numbers each: the
   * box's index in `items`, where its word starts in `text` and its segment. Numbers rather than
   * a WordBox per word: most paragraphs are never hyphenated, and the objects were a tenth of
   * what typesetting allocated.
   */
  words: number[];
}

/** The i-th word box of `paragraph.words` (i counts words, not numbers). */
export function wordBox(paragraph: ParagraphItems, i: number): WordBox {
  const { items, words, segments } = paragraph;
  const index = words[3 * i];
  const box = items[index] as Extract<Item, { kind: 'box' }>;
  // A listed word has no character that is dropped, so its box's text is the word's.
  return { index, start: words[3 * i + 1], text: box.text, style: box.style!, lang: segments[words[3 * i + 2]].lang };
}

/** Every word box of `paragraph`, in item order. */
export function wordBoxes(paragraph: ParagraphItems): WordBox[] {
  return Array.from({ length: paragraph.words.length / 3 }, (_, i) => wordBox(paragraph, i));
}

/** Turns a paragraph's segments into boxes, glue and penalties at its UAX #14 break opportunities. */
export function buildItems(segments: Segment[], fonts: FontRegistry, opts: ItemOptions): ParagraphItems {
  const text = segments.length === 1 ? segments[0].text : segments.map((s) => s.text).join('');
  const segmentAt = segmentIndexes(text.length);
  let offset = 0;
  segments.forEach((s, i) => {
    segmentAt.fill(i, offset, offset + s.text.length);
    offset += s.text.length;
  });

  const items: Item[] = [];
  const words: number[] = [];
  if (opts.indent !== 0) items.push({ kind: 'box', width: opts.indent, text: '', style: null, shape: null });
  // Most spaces of a paragraph are in one style: measured once.
  let spaceStyle: RunStyle | undefined;
  // Items are never changed once made, so the paragraph's spaces in one style share one glue.
  let spaceGlue: Item | undefined;
  const pushGlue = (style: RunStyle) => {
    const last = items[items.length - 1];
    if (!last || last.kind !== 'box' || last.style === null) return; // spaces at a line start vanish
    if (style !== spaceStyle || !spaceGlue) {
      const width = glyphWidth(fonts, style, ' ');
      spaceGlue = { kind: 'glue', width, stretch: opts.justify ? width / 2 : 0, shrink: opts.justify ? width / 3 : 0, text: ' ', style };
      spaceStyle = style;
    }
    items.push(spaceGlue);
  };
  const pushForced = () => {
    while (items.length > 0 && items[items.length - 1].kind === 'glue') items.pop();
    items.push({ kind: 'glue', width: 0, stretch: opts.fillStretch, shrink: 0, text: '', style: null });
    items.push({ kind: 'penalty', width: 0, penalty: forcedBreak, flagged: false });
  };

  // Most paragraphs have no soft hyphen or invisible character: their words need no search.
  const word: WordContext = { items, words, segments, segmentAt, text, fonts, opts, dropped: droppedAny.test(text) };
  const breaker = lineBreaker(text);
  let last = 0;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const spanStart = last;
    last = bk.position;
    // The span's word ends before its trailing spaces, tabs and line feeds.
    let wordEnd = bk.position;
    let newline = false;
    while (wordEnd > spanStart) {
      const c = text.charCodeAt(wordEnd - 1);
      if (c !== 32 && c !== 9 && c !== 10) break;
      if (c === 10) newline = true;
      wordEnd--;
    }
    pushWord(word, spanStart, wordEnd);
    if (newline) {
      pushForced();
    } else if (wordEnd < bk.position) {
      pushGlue(segments[segmentAt[wordEnd]].style);
    } else if (bk.position < text.length && wordEnd > spanStart) {
      const trimmed = text.slice(spanStart, wordEnd);
      const style = segments[segmentAt[wordEnd - 1]].style;
      if (trimmed.endsWith('\u00AD')) {
        if (opts.hyphens !== 'none') {
          items.push({ kind: 'penalty', width: glyphWidth(fonts, style, '-'), penalty: hyphenPenalty, flagged: true, hyphen: { text: '-', style } });
        }
      } else if (hyphenLike.test(trimmed)) {
        items.push(explicitHyphenBreak);
      } else if (hangulBefore.test(trimmed) || hangulAfter.test(text.slice(bk.position, bk.position + 2))) {
        items.push(syllableBreak);
      } else {
        items.push(ideographic.test(trimmed) ? ideographicBreak : otherBreak);
      }
    }
  }
  pushForced();
  return { items, text, segments, words };
}

interface WordContext {
  items: Item[];
  words: number[];
  segments: Segment[];
  segmentAt: Int32Array;
  text: string;
  fonts: FontRegistry;
  opts: ItemOptions;
  /** Whether the paragraph has a character that is never drawn. */
  dropped: boolean;
}

/** Whether text[start, end) holds a character that is never drawn (soft hyphen, zero-width space…). */
function hasDroppedIn(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xad || c === 0x200b || c === 0x2060 || c === 0xfeff) return true;
  }
  return false;
}

/** `t` less the characters never drawn, when it has any. */
const cleaned = (t: string, hasDropped: boolean) => (hasDropped ? t.replace(droppedAll, '') : t);

/** Boxes for the word in text[start, end): one per style, or its characters when it fits on no line. */
function pushWord(w: WordContext, start: number, end: number): void {
  if (end <= start) return;
  const { items, segments, segmentAt, text, fonts, opts } = w;
  const hasDropped = w.dropped && hasDroppedIn(text, start, end);
  const room = opts.measure - Math.max(0, opts.indent);
  const seg = segmentAt[start];
  if (seg === segmentAt[end - 1]) {
    // A word in one style, as most are (segments are contiguous): no pieces to gather.
    const { style } = segments[seg];
    const raw = text.slice(start, end);
    const t = hasDropped ? raw.replace(droppedAll, '') : raw;
    const shape = t === '' ? null : fonts.shape(style.face, t);
    const width = shape === null ? 0 : shapeWidth(fonts, style, shape);
    if (width === 0 && t === '') return;
    if (width > room) {
      pushCharacters(items, [{ text: t, style }], fonts);
      return;
    }
    items.push({ kind: 'box', width, text: t, style, shape });
    if (opts.hyphens === 'auto' && !hasDropped) w.words.push(items.length - 1, start, seg);
    return;
  }
  const pieces: { text: string; style: RunStyle; segment: number; width: number }[] = [];
  let total = 0;
  for (let i = start; i < end; ) {
    const s = segmentAt[i];
    let j = i;
    while (j < end && segmentAt[j] === s) j++;
    const piece = text.slice(i, j);
    const width = glyphWidth(fonts, segments[s].style, cleaned(piece, hasDropped));
    pieces.push({ text: piece, style: segments[s].style, segment: s, width });
    total += width;
    i = j;
  }
  if (total === 0 && cleaned(text.slice(start, end), hasDropped) === '') return;
  if (total > room) {
    pushCharacters(items, pieces.map((p) => ({ text: cleaned(p.text, hasDropped), style: p.style })), fonts);
    return;
  }
  for (const piece of pieces) {
    items.push({ kind: 'box', width: piece.width, text: cleaned(piece.text, hasDropped), style: piece.style, shape: null });
    if (opts.hyphens === 'auto' && !hasDropped) w.words.push(items.length - 1, start, piece.segment);
  }
}

/** Last resort for a token wider than the measure: a break between any two characters. */
function pushCharacters(items: Item[], pieces: { text: string; style: RunStyle }[], fonts: FontRegistry): void {
  let first = true;
  for (const piece of pieces) {
    for (const cluster of piece.text.match(/\P{M}\p{M}*/gu) ?? []) {
      if (!first) items.push({ kind: 'penalty', width: 0, penalty: emergencyCharPenalty, flagged: false });
      items.push({ kind: 'box', width: glyphWidth(fonts, piece.style, cluster), text: cluster, style: piece.style, shape: null });
      first = false;
    }
  }
}
