import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/document/types.js';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { dumpPages, typeset } from '../../src/typeset/index.js';
import type { LineItem, Pages } from '../../src/typeset/types.js';
import { makeDoc, para } from './helpers.js';

const fonts = loadFontRegistry();
const vocabulary = [
  'the', 'of', 'a', 'delegation', 'international', 'cooperation', 'representatives', 'Pyongyang', 'agreement,', 'talks.',
  'three-day', 'well\u00ADknown', '2021-04-07', 'press@example.org', 'https://example.org/news/2021/04/07/statement',
  '대한민국', '평화와', '안정을', 'Αθήνα', 'Москва', '(KCNA)', '--', 'implementation', 'on', 'and', 'environmental',
  'supercalifragilisticexpialidociousnessworthiness',
];
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: 1, maxLength: 60 }).map((cs) => cs.join('')) },
);
const paragraphText = fc.array(word, { minLength: 1, maxLength: 80 }).map((ws) => ws.join(' '));
const align = fc.constantFrom('justify' as const, 'left' as const, 'right' as const, 'center' as const);

const lines = (pages: Pages): LineItem[] => pages.pages.flatMap((p) => p.items.filter((i): i is LineItem => i.kind === 'line'));
const runsText = (l: LineItem) => l.runs.map((r) => r.text).join('');
const settings = { numRuns: Number(process.env.FC_RUNS ?? 40) };

describe('typesetting properties', () => {
  it('sets no line wider than its measure, and keeps every character in order', () => {
    fc.assert(
      fc.property(paragraphText, fc.integer({ min: 60, max: 460 }), align, fc.constantFrom(9, 11, 14), (t, measure, textAlign, fontSize) => {
        const pages = typeset(makeDoc([para(t, { textAlign, fontSize, lineHeight: fontSize * 1.3 })], { width: measure + 144 }), fonts);
        const ls = lines(pages);
        for (const l of ls) {
          const first = l.runs[0];
          const last = l.runs[l.runs.length - 1];
          expect(first.x).toBeGreaterThanOrEqual(l.x - 0.01);
          expect(last.x + last.width).toBeLessThanOrEqual(l.x + l.measure + 0.01);
          for (let i = 1; i < l.runs.length; i++) {
            // A justified space may shrink: only the visible part of the previous run must be cleared.
            const prev = l.runs[i - 1];
            const space = prev.text.endsWith(' ') ? fonts.measure(prev.font, prev.size, ' ') : 0;
            expect(l.runs[i].x).toBeGreaterThanOrEqual(prev.x + prev.width - space - 0.01);
          }
        }
        const setText = ls.map((l) => (l.hyphenated ? runsText(l).slice(0, -1) : runsText(l))).join('');
        expect(setText.replace(/\s/g, '')).toBe(t.replace(/[\s\u00AD]/g, ''));
      }),
      settings,
    );
  });

  it('places every block once and in order across pages', () => {
    fc.assert(
      fc.property(fc.array(paragraphText, { minLength: 1, maxLength: 8 }), fc.integer({ min: 6, max: 30 }), (texts, capacity) => {
        const blocks = texts.map((t) => para(t, { textAlign: 'left' }));
        const pages = typeset(makeDoc(blocks, { height: 144 + 14 * capacity }), fonts);
        const order = lines(pages).map((l) => l.struct);
        expect([...new Set(order)]).toEqual(texts.map((_, i) => i + 1));
        for (let i = 1; i < order.length; i++) expect(order[i]).toBeGreaterThanOrEqual(order[i - 1]);
        expect(pages.structure.length).toBe(texts.length + 1);
      }),
      settings,
    );
  });

  it('honours widows and orphans whenever the page has room for both', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(paragraphText, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 8, max: 20 }),
        (paras, capacity) => {
          const blocks: Block[] = paras.map(([t, widows, orphans]) => para(t, { widows, orphans, textAlign: 'left' }));
          const pages = typeset(makeDoc(blocks, { height: 144 + 14 * capacity }), fonts);
          blocks.forEach((_, b) => {
            const counts = pages.pages.map((p) => p.items.filter((i) => i.kind === 'line' && i.struct === b + 1).length).filter((c) => c > 0);
            if (counts.length < 2) return;
            expect(counts[0]).toBeGreaterThanOrEqual(paras[b][2]);
            expect(counts[counts.length - 1]).toBeGreaterThanOrEqual(paras[b][1]);
          });
        },
      ),
      settings,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(paragraphText, { minLength: 1, maxLength: 4 }), align, (texts, textAlign) => {
        const doc = () => makeDoc(texts.map((t) => para(t, { textAlign })), { height: 300 });
        expect(dumpPages(typeset(doc(), fonts))).toBe(dumpPages(typeset(doc(), fonts)));
      }),
      { numRuns: 15 },
    );
  });
});
