import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { drawPdf, type PdfMeta } from '../../src/pdf/index.js';
import type { ImageItem } from '../../src/typeset/types.js';
import { saved, words } from './inspect.js';
import { face, line, measure, pagesOf, structure, tool } from './pages.js';
import { sampleImages } from './sample.js';

const meta: PdfMeta = { title: 'Test', author: 'Issuer', lang: 'en', date: '2021-04-07' };
const regular = face('Tinos');
const bold = face('Tinos', 700);

describe('justified lines', () => {
  test('words of a run are set apart by the space width plus the line stretch', async () => {
    const stretch = 4.5;
    const size = 12;
    const first = 'Justified text spreads ';
    const second = ' over the measure';
    const justified = line(72, 100, 1, [{ text: first, face: regular, size }], { spaceStretch: stretch });
    // The second run starts with a space, which drawing must keep (PDFKit's wordSpacing would drop it).
    const x2 = 300;
    justified.runs.push({ ...justified.runs[0], x: x2, text: second, font: bold });
    const file = saved(await drawPdf(pagesOf([[justified]], structure(['P', 0])), meta));
    const space = measure(regular, size, ' ');
    const expected: [string, number][] = [];
    let x = 72;
    for (const word of first.trim().split(' ')) {
      expected.push([word, x]);
      x += measure(regular, size, word) + space + stretch;
    }
    const boldSpace = measure(bold, size, ' ');
    x = x2 + boldSpace + stretch;
    for (const word of second.trim().split(' ')) {
      expected.push([word, x]);
      x += measure(bold, size, word) + boldSpace + stretch;
    }
    const boxes = words(file);
    expect(boxes.map((w) => w.text)).toEqual(expected.map(([word]) => word));
    boxes.forEach((box, i) => expect(Math.abs(box.xMin - expected[i][1]), box.text).toBeLessThan(0.1));
  });
});

describe('font expansion', () => {
  test('an expanded run draws its glyphs and their letter-spacing Tz wider, its spaces not, and the next line at 100', async () => {
    const size = 12;
    const e = 1.02;
    // Wide gaps and tracking, so that an unscaled move or spacing would be off by more than 0.1 pt.
    const tracking = 1;
    const stretch = 20;
    const texts = ['Expanded ', 'glyphs ', 'keep their ', 'places'];
    const space = measure(regular, size, ' ');
    // The typesetter's model: a word's glyphs and the tracking after each scale by e; the space does not.
    const wordWidth = (word: string) => e * (measure(regular, size, word) + tracking * word.length);
    const expanded = line(72, 100, 1, [], { spaceStretch: stretch });
    const starts: [string, number][] = [];
    let x = 72;
    for (const text of texts) {
      const runX = x;
      for (const word of text.trim().split(' ')) {
        if (x !== runX) x += stretch; // a space inside the run is stretched like one between runs
        starts.push([word, x]);
        x += wordWidth(word) + space + tracking;
      }
      if (!text.endsWith(' ')) x -= space + tracking;
      expanded.runs.push({ x: runX, width: x - runX, text, font: regular, size, color: '#000000', letterSpacing: tracking, expansion: e, underline: false });
      x += stretch;
    }
    const plain = line(72, 130, 1, [{ text: 'Natural width', face: regular, size }]);
    const pdf = await drawPdf(pagesOf([[expanded, plain]], structure(['P', 0])), meta);
    const file = saved(pdf);
    const qdf = join(mkdtempSync(join(tmpdir(), 'pressroom-qdf-')), 'q.pdf');
    tool('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const content = readFileSync(qdf, 'latin1');
    expect(content).toMatch(/\b102 Tz\b/);
    expect(content).toMatch(/\b100 Tz\b/);
    // pdftotext splits letter-spaced text into letters: read letter boxes of each word.
    const boxes = words(file).filter((w) => w.page === 1);
    const first = boxes.filter((b) => b.yMin < 115);
    for (const [word, at] of starts) {
      expect(first.find((b) => Math.abs(b.xMin - at) < 0.1), `"${word}" at ${at}`).toBeDefined();
      // The word ends where its expanded glyphs end (the tracking after the last is a gap).
      expect(first.find((b) => Math.abs(b.xMax - (at + wordWidth(word) - e * tracking)) < 0.1), `end of "${word}"`).toBeDefined();
    }
    const natural = boxes.filter((b) => b.yMin > 115);
    expect(natural[0].xMin).toBeCloseTo(72, 1);
    expect(natural.at(-1)!.xMax).toBeCloseTo(72 + measure(regular, size, 'Natural width'), 1);
  });
});

describe('fonts', () => {
  test('a document with no text references no font at all', async () => {
    const rules = pagesOf([[{ kind: 'rule', x: 72, y: 100, width: 300, edge: { width: 1, style: 'solid', color: '#000000' } }]], structure());
    const pdf = await drawPdf(rules, meta);
    const file = saved(pdf);
    expect(tool('pdffonts', [file]).trim().split('\n')).toHaveLength(2);
    expect(pdf.includes('/Font')).toBe(false);
  });
});

describe('images', () => {
  test('several PNGs with alpha still give byte-identical files', async () => {
    const { png } = sampleImages();
    const items: ImageItem[] = [0, 1, 2, 3].map((i) => {
      const path = join(dirname(png), `copy-${i}.png`);
      copyFileSync(png, path);
      return { kind: 'image', x: 72 + 60 * i, y: 100, width: 40, height: 40 + i, path, alt: `Image ${i}`, struct: 1 + i };
    });
    const pages = pagesOf([items], structure(['Figure', 0], ['Figure', 0], ['Figure', 0], ['Figure', 0]));
    const first = await drawPdf(pages, meta);
    for (let i = 0; i < 8; i++) expect((await drawPdf(pages, meta)).equals(first)).toBe(true);
    expect(tool('qpdf', ['--check', saved(first)])).toContain('No syntax or stream encoding errors');
  });
});
