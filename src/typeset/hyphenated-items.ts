import type { FontRegistry } from '../fonts/registry.js';
import { hyphenationPoints, isUnhyphenatableToken } from './hyphenate.js';
import { glyphWidth, hyphenPenalty, type Item, type ParagraphItems, type WordBox } from './items.js';

/**
 * The items of a paragraph's hyphenating passes: those of its first pass with each word that
 * has hyphenation points split there. Everything else (break opportunities, spaces, widths) is
 * the same in both, so it is taken over rather than built again.
 */
export function hyphenateItems(paragraph: ParagraphItems, fonts: FontRegistry): Item[] {
  const { items, text, words } = paragraph;
  if (words.length === 0) return items;
  let noHyphens: Uint8Array | undefined; // read only once a word has points
  const out: Item[] = [];
  let copied = 0;
  let split = false;
  for (const word of words) {
    const points = hyphenationPoints(word.text, word.lang);
    if (points.length === 0) continue;
    noHyphens ??= unhyphenatable(text);
    if (noHyphens[word.start] === 1) continue;
    while (copied < word.index) out.push(items[copied++]);
    copied++; // the word's box, replaced by its pieces
    pushSplit(out, word, points, fonts);
    split = true;
  }
  if (!split) return items;
  while (copied < items.length) out.push(items[copied++]);
  return out;
}

/** 1 for each character of a token never hyphenated (a URL, an address, anything with a digit). */
function unhyphenatable(text: string): Uint8Array {
  const marks = new Uint8Array(text.length);
  for (const m of text.matchAll(/\S+/g)) {
    if (isUnhyphenatableToken(m[0])) marks.fill(1, m.index, m.index + m[0].length);
  }
  return marks;
}

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
