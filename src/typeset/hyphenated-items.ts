import type { FontRegistry } from '../fonts/registry.js';
import { hyphenationPoints, isUnhyphenatableToken } from './hyphenate.js';
import { glyphWidth, hyphenPenalty, type Item, type ParagraphItems, type WordBox } from './items.js';
import { isWhiteSpace } from './white-space.js';

/**
 * The items of a paragraph's hyphenating passes: those of its first pass with each word that
 * has hyphenation points split there. Everything else (break opportunities, spaces, widths) is
 * the same in both, so it is taken over rather than built again.
 */
export function hyphenateItems(paragraph: ParagraphItems, fonts: FontRegistry): Item[] {
  const { items, text, words } = paragraph;
  if (words.length === 0) return items;
  const unhyphenatable = new Map<number, boolean>(); // by token start
  const out: Item[] = [];
  let copied = 0;
  let split = false;
  for (const word of words) {
    const points = hyphenationPoints(word.text, word.lang);
    if (points.length === 0) continue;
    if (inUnhyphenatableToken(text, word.start, unhyphenatable)) continue;
    while (copied < word.index) out.push(items[copied++]);
    copied++; // the word's box, replaced by its pieces
    pushSplit(out, word, points, fonts);
    split = true;
  }
  if (!split) return items;
  while (copied < items.length) out.push(items[copied++]);
  return out;
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
function pushSplit(items: Item[], word: WordBox, points: number[], fonts: FontRegistry): void {
  const { text, style } = word;
  let from = 0;
  let before = 0;
  for (const at of [...points, text.length]) {
    // Widths from prefixes, so the pieces of an unbroken word add up to the word as shaped.
    const upTo = glyphWidth(fonts, style, text.slice(0, at));
    items.push({ kind: 'box', width: upTo - before, text: text.slice(from, at), style });
    if (at < text.length) {
      const hyphenWidth = glyphWidth(fonts, style, text.slice(0, at) + '-') - upTo;
      items.push({ kind: 'penalty', width: hyphenWidth, penalty: hyphenPenalty, flagged: true, auto: true, hyphen: { text: '-', style } });
    }
    from = at;
    before = upTo;
  }
}
