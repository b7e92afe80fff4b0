import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../../src/epub/png.js';
import type { PageItem, Pages } from '../../src/typeset/types.js';
import { face, line, pagesOf, structure } from './pages.js';

const regular = face('Tinos');
const bold = face('Tinos', 700);
const italic = face('Tinos', 400, 'italic');
const hangul = face('Noto Serif KR');

/** A small RGBA PNG (a red square fading out), so the alpha-channel path of PDFKit is used. */
function png(size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) rows.push(200, 30, 30, Math.round((255 * (x + 1)) / size));
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">
<circle cx="50" cy="50" r="45" fill="#1f4e79"/><path d="M20 50 L80 50" stroke="#ffffff" stroke-width="8"/></svg>`;

/** Image files for the sample, written once into a temporary folder. */
export function sampleImages(): { png: string; svg: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-pdf-'));
  const files = { png: join(dir, 'emblem.png'), svg: join(dir, 'seal.svg') };
  writeFileSync(files.png, png(16));
  writeFileSync(files.svg, SVG);
  return files;
}

export const BODY_1 = 'Pyongyang, April 7 (KCNA) -- The forum opened with a speech on ';
export const SPLIT_LINES = ['This paragraph starts on the first page and its', 'last line is set on the second page.'];

/**
 * A three-page release as the typesetter would give it: letterhead, title, rule, a paragraph
 * with a link, a paragraph split across pages 1 and 2, a list, a Hangul line, two figures,
 * running heads and footers.
 */
export function samplePages(images: { png: string; svg: string }): Pages {
  const nodes = structure(
    ['H1', 0], // 1 title
    ['P', 0], // 2 body paragraph with link
    ['P', 0], // 3 split across pages
    ['L', 0], // 4
    ['LI', 4], // 5
    ['LI', 4], // 6
    ['H2', 0], // 7
    ['P', 0], // 8 Hangul
    ['Figure', 0], // 9 PNG
    ['Figure', 0], // 10 SVG
  );
  nodes[8].lang = 'ko';
  nodes[10].alt = 'Seal of the embassy';
  const footer = (n: number): PageItem =>
    line(280, 810, 0, [{ text: `Page ${n} of 3`, face: regular, size: 9 }], { artifact: 'footer' });
  const header = line(72, 40, 0, [{ text: 'Embassy of the Example Republic', face: italic, size: 9 }], {
    artifact: 'header',
  });
  const page1: PageItem[] = [
    header,
    line(72, 120, 1, [
      { text: 'Opening Speech Made by ', face: regular, size: 18 },
      { text: 'Someone at Some Conference', face: bold, size: 18 },
    ]),
    { kind: 'rule', x: 72, y: 135, width: 451, edge: { width: 1, style: 'solid', color: '#000000' } },
    { kind: 'rule', x: 72, y: 140, width: 451, edge: { width: 3, style: 'double', color: '#333333' } },
    line(72, 170, 2, [{ text: BODY_1, face: regular }]),
    line(72, 184, 2, [
      { text: 'maritime cooperation. Write to ', face: regular },
      { text: 'press@example.org', face: regular, color: '#1f4e79', link: 'mailto:press@example.org', underline: true },
      { text: ' or call ', face: regular },
      { text: '+65 6000 0000', face: bold, link: 'tel:+6560000000' },
      { text: '.', face: regular },
    ]),
    line(72, 198, 2, [
      { text: 'See ', face: regular },
      { text: 'https://example.org/forum', face: italic, link: 'https://example.org/forum' },
      { text: ' for the ', face: regular },
      { text: 'SPACED', face: regular, letterSpacing: 2 },
      { text: ' programme.', face: regular },
    ]),
    line(72, 790, 3, [{ text: SPLIT_LINES[0], face: regular }]),
    footer(1),
  ];
  const page2: PageItem[] = [
    header,
    line(72, 80, 3, [{ text: SPLIT_LINES[1], face: regular }]),
    line(90, 110, 5, [{ text: '1. First point of the agenda.', face: regular }]),
    line(90, 124, 6, [{ text: '2. Second point of the agenda.', face: regular }]),
    line(72, 160, 7, [{ text: 'Korean summary', face: bold, size: 14 }]),
    line(72, 184, 8, [{ text: '한반도 평화와 협력을 위하여', face: hangul }]),
    footer(2),
  ];
  const page3: PageItem[] = [
    header,
    { kind: 'image', x: 72, y: 80, width: 48, height: 48, path: images.png, alt: 'Emblem of the Example Republic', struct: 9 },
    { kind: 'image', x: 140, y: 80, width: 48, height: 48, path: images.svg, alt: '', struct: 10 },
    { kind: 'rule', x: 72, y: 150, width: 200, edge: { width: 1, style: 'dashed', color: '#000000' } },
    { kind: 'rule', x: 72, y: 160, width: 200, edge: { width: 1.5, style: 'dotted', color: '#000000' } },
    line(72, 190, 2, [{ text: '###', face: regular }]),
    footer(3),
  ];
  return pagesOf([page1, page2, page3], nodes, [
    { title: 'Opening Speech Made by Someone at Some Conference', level: 1, page: 1, y: 100 },
    { title: 'Korean summary', level: 2, page: 2, y: 145 },
  ]);
}
