import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript without declarations
import { typoReport } from '../../bench/typo.js';
import { justified, natural, writeCourierPdf, type PlacedLine } from './courier-pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'pressroom-typo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const word = (length: number, letter: string) => letter.repeat(length);
/** 5+5+5+5+4+4 letters in 6 words: the gaps are exactly one Courier space (ratio 1). */
const evenLine = (top: number, letter: string) =>
  justified(top, [5, 5, 5, 5, 4, 4].map((length) => word(length, letter)));
const chrome = (page: number): PlacedLine[] => [natural(20, 'Test Doc'), natural(390, `Page ${page} of 3`, 120)];

/**
 * Page 1: paragraph A (spaces of 1, 2 and 1.25 normal spaces, the last two lines hyphenated),
 * paragraph B (one line), the first line of paragraph C alone at the foot (an orphan).
 * Page 2: the rest of C, then D whose last line goes over alone to page 3 (a widow).
 * Every page has a running head and a "Page N of 3" footer, which must not count.
 */
function writeSample(path: string) {
  writeCourierPdf(path, [
    [
      ...chrome(1),
      evenLine(60, 'a'),
      justified(72, ['bbbb', 'bbbb', 'bbbb', 'bbbb', 'bbbb', 'bb-']),
      justified(84, ['cccccc', 'cccccc', 'cccccc', 'ccccc', 'cccc-']),
      natural(96, 'the end of it.'),
      natural(116, 'one two three'),
      evenLine(136, 'd'),
    ],
    [...chrome(2), evenLine(60, 'e'), natural(72, 'end of c.'), evenLine(92, 'f'), evenLine(104, 'g')],
    [...chrome(3), natural(60, 'end of d.'), evenLine(80, 'h'), natural(92, 'the very end.')],
  ]);
}

describe('typographic report on a hand-made Courier PDF', () => {
  const path = join(dir, 'sample.pdf');
  writeSample(path);
  const report = typoReport(path);

  it('finds the column, the paragraphs and drops the running head and footer', () => {
    expect(report.pages).toBe(3);
    expect(report.column).toEqual({ left: 50, right: 248 });
    expect(report.paragraphs).toBe(5);
    expect(report.details.runningLines).toHaveLength(6);
  });

  it('takes the normal space from the natural-width last lines', () => {
    expect(report.normalSpace.pt).toBe(6);
  });

  it('measures the spaces of the eight justified lines', () => {
    expect(report.justifiedLines).toBe(8);
    expect(report.maxSpace).toBe(2);
    expect(report.minSpace).toBe(1);
    // 5 gaps of 1, 5 of 2, 4 of 1.25 and 25 of 1: 45 / 39.
    expect(report.meanSpace).toBe(1.15);
    expect(report.looseLines).toBe(1);
  });

  it('counts hyphenated ends and their longest run', () => {
    expect(report.hyphenatedEnds).toBe(2);
    expect(report.longestHyphenRun).toBe(2);
  });

  it('finds the orphan at the foot of page 1 and the widow at the head of page 3', () => {
    expect(report.details.orphans).toEqual([{ page: 1, text: 'ddddd ddddd ddddd ddddd dddd dddd' }]);
    expect(report.details.widows).toEqual([{ page: 3, text: 'end of d.' }]);
    expect(report.orphans).toBe(1);
    expect(report.widows).toBe(1);
  });

  it('uses a given normal space instead of the estimate', () => {
    const given = typoReport(path, { spaceWidth: 3 });
    expect(given.normalSpace).toEqual({ pt: 3, source: 'given' });
    expect(given.maxSpace).toBe(4);
  });
});

describe('typographic report on a WeasyPrint PDF (test/bench/fixtures/orphan-widow.html)', () => {
  const report = typoReport(join(import.meta.dirname, 'fixtures', 'orphan-widow.pdf'));

  it('finds the orphan and the widow the fixture was made to have', () => {
    expect(report.details.orphans).toEqual([{ page: 1, text: 'The Sixth Conference of Cell Secretaries of the' }]);
    expect(report.details.widows).toEqual([{ page: 3, text: 'and development of our country.' }]);
  });

  it('drops the "Page N of 3" footers', () => {
    expect(report.details.runningLines).toEqual(['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3']);
  });

  it("measures Tinos's normal space: 512/2048 em at 12 pt", () => {
    expect(report.normalSpace.pt).toBe(3);
  });

  it('counts the hyphenated ends al‐ mem‐ (a run of two) and Confer‐', () => {
    expect(report.hyphenatedEnds).toBe(3);
    expect(report.longestHyphenRun).toBe(2);
  });
});
