import type { TextShape } from '../fonts/measure.js';
import type { FontRegistry } from '../fonts/registry.js';
import { hyphenationPoints, isUnhyphenatableToken } from './hyphenate.js';
import { hyphenPenalty, shapeWidth, type Item, type ParagraphItems } from './items.js';
import type { RunStyle } from './itemise.js';
import { isWhiteSpace } from './white-space.js';

/**
 * The items of a paragraph's hyphenating passes: those of its first pass with each word that
 * has hyphenation points split there. Everything else (break opportunities, spaces, widths) is
 * the same in both, so it is taken over rather than built again.
 */
export function hyphenateItems(paragraph: ParagraphItems, fonts: FontRegistry): Item[] {
  const { items, text, words, segments } = paragraph;
  if (words.length === 0) return items;
  const unhyphenatable = new Map<number, boolean>(); // by token start
  const out: Item[] = [];
  let copied = 0;
  let split = false;
  for (let k = 0; k < words.length; k += 3) {
    const index = words[k];
    // A listed word has no character that is dropped, so its box's text is the word's.
    const box = items[index] as Box;
    const word = splitOf(box, segments[words[k + 2]].lang);
    if (word.points.length === 0) continue;
    if (inUnhyphenatableToken(text, words[k + 1], unhyphenatable)) continue;
    while (copied < index) out.push(items[copied++]);
    copied++; // the word's box, replaced by its pieces
    pushSplit(out, box, word, fonts);
    split = true;
  }
  if (!split) return items;
  while (copied < items.length) out.push(items[copied++]);
  return out;
}

type Box = Extract<Item, { kind: 'box' }>;

/** A word's hyphenation points and, once it has been split, the shapes its pieces are measured from. */
interface WordSplit {
  lang: string;
  points: number[];
  /** Shapes of the word's text up to each point, then with a hyphen after, in turn; then the whole word's. */
  shapes: TextShape[] | undefined;
}

/**
 * Splits by the shape of the word's box (one per face and text): a batch's releases hyphenate
 * the same words, each of which was looked up once per prefix, with and without its hyphen.
 */
const splits = new WeakMap<TextShape, WordSplit>();

function splitOf(box: Box, lang: string): WordSplit {
  const known = box.shape && splits.get(box.shape);
  if (known && known.lang === lang) return known;
  const split: WordSplit = { lang, points: hyphenationPoints(box.text, lang), shapes: undefined };
  if (box.shape) splits.set(box.shape, split);
  return split;
}

/**
 * Whether text[at] is in a token (a run of non-space characters, as /\S+/ finds them) that is
 * never hyphenated: a URL, an address, anything with a digit. Tokens are judged once (`known`).
 */
function inUnhyphenatableToken(text: string, at: number, known: Map<number, boolean>): boolean {
  if (isWhiteSpace(text.charCodeAt(at))) return false;
  let start = at;
  while (start > 0 && !isWhiteSpace(text.charCodeAt(start - 1))) start--;
  let answer = known.get(start);
  if (answer === undefined) {
    token.lastIndex = start;
    answer = isUnhyphenatableToken(token.exec(text)![0]); // text[start] is not white space
    known.set(start, answer);
  }
  return answer;
}

/** The token from `lastIndex` on. */
const token = /\S+/y;

/** The word's pieces between its hyphenation points, each point a flagged penalty with the hyphen's width. */
function pushSplit(items: Item[], box: Box, split: WordSplit, fonts: FontRegistry): void {
  const { text } = box;
  const style = box.style!;
  const { points } = split;
  // Widths from prefixes, so the pieces of an unbroken word add up to the word as shaped.
  const shapes = (split.shapes ??= prefixShapes(text, style, points, fonts));
  // One hyphen for the word's points: items are never changed once made.
  const hyphen = { text: '-', style };
  let from = 0;
  let before = 0;
  for (let k = 0; k <= points.length; k++) {
    const at = k < points.length ? points[k] : text.length;
    const upTo = shapeWidth(fonts, style, shapes[2 * k]);
    items.push({ kind: 'box', width: upTo - before, text: text.slice(from, at), style, shape: null });
    if (at < text.length) {
      const hyphenWidth = shapeWidth(fonts, style, shapes[2 * k + 1]) - upTo;
      items.push({ kind: 'penalty', width: hyphenWidth, penalty: hyphenPenalty, flagged: true, auto: true, hyphen });
    }
    from = at;
    before = upTo;
  }
}

/** WordSplit.shapes of `text`, shaped in the order measuring them one by one would. */
function prefixShapes(text: string, style: RunStyle, points: number[], fonts: FontRegistry): TextShape[] {
  const shapes: TextShape[] = [];
  for (const at of points) {
    const prefix = text.slice(0, at);
    shapes.push(fonts.shape(style.face, prefix), fonts.shape(style.face, prefix + '-'));
  }
  shapes.push(fonts.shape(style.face, text));
  return shapes;
}
