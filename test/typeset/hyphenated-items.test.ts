import { describe, expect, it } from 'vitest';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { hyphenationPoints } from '../../src/typeset/hyphenate.js';
import { hyphenateItems } from '../../src/typeset/hyphenated-items.js';
import { itemise, type TypesetContext } from '../../src/typeset/itemise.js';
import { buildItems, wordBoxes, type Item, type ParagraphItems } from '../../src/typeset/items.js';
import { style, text } from './helpers.js';

const fonts = loadFontRegistry();
const ctx: TypesetContext = { fonts, lang: 'en', missingGlyph: () => {} };

function paragraph(content: string, hyphens: 'manual' | 'auto' = 'auto') {
  const segments = itemise([text(content), text(' and emphasised cooperation', { fontStyle: 'italic' })], style(), ctx);
  return buildItems(segments, fonts, { measure: 300, indent: 0, justify: true, hyphens, fillStretch: 1e6 });
}

const boxTexts = (items: Item[]) => items.filter((i) => i.kind === 'box').map((i) => i.text);

describe('hyphenateItems', () => {
  it('splits each listed word at its hyphenation points and keeps every other item', () => {
    const built = paragraph('The representatives discussed international cooperation at https://example.org/international today.');
    const items = hyphenateItems(built, fonts);
    expect(boxTexts(items).join('')).toBe(boxTexts(built.items).join(''));
    expect(items.filter((i) => i.kind !== 'box' && !(i.kind === 'penalty' && i.auto))).toEqual(built.items.filter((i) => i.kind !== 'box'));
    const auto = items.filter((i) => i.kind === 'penalty' && i.auto).length;
    // Pieces of the URL (it breaks after its slash) are never hyphenated.
    const url = built.text.indexOf('https:');
    const inUrl = (start: number) => start >= url && start < built.text.indexOf(' ', url);
    const expected = wordBoxes(built).reduce((n, w) => n + (inUrl(w.start) ? 0 : hyphenationPoints(w.text, w.lang).length), 0);
    expect(auto).toBe(expected);
    expect(auto).toBeGreaterThan(5);
    expect(boxTexts(items)).toContain('international');
  });

  it('gives pieces whose widths add up to the word as shaped', () => {
    const built = paragraph('Representatives');
    const items = hyphenateItems(built, fonts);
    const word = built.items.find((i) => i.kind === 'box' && i.text === 'Representatives')!;
    const pieces = items.slice(0, items.findIndex((i) => i.kind === 'glue')).filter((i) => i.kind === 'box');
    expect(pieces.map((p) => p.text)).toEqual(['Rep', 're', 'sen', 'ta', 'tives']);
    expect(pieces.reduce((w, p) => w + p.width, 0)).toBeCloseTo(word.width, 9);
  });

  it('returns the first pass items when no word has a hyphenation point, and lists none under manual', () => {
    const built = paragraph('A short one');
    expect(built.words.length).toBeGreaterThan(0);
    const short: ParagraphItems = { ...built, words: wordBoxes(built).flatMap((w, i) => (w.text.length < 6 ? built.words.slice(3 * i, 3 * i + 3) : [])) };
    expect(short.words.length).toBeGreaterThan(0);
    expect(hyphenateItems(short, fonts)).toBe(built.items);
    expect(paragraph('Representatives', 'manual').words).toEqual([]);
  });
});
