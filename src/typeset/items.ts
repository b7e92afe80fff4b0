import LineBreaker from 'linebreak';
import type { FontRegistry } from '../fonts/registry.js';
import { hyphenationPoints, isUnhyphenatableToken } from './hyphenate.js';
import type { RunStyle, Segment } from './itemise.js';

/** Knuth–Plass items. Boxes and glue carry the text and style they came from. */
export type Item =
  | { kind: 'box'; width: number; text: string; style: RunStyle | null }
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
  /** CSS `hyphens`: `auto` adds pattern hyphenation, `manual` honours only soft hyphens. */
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

const hyphenLike = /[-\u2010\u2013]$/;
const hangulBefore = /\p{Script=Hangul}$/u;
const hangulAfter = /^\p{Script=Hangul}/u;
const ideographic = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]$/u;
const dropped = /[\u00AD\u200B\u2060\uFEFF]/;
const droppedAll = /[\u00AD\u200B\u2060\uFEFF]/g;

export function glyphWidth(fonts: FontRegistry, style: RunStyle, text: string): number {
  if (text === '') return 0;
  const m = fonts.measureGlyphs(style.face, style.size, text);
  return m.width + style.letterSpacing * m.glyphs;
}

/** Turns a paragraph's segments into boxes, glue and penalties at its UAX #14 break opportunities. */
export function buildItems(segments: Segment[], fonts: FontRegistry, opts: ItemOptions): Item[] {
  const text = segments.map((s) => s.text).join('');
  const segmentAt = new Int32Array(text.length);
  let offset = 0;
  segments.forEach((s, i) => {
    segmentAt.fill(i, offset, offset + s.text.length);
    offset += s.text.length;
  });
  // Read only where words are hyphenated: the first pass of a paragraph does without.
  const noHyphens = new Uint8Array(opts.hyphens === 'auto' ? text.length : 0);
  if (opts.hyphens === 'auto') {
    for (const m of text.matchAll(/\S+/g)) {
      if (isUnhyphenatableToken(m[0])) noHyphens.fill(1, m.index, m.index + m[0].length);
    }
  }

  const items: Item[] = [];
  if (opts.indent !== 0) items.push({ kind: 'box', width: opts.indent, text: '', style: null });
  const pushGlue = (style: RunStyle) => {
    const last = items[items.length - 1];
    if (!last || last.kind !== 'box' || last.style === null) return; // spaces at a line start vanish
    const width = glyphWidth(fonts, style, ' ');
    items.push({ kind: 'glue', width, stretch: opts.justify ? width / 2 : 0, shrink: opts.justify ? width / 3 : 0, text: ' ', style });
  };
  const pushForced = () => {
    while (items.length > 0 && items[items.length - 1].kind === 'glue') items.pop();
    items.push({ kind: 'glue', width: 0, stretch: opts.fillStretch, shrink: 0, text: '', style: null });
    items.push({ kind: 'penalty', width: 0, penalty: forcedBreak, flagged: false });
  };

  const breaker = new LineBreaker(text);
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
    pushWord(items, segments, segmentAt, text, spanStart, wordEnd, noHyphens, fonts, opts);
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
        items.push({ kind: 'penalty', width: 0, penalty: explicitHyphenPenalty, flagged: true });
      } else if (hangulBefore.test(trimmed) || hangulAfter.test(text.slice(bk.position, bk.position + 2))) {
        items.push({ kind: 'penalty', width: 0, penalty: syllablePenalty, flagged: false, syllable: true });
      } else {
        items.push({ kind: 'penalty', width: 0, penalty: ideographic.test(trimmed) ? ideographicPenalty : otherPenalty, flagged: false });
      }
    }
  }
  pushForced();
  return items;
}

/** Boxes for the word in text[start, end): cut at style changes and hyphenation points. */
function pushWord(
  items: Item[],
  segments: Segment[],
  segmentAt: Int32Array,
  text: string,
  start: number,
  end: number,
  noHyphens: Uint8Array,
  fonts: FontRegistry,
  opts: ItemOptions,
): void {
  if (end <= start) return;
  const pieces: { text: string; style: RunStyle; lang: string; offset: number }[] = [];
  for (let i = start; i < end; ) {
    const seg = segmentAt[i];
    let j = i;
    while (j < end && segmentAt[j] === seg) j++;
    pieces.push({ text: text.slice(i, j), style: segments[seg].style, lang: segments[seg].lang, offset: i });
    i = j;
  }
  const hasDropped = dropped.test(text.slice(start, end));
  const clean = (t: string) => (hasDropped ? t.replace(droppedAll, '') : t);
  let total = 0;
  for (const p of pieces) total += glyphWidth(fonts, p.style, clean(p.text));
  if (total === 0 && clean(text.slice(start, end)) === '') return;
  if (total > opts.measure - Math.max(0, opts.indent)) {
    pushCharacters(items, pieces.map((p) => ({ text: clean(p.text), style: p.style })), fonts);
    return;
  }
  const hyphenate = opts.hyphens === 'auto' && noHyphens[start] === 0 && !hasDropped;
  for (const piece of pieces) {
    const points = hyphenate ? hyphenationPoints(piece.text, piece.lang) : [];
    if (points.length === 0) {
      const t = clean(piece.text);
      items.push({ kind: 'box', width: glyphWidth(fonts, piece.style, t), text: t, style: piece.style });
      continue;
    }
    let from = 0;
    let before = 0;
    for (const at of [...points, piece.text.length]) {
      // Widths from prefixes, so the pieces of an unbroken word add up to the word as shaped.
      const upTo = glyphWidth(fonts, piece.style, piece.text.slice(0, at));
      items.push({ kind: 'box', width: upTo - before, text: piece.text.slice(from, at), style: piece.style });
      if (at < piece.text.length) {
        const hyphenWidth = glyphWidth(fonts, piece.style, piece.text.slice(0, at) + '-') - upTo;
        items.push({ kind: 'penalty', width: hyphenWidth, penalty: hyphenPenalty, flagged: true, auto: true, hyphen: { text: '-', style: piece.style } });
      }
      from = at;
      before = upTo;
    }
  }
}

/** Last resort for a token wider than the measure: a break between any two characters. */
function pushCharacters(items: Item[], pieces: { text: string; style: RunStyle }[], fonts: FontRegistry): void {
  let first = true;
  for (const piece of pieces) {
    for (const cluster of piece.text.match(/\P{M}\p{M}*/gu) ?? []) {
      if (!first) items.push({ kind: 'penalty', width: 0, penalty: emergencyCharPenalty, flagged: false });
      items.push({ kind: 'box', width: glyphWidth(fonts, piece.style, cluster), text: cluster, style: piece.style });
      first = false;
    }
  }
}
