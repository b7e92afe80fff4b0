import { copyFileSync } from 'node:fs';
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
