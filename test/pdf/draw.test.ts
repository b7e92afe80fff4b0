import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, test } from 'vitest';
import { drawPdf, type PdfMeta } from '../../src/pdf/index.js';
import type { LineItem, Pages } from '../../src/typeset/types.js';
import { expectGolden } from '../golden.js';
import { info, objects, outlines, saved, words, xmpPacket } from './inspect.js';
import { tool } from './pages.js';
import { SPLIT_LINES, sampleImages, samplePages } from './sample.js';

const HOSTILE_TITLE = 'Talks <on> the "Sea" & \'Rivers\' 🌊 \u0001end';
const CLEAN_TITLE = 'Talks <on> the "Sea" & \'Rivers\' 🌊 end';

const meta: PdfMeta = {
  title: HOSTILE_TITLE,
  author: 'Embassy of the Example Republic & Co',
  subject: 'Maritime forum',
  keywords: ['forum', 'sea <policy>'],
  lang: 'en',
  date: '2021-04-07',
};

let pages: Pages;
let pdf: Buffer;
let file: string;

beforeAll(async () => {
  pages = samplePages(sampleImages());
  pdf = await drawPdf(pages, meta);
  file = saved(pdf);
});

describe('a drawn three-page release', () => {
  test('passes qpdf --check with no warnings', () => {
    // qpdf exits 3 on warnings, which tool() reports as a failure.
    expect(tool('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
  });

  test('embeds and subsets exactly the faces it uses, and no standard font', () => {
    const rows = tool('pdffonts', [file]).trim().split('\n').slice(2);
    const fonts = rows.map((row) => {
      const cols = row.trim().split(/\s+/);
      return { name: cols[0], emb: cols.at(-5), sub: cols.at(-4), uni: cols.at(-3) };
    });
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'NotoSerifKR-Regular',
      'Tinos-Bold',
      'Tinos-Italic',
      'Tinos-Regular',
    ]);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
      expect([font.emb, font.sub, font.uni]).toEqual(['yes', 'yes', 'yes']);
    }
    expect(pdf.includes('Helvetica')).toBe(false);
  });

  test('gives its text back in reading order, running heads and footers included', () => {
    const text = tool('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const expected = [
      'Embassy of the Example Republic',
      'Opening Speech Made by Someone at Some Conference',
      'Pyongyang, April 7 (KCNA)',
      'press@example.org',
      SPLIT_LINES[0],
      'Page 1 of 3',
      SPLIT_LINES[1],
      '1. First point of the agenda.',
      '한반도 평화와 협력을 위하여',
      'Page 2 of 3',
      '###',
      'Page 3 of 3',
    ];
    let at = 0;
    for (const piece of expected) {
      const found = text.indexOf(piece, at);
      expect(found, `"${piece}" after offset ${at}`).toBeGreaterThanOrEqual(at);
      at = found + piece.length;
    }
  });

  test('puts every word that starts a run at the run x (within 0.1 pt)', () => {
    const boxes = words(file);
    let checked = 0;
    for (const page of pages.pages) {
      for (const item of page.items) {
        if (item.kind !== 'line') continue;
        item.runs.forEach((run, i) => {
          const previous = item.runs[i - 1];
          // A run glued to the previous one (no space between) is part of that run's word.
          if (previous && !/\s$/.test(previous.text)) return;
          if (run.letterSpacing) return; // pdftotext splits letter-spaced text into letters
          const first = run.text.trim().split(/\s+/)[0];
          const box = boxes.find((w) => w.page === page.number && Math.abs(w.xMin - run.x) < 0.1 && w.text.startsWith(first));
          expect(box, `"${first}" at x=${run.x} on page ${page.number}`).toBeDefined();
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  test('sets each line on its baseline: the text matrix y is the page height less line.y', () => {
    const qdf = join(mkdtempSync(join(tmpdir(), 'pressroom-qdf-')), 'q.pdf');
    tool('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const contents = readFileSync(qdf, 'latin1').split(/%% Contents for page \d+/).slice(1);
    pages.pages.forEach((page, i) => {
      const ys = new Set([...contents[i].matchAll(/1 0 0 1 [\d.-]+ ([\d.-]+) Tm/g)].map((m) => Number(m[1]).toFixed(3)));
      const lines = page.items.filter((item): item is LineItem => item.kind === 'line');
      for (const line of lines) expect(ys.has((page.height - line.y).toFixed(3)), `baseline ${line.y}`).toBe(true);
    });
  });

  test('is tagged PDF 1.7 with the title shown and the language set', () => {
    const fields = info(file);
    expect(fields.get('Tagged')).toBe('yes');
    expect(fields.get('PDF version')).toBe('1.7');
    expect(fields.get('Title')).toBe(CLEAN_TITLE);
    expect(fields.get('Author')).toBe(meta.author);
    expect(fields.get('Producer')).toBe('pressroom');
    expect(fields.get('Pages')).toBe('3');
    expect(fields.get('CreationDate')).toMatch(/Apr\s+7 00:00:00 2021 UTC/);
    const catalog = Object.values(objects(file)).find((o) => isDict(o) && o['/Type'] === '/Catalog');
    expect(catalog).toMatchObject({ '/Lang': 'u:en' });
    expect(JSON.stringify(catalog)).toContain('/ViewerPreferences');
  });

  test('has the sRGB output intent PDF/A asks for', () => {
    const intent = Object.values(objects(file)).find((o) => isDict(o) && o['/Type'] === '/OutputIntent');
    expect(intent).toMatchObject({ '/S': '/GTS_PDFA1', '/OutputConditionIdentifier': 'u:sRGB IEC61966-2.1' });
  });

  test('has a structure tree in reading order, one element for a paragraph split across pages, no artifacts in it', () => {
    const tree = tool('pdfinfo', ['-struct-text', file]);
    const roles = tree
      .split('\n')
      .map((row) => row.trim().split(' ')[0].replace(/:$/, ''))
      .filter((role) => /^[A-Z][A-Za-z0-9]*$/.test(role));
    // "Object" is a Link's annotation (an OBJR kid).
    const link = ['Link', 'Object'];
    expect(roles).toEqual(['Document', 'H1', 'P', ...link, ...link, ...link, 'P', 'L', 'LI', 'LI', 'H2', 'P', 'Figure', 'Figure']);
    const split = tree.indexOf(`"${SPLIT_LINES[0]}"`);
    const next = tree.indexOf(`"${SPLIT_LINES[1]}"`);
    expect(split).toBeGreaterThan(0);
    // Both halves sit under the same P: nothing but white space between them.
    expect(tree.slice(split + SPLIT_LINES[0].length + 2, next).trim()).toBe('');
    expect(tree).not.toContain('Page 1 of 3');
    expect(tree).not.toContain('Embassy of the Example Republic');
  });

  test('gives figures their alt text and the Korean paragraph its language', () => {
    const all = Object.values(objects(file));
    const figures = all.filter((o) => isDict(o) && o['/S'] === '/Figure');
    expect(figures.map((f) => (f as Record<string, QpdfString>)['/Alt']).sort()).toEqual([
      'u:Emblem of the Example Republic',
      'u:Seal of the embassy',
    ]);
    // PDF/UA wants a figure's bounding box: the PNG sits at (72, 80), 48 pt square, on an A4 page.
    const png = figures.find((f) => (f as Record<string, unknown>)['/Alt'] === 'u:Emblem of the Example Republic');
    expect(png).toMatchObject({ '/A': { '/O': '/Layout', '/BBox': [72, 841.89 - 128, 120, 841.89 - 80] } });
    expect(all.some((o) => isDict(o) && o['/S'] === '/P' && o['/Lang'] === 'u:ko')).toBe(true);
  });

  test('makes live links, each tagged as a Link element', () => {
    const all = objects(file);
    const uris = Object.values(all)
      .filter((o) => isDict(o) && o['/S'] === '/URI')
      .map((o) => (o as Record<string, QpdfString>)['/URI']);
    expect(uris.sort()).toEqual(['u:https://example.org/forum', 'u:mailto:press@example.org', 'u:tel:+6560000000']);
    const annots = Object.values(all).filter((o) => isDict(o) && o['/Subtype'] === '/Link');
    expect(annots).toHaveLength(3);
    for (const annot of annots) expect(annot).toHaveProperty('/StructParent');
  });

  test('has an outline nested by level, pointing at the right pages', () => {
    const items = outlines(file);
    expect(items.map((i) => i.title)).toEqual(['Opening Speech Made by Someone at Some Conference']);
    expect(items[0].destpageposfrom1).toBe(1);
    expect(items[0].kids.map((k) => [k.title, k.destpageposfrom1])).toEqual([['Korean summary', 2]]);
    expect(items[0].dest.slice(1, 3)).toEqual(['/XYZ', 0]);
  });

  test('has well-formed XMP that agrees with the document info', () => {
    const values = parseXmp(xmpPacket(pdf));
    expect(values.get('dc:title')).toBe(CLEAN_TITLE);
    expect(values.get('dc:creator')).toBe(meta.author);
    expect(values.get('dc:description')).toBe('Maritime forum');
    expect(values.get('dc:date')).toBe('2021-04-07');
    expect(values.get('dc:language')).toBe('en');
    expect(values.get('dc:subject')).toBe('forum|sea <policy>');
    expect(values.get('pdf:Producer')).toBe('pressroom');
    expect(values.get('pdf:Keywords')).toBe('forum, sea <policy>');
    expect(values.get('xmp:CreateDate')).toBe('2021-04-07T00:00:00Z');
    expect(values.get('xmp:ModifyDate')).toBe('2021-04-07T00:00:00Z');
    expect(values.get('pdfaid:part')).toBe('2');
    expect(values.get('pdfaid:conformance')).toBe('B');
  });

  test('extracts to the reviewed text (golden)', () => {
    expectGolden('pdf/sample.txt', tool('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-']));
  });

  test('is byte-identical when drawn again', async () => {
    const again = await drawPdf(samplePages(sampleImages()), meta);
    expect(again.equals(pdf)).toBe(true);
  });
});

describe('dates', () => {
  test('SOURCE_DATE_EPOCH, when set, dates the document instead of the release date', async () => {
    const before = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1700000000';
    try {
      const dated = saved(await drawPdf(pages, meta));
      expect(info(dated).get('CreationDate')).toMatch(/Nov 14 22:13:20 2023 UTC/);
    } finally {
      if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = before;
    }
  });

  test('a release date that is not a calendar date is an error', async () => {
    await expect(drawPdf(pages, { ...meta, date: '2021-02-30' })).rejects.toThrow(/YYYY-MM-DD/);
  });
});

describe('print marks', () => {
  test('grow the media by bleed and slug, set TrimBox and BleedBox, and keep text on its trim position', async () => {
    const marked = saved(await drawPdf(pages, { ...meta, printMarks: true }));
    expect(tool('qpdf', ['--check', marked])).toContain('No syntax or stream encoding errors');
    const boxes = info(marked, '-box', '-f', '1', '-l', '1');
    const box = (name: string) => (boxes.get(`Page    1 ${name}`) ?? '').split(/\s+/).map(Number);
    const media = box('MediaBox');
    const trim = box('TrimBox');
    const bleed = box('BleedBox');
    const mm = 72 / 25.4;
    expect(trim[2] - trim[0]).toBeCloseTo(595.28, 1);
    expect(trim[0] - bleed[0]).toBeCloseTo(3 * mm, 1);
    expect(bleed[0] - media[0]).toBeGreaterThan(5 * mm);
    const title = words(marked).find((w) => w.page === 1 && w.text === 'Opening');
    expect(title?.xMin).toBeCloseTo(72 + trim[0], 1);
    // The crop marks are artifacts: the structure tree is the same as without marks.
    const elements = (path: string) => tool('pdfinfo', ['-struct', path]).replace(/^\s*\/BBox.*\n/gm, '');
    expect(elements(marked)).toBe(elements(file));
    const figureLeft = Number(/\/BBox \[([\d.]+)/.exec(tool('pdfinfo', ['-struct', marked]))?.[1]);
    expect(figureLeft).toBeCloseTo(72 + trim[0], 1);
  });
});

type QpdfString = string;

function isDict(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the packet with a conforming XML parser (which throws on anything ill-formed) and
 * returns each property's text; list items are joined with `|`.
 */
function parseXmp(xml: string): Map<string, string> {
  const parser = new SaxesParser({ xmlns: true });
  const values = new Map<string, string>();
  const open: string[] = [];
  let text = '';
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    open.push(tag.name);
    text = '';
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    open.pop();
    const property = tag.name === 'rdf:li' ? open.find((name) => !name.startsWith('rdf:') && !name.startsWith('x:')) : tag.name;
    if (property && (tag.name === 'rdf:li' || !['rdf:Alt', 'rdf:Seq', 'rdf:Bag', 'rdf:Description', 'rdf:RDF', 'x:xmpmeta'].includes(tag.name))) {
      const value = text.trim();
      if (tag.name === 'rdf:li') {
        const before = values.get(property);
        values.set(property, before === undefined ? value : `${before}|${value}`);
      } else if (value !== '' && !values.has(property)) {
        values.set(property, value);
      }
    }
    text = '';
  });
  parser.write(xml).close();
  return values;
}
