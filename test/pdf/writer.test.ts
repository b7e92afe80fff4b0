import { beforeAll, describe, expect, test } from 'vitest';
import { bundlePages } from '../support/bundle-pages.js';
import { drawPdf, PdfWriter, type PdfMeta } from '../../src/pdf/index.js';
import type { Pages } from '../../src/typeset/types.js';
import { objects, outlines, saved, type OutlineItem } from './inspect.js';
import { face, line, pagesOf, structure, tool } from './pages.js';
import { sampleImages, samplePages } from './sample.js';

const meta: PdfMeta = { title: 'Spring', author: 'Issuer', lang: 'en', date: '2021-04-07' };

/** Three releases: the sample in English, a two-page one in German with no outline, the sample in French. */
function releases(): Pages[] {
  const images = sampleImages();
  const first = samplePages(images);
  const nodes = structure(['H1', 0], ['P', 0]);
  const regular = face('Tinos');
  const second: Pages = {
    ...pagesOf(
      [
        [line(72, 100, 1, [{ text: 'Zweite Mitteilung', face: regular, size: 18 }]), line(72, 140, 2, [{ text: 'Erster Absatz der Mitteilung', face: regular }])],
        [line(72, 100, 2, [{ text: 'und sein Ende auf der zweiten Seite.', face: face('Arimo') }])],
      ],
      nodes,
    ),
    lang: 'de',
    title: 'Zweite Mitteilung',
  };
  const third: Pages = { ...samplePages(images), lang: 'fr', title: 'Third' };
  third.outline = third.outline.map((entry) => ({ ...entry, title: `${entry.title} (fr)` }));
  return [first, second, third];
}

/** Outline entries without the page objects' numbers, which may differ between two files. */
function entries(items: OutlineItem[]): unknown[] {
  return items.map((item) => ({ title: item.title, page: item.destpageposfrom1, at: item.dest.slice(1), kids: entries(item.kids) }));
}

let before: string;
let after: string;

beforeAll(async () => {
  // Before: every release typeset, merged by bundlePages and drawn at once.
  before = saved(await drawPdf(bundlePages(releases(), 'Spring'), meta));
  const writer = new PdfWriter(meta, { sections: true });
  for (const release of releases()) await writer.add(release);
  expect(writer.pages).toBe(8);
  after = saved(await writer.end());
});

describe('a bundle drawn release by release', () => {
  test('passes qpdf --check', () => {
    expect(tool('qpdf', ['--check', after])).toContain('No syntax or stream encoding errors');
  });

  test('has the pages and text of the bundle drawn at once', () => {
    const pages = (file: string) => tool('pdfinfo', [file]).match(/^Pages:\s+(\d+)/m)?.[1];
    expect(pages(after)).toBe('8');
    expect(pages(after)).toBe(pages(before));
    const text = tool('pdftotext', ['-layout', after, '-']);
    expect(text).toContain('Zweite Mitteilung');
    expect(text).toBe(tool('pdftotext', ['-layout', before, '-']));
  });

  test('has the same outline: each release a level-1 entry, pages counted through', () => {
    const outline = outlines(after);
    expect(entries(outline)).toEqual(entries(outlines(before)));
    expect(outline.map((item) => [item.title, item.destpageposfrom1, item.kids.map((kid) => kid.destpageposfrom1)])).toEqual([
      ['Opening Speech Made by Someone at Some Conference', 1, [2]],
      ['Zweite Mitteilung', 4, []],
      ['Opening Speech Made by Someone at Some Conference (fr)', 6, [7]],
    ]);
  });

  test('has the same structure: one Document, a Sect per release in its language', () => {
    expect(tool('pdfinfo', ['-struct-text', after])).toBe(tool('pdfinfo', ['-struct-text', before]));
    const tree = tool('pdfinfo', ['-struct', after]).split('\n');
    expect(tree[0]).toBe('Document');
    expect(tree.filter((row) => /^ {2}\S/.test(row))).toEqual(['  Sect', '  Sect', '  Sect']);
    const langs = (file: string) =>
      Object.values(objects(file))
        .filter((o): o is Record<string, string> => typeof o === 'object' && o !== null && !Array.isArray(o) && o['/S'] === '/Sect')
        .map((o) => o['/Lang'])
        .sort();
    expect(langs(after)).toEqual(['u:de', 'u:en', 'u:fr']);
    expect(langs(after)).toEqual(langs(before));
  });

  test('embeds the fonts of every release', () => {
    const fonts = (file: string) =>
      tool('pdffonts', [file])
        .split('\n')
        .slice(2)
        .map((row) => row.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''))
        .filter(Boolean)
        .sort();
    expect(fonts(after)).toContain('Arimo-Regular');
    expect(fonts(after)).toEqual(fonts(before));
  });
});

describe('PdfWriter', () => {
  test('for one release gives the bytes of drawPdf', async () => {
    const pages = samplePages(sampleImages());
    const writer = new PdfWriter(meta, { lang: pages.lang });
    await writer.add(pages);
    expect((await writer.end()).equals(await drawPdf(pages, meta))).toBe(true);
  });

  test('takes one release only without sections, and refuses to end with no page', async () => {
    const writer = new PdfWriter(meta);
    await expect(writer.end()).rejects.toThrow(/nothing to draw/);
    const single = new PdfWriter(meta);
    await single.add(releases()[1]);
    await expect(single.add(releases()[1])).rejects.toThrow(/one release/);
  });
});
