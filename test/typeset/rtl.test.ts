import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fontkitFont, loadFontRegistry } from '../../src/fonts/index.js';
import { drawPdf } from '../../src/pdf/index.js';
import { typeset } from '../../src/typeset/index.js';
import type { GlyphRun, LineItem, Pages } from '../../src/typeset/types.js';
import { saved, words } from '../pdf/inspect.js';
import { makeDoc, para } from './helpers.js';

const fonts = loadFontRegistry();
const lines = (pages: Pages): LineItem[] => pages.pages.flatMap((p) => p.items.filter((i): i is LineItem => i.kind === 'line'));
const rtlDoc = (texts: string[], textAlign: 'right' | 'justify' = 'right') => ({ ...makeDoc(texts.map((t) => para(t, { textAlign, hyphens: 'manual' }))), lang: 'he', dir: 'rtl' as const });

const hebrew = 'השגרירות הודיעה היום כי Pressroom תפרסם 2024 הודעות לעיתונות.';
const arabic = 'أعلنت السفارة اليوم عن برنامج التعاون الثقافي';

/** Runs of a line in logical order (the order their text reads in). */
function logical(line: LineItem, source: string): GlyphRun[] {
  return [...line.runs].sort((a, b) => source.indexOf(a.text.trim()) - source.indexOf(b.text.trim()));
}

describe('right-to-left paragraphs', () => {
  it('lays Hebrew runs out from the right, keeping an English word and a number left to right', () => {
    const pages = typeset(rtlDoc([hebrew]), fonts);
    expect(pages.warnings).toEqual([]);
    const [line] = lines(pages);
    const runs = line.runs;
    expect(runs.map((r) => r.text).join('').replace(/\s+/g, '')).not.toBe(hebrew.replace(/\s+/g, ''));
    // Right-aligned (start): the line ends at the measure's right edge.
    const right = Math.max(...runs.map((r) => r.x + r.width));
    expect(right).toBeCloseTo(line.x + line.measure, 1);
    // In logical order, x decreases: the first word is rightmost, "Pressroom" and "2024" each
    // sit left of the Hebrew before them and right of the Hebrew after them.
    const inOrder = logical(line, hebrew);
    for (let i = 1; i < inOrder.length; i++) expect(inOrder[i].x, inOrder[i].text).toBeLessThan(inOrder[i - 1].x);
    const latin = runs.find((r) => r.text.includes('Pressroom'))!;
    expect(latin.rtl).toBeUndefined();
    expect(runs.find((r) => /\p{Script=Hebrew}/u.test(r.text))!.rtl).toBe(true);
  });

  it('sets Arabic in Noto Naskh Arabic with joined letters', async () => {
    const pages = typeset(rtlDoc([arabic]), fonts);
    expect(pages.warnings).toEqual([]);
    const runs = lines(pages).flatMap((l) => l.runs);
    const arabicRuns = runs.filter((r) => /\p{Script=Arabic}/u.test(r.text));
    expect(arabicRuns.length).toBeGreaterThan(0);
    expect(arabicRuns.every((r) => r.font.family === 'Noto Naskh Arabic' && r.rtl)).toBe(true);
    // Shaped as a word, letters take their contextual forms: glyph ids differ from the isolated ones.
    const font = fontkitFont(arabicRuns[0].font);
    const word = 'السفارة';
    const joined = font.layout(word).glyphs.map((g) => g.id);
    const isolated = [...word].map((c) => font.layout(c).glyphs[0].id).reverse();
    expect(joined).not.toEqual(isolated);
  });

  it('draws the words right to left in the PDF, extractable in reading order', async () => {
    const pages = typeset(rtlDoc([hebrew, arabic], 'justify'), fonts);
    expect(pages.warnings).toEqual([]);
    const file = saved(await drawPdf(pages, { title: 'RTL', author: 'Issuer', lang: 'he', date: '2021-04-07' }));
    const found = words(file);
    // pdftotext -bbox gives each word's characters left to right as drawn: Hebrew ones reversed.
    const at = (w: string) => found.find((f) => f.text === w || [...f.text].reverse().join('') === w)!;
    // Logical order: השגרירות, הודיעה, …, Pressroom, תפרסם, 2024, הודעות.
    const order = ['השגרירות', 'הודיעה', 'היום', 'Pressroom', 'תפרסם', '2024', 'הודעות'];
    for (const w of order) expect(at(w), w).toBeDefined();
    for (let i = 1; i < order.length; i++) expect(at(order[i]).xMax, order[i]).toBeLessThan(at(order[i - 1]).xMin);
    // pdftotext itself puts right-to-left text back in reading order (adding embedding marks).
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    expect(text).toContain('השגרירות הודיעה היום כי');
    const positions = order.map((w) => text.indexOf(w));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions.every((p) => p >= 0)).toBe(true);
  });

  it('leaves left-to-right paragraphs without right-to-left letters as they were', () => {
    const doc = makeDoc([para('Plain English text (with 12 numbers) stays put.', { textAlign: 'left' })]);
    const runs = lines(typeset(doc, fonts))[0].runs;
    expect(runs.every((r) => r.rtl === undefined)).toBe(true);
    expect(runs[0].x).toBe(lines(typeset(doc, fonts))[0].x);
  });
});
