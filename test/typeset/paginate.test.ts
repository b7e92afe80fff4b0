import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/document/types.js';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { imageSize } from '../../src/typeset/images.js';
import { typeset } from '../../src/typeset/index.js';
import type { LineItem, Page, Pages, RuleItem } from '../../src/typeset/types.js';
import { heading, lorem, makeDoc, para, style } from './helpers.js';

const fonts = loadFontRegistry();
const bodyLines = (page: Page): LineItem[] => page.items.filter((i): i is LineItem => i.kind === 'line' && !i.artifact);
const textOf = (l: LineItem) => l.runs.map((r) => r.text).join('');
/** A page whose body holds exactly `n` 14pt lines. */
const linesPage = (n: number) => ({ height: 144 + 14 * n });

function roleAt(pages: Pages, l: LineItem): string {
  return pages.structure[l.struct].role;
}

describe('pagination', () => {
  it('fills pages top to bottom within the margins', () => {
    const pages = typeset(makeDoc([para(lorem.repeat(6))], linesPage(10)), fonts);
    expect(pages.pages.length).toBeGreaterThan(2);
    for (const page of pages.pages) {
      for (const l of bodyLines(page)) {
        expect(l.y - 0.1).toBeGreaterThan(72);
        expect(l.y + l.descent).toBeLessThanOrEqual(page.height - 72 + 0.01);
      }
    }
  });

  it('never leaves a heading last on a page (keep with next)', () => {
    const blocks = [para(lorem.slice(0, 560)), heading('Background to the Visit', 2, { margin: { top: 0, right: 0, bottom: 0, left: 0 }, lineHeight: 14 }), para(lorem)];
    for (let n = 5; n <= 12; n++) {
      const pages = typeset(makeDoc(blocks, linesPage(n)), fonts);
      for (const page of pages.pages) {
        const ls = bodyLines(page);
        const at = ls.findIndex((l) => roleAt(pages, l) === 'H2');
        if (at >= 0) expect(ls.length - at).toBeGreaterThanOrEqual(3); // heading and two lines (orphans) together
      }
    }
  });

  it('honours widows and orphans', () => {
    for (const n of [7, 8, 9, 10, 11]) {
      const pages = typeset(makeDoc([para(lorem.slice(0, 450)), para(lorem, { widows: 3, orphans: 3 })], linesPage(n)), fonts);
      const counts = pages.pages.map((p) => bodyLines(p).filter((l) => l.struct === 2).length).filter((c) => c > 0);
      if (counts.length > 1) {
        expect(counts[0]).toBeGreaterThanOrEqual(3);
        expect(counts.at(-1)).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('moves a break-inside: avoid block whole to the next page when it fits on one', () => {
    const box: Block = { ...para(lorem), style: style({ breakInside: 'avoid' }) } as Block;
    const pages = typeset(makeDoc([para(lorem.slice(0, 400)), box], linesPage(12)), fonts);
    const pagesOfBox = pages.pages.filter((p) => bodyLines(p).some((l) => l.struct === 2));
    expect(pagesOfBox.length).toBe(1);
    const tall = typeset(makeDoc([para(lorem.slice(0, 400)), { ...box, inlines: [...(box as { inlines: [] }).inlines, ...(box as { inlines: [] }).inlines] } as Block], linesPage(6)), fonts);
    expect(tall.pages.length).toBeGreaterThan(2); // too tall for any page: it breaks
  });

  it('starts a new page for break-before: page, keeping the block margin', () => {
    const pages = typeset(makeDoc([para('One.'), para('Two.', { breakBefore: 'page', margin: { top: 10, right: 0, bottom: 0, left: 0 } })]), fonts);
    expect(pages.pages.length).toBe(2);
    expect(textOf(bodyLines(pages.pages[1])[0])).toBe('Two.');
  });

  it('collapses adjoining vertical margins and drops them at the top of a continued page', () => {
    const m = (top: number, bottom: number) => ({ margin: { top, right: 0, bottom, left: 0 } });
    const pages = typeset(makeDoc([para('One.', m(0, 20)), para('Two.', m(12, 0)), para('Three.', m(30, 5))]), fonts);
    const [one, two, three] = bodyLines(pages.pages[0]);
    expect(two.y - one.y).toBeCloseTo(14 + 20, 6);
    expect(three.y - two.y).toBeCloseTo(14 + 30, 6);
    const nested: Block = { kind: 'container', role: 'Div', style: style(m(25, 0)), children: [para('Inner.', m(10, 0))], classes: [] };
    const withParent = typeset(makeDoc([para('One.'), nested]), fonts);
    const [a, b] = bodyLines(withParent.pages[0]);
    expect(b.y - a.y).toBeCloseTo(14 + 25, 6);
  });

  it('draws borders and hr as rules, padding inside them', () => {
    const boxed = para('Boxed.', { borderTop: { width: 1, style: 'solid', color: '#333333' }, borderBottom: { width: 2, style: 'double', color: '#000000' }, padding: { top: 4, right: 0, bottom: 6, left: 10 } });
    const hr: Block = { kind: 'rule', style: style({ margin: { top: 6, right: 0, bottom: 6, left: 0 } }), classes: [] };
    const pages = typeset(makeDoc([boxed, hr]), fonts);
    const items = pages.pages[0].items;
    expect(items.map((i) => i.kind)).toEqual(['rule', 'line', 'rule', 'rule']);
    const [top, line, bottom, rule] = items as [RuleItem, LineItem, RuleItem, RuleItem];
    expect(top.y).toBeCloseTo(72 + 0.5, 6);
    expect(line.x).toBeCloseTo(82, 6);
    expect(line.y - 10.6).toBeGreaterThan(72 + 1 + 4 - 14);
    expect(bottom.y).toBeCloseTo(72 + 1 + 4 + 14 + 6 + 1, 6);
    expect(rule.edge).toEqual({ width: 0.75, style: 'solid', color: '#000000' });
    expect(rule.y).toBeCloseTo(72 + 1 + 4 + 14 + 6 + 2 + 6 + 0.375, 6);
    expect(rule.artifact).toBe('layout');
  });

  it('uses the first-page margins on page 1 only', () => {
    const pages = typeset(makeDoc([para(lorem.repeat(4))], { ...linesPage(10), firstMargin: { top: 144, right: 72, bottom: 72, left: 72 } }), fonts);
    expect(bodyLines(pages.pages[0])[0].y).toBeGreaterThan(144);
    expect(bodyLines(pages.pages[1])[0].y).toBeLessThan(144);
    expect(bodyLines(pages.pages[0]).length).toBeLessThan(bodyLines(pages.pages[1]).length);
  });

  it('sets running heads and footers in the margins with page numbers, without moving the body', () => {
    const running = (part: 'header' | 'footer', page: number, total: number): Block[] =>
      part === 'header' ? (page > 1 ? [para('Embassy press release', { textAlign: 'right' })] : []) : [para(`Page ${page} of ${total}`, { textAlign: 'center', fontSize: 9, lineHeight: 11 })];
    const blocks = [para(lorem.repeat(5))];
    const plain = typeset(makeDoc(blocks, linesPage(12)), fonts);
    const pages = typeset(makeDoc(blocks, linesPage(12), running), fonts);
    expect(pages.pages.length).toBe(plain.pages.length);
    pages.pages.forEach((page, i) => {
      const artifacts = page.items.filter((it): it is LineItem => it.kind === 'line' && it.artifact !== undefined);
      const footer = artifacts.find((l) => l.artifact === 'footer')!;
      expect(textOf(footer)).toBe(`Page ${i + 1} of ${pages.pages.length}`);
      expect(footer.y - footer.ascent).toBeGreaterThan(page.height - 72);
      const header = artifacts.find((l) => l.artifact === 'header');
      if (i === 0) expect(header).toBeUndefined();
      else expect(header!.y + header!.descent).toBeLessThan(72);
      expect(bodyLines(page)).toEqual(bodyLines(plain.pages[i]));
    });
  });

  it('builds structure, outline and the fonts used', () => {
    const list: Block = {
      kind: 'container',
      role: 'L',
      style: style(),
      classes: [],
      children: [{ ...para('First point.'), role: 'LI', marker: '1.' } as Block, { ...para('Second point.'), role: 'LI', marker: '2.' } as Block],
    };
    const pages = typeset(makeDoc([heading('Title of the Release', 1), heading('Section', 2), para([{ kind: 'text', text: 'Bold text.', style: { ...style(), fontWeight: 700 } }]), list]), fonts);
    expect(pages.structure.map((s) => [s.id, s.role, s.parent])).toEqual([
      [0, 'Document', null],
      [1, 'H1', 0],
      [2, 'H2', 0],
      [3, 'P', 0],
      [4, 'L', 0],
      [5, 'LI', 4],
      [6, 'LI', 4],
    ]);
    expect(pages.outline.map((o) => [o.title, o.level, o.page])).toEqual([
      ['Title of the Release', 1, 1],
      ['Section', 2, 1],
    ]);
    expect(pages.fonts.map((f) => f.id)).toEqual(['Tinos-700-normal', 'Tinos-400-normal']);
    const marker = bodyLines(pages.pages[0]).find((l) => l.struct === 5)!.runs[0];
    expect(marker.text).toBe('1.');
    expect(marker.x + marker.width).toBeLessThan(72);
  });
});

describe('images', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-img-'));
  const png = join(dir, 'a.png');
  const jpg = join(dir, 'a.jpg');
  const svg = join(dir, 'a.svg');
  const ihdr = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(ihdr);
  ihdr.writeUInt32BE(13, 8);
  ihdr.write('IHDR', 12, 'latin1');
  ihdr.writeUInt32BE(200, 16);
  ihdr.writeUInt32BE(100, 20);
  writeFileSync(png, ihdr);
  writeFileSync(jpg, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x40, 0x00, 0x80, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  writeFileSync(svg, '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 150" width="60mm"><circle r="5"/></svg>');

  it('reads sizes from PNG, JPEG and SVG headers', () => {
    expect(imageSize(png)).toEqual({ width: 200, height: 100 });
    expect(imageSize(jpg)).toEqual({ width: 128, height: 64 });
    const s = imageSize(svg)!;
    expect(s.width).toBeCloseTo((60 * 96) / 25.4, 6);
    expect(s.height).toBeCloseTo(s.width / 2, 6);
  });

  it('places images at their CSS size, keeping the aspect ratio, as figures with alt text', () => {
    const img = (path: string, extra = {}): Block => ({ kind: 'image', role: 'Figure', style: style({ textAlign: 'center', ...extra }), path, alt: 'Emblem', classes: [] });
    const pages = typeset(makeDoc([img(png, { width: 72 }), img(jpg)]), fonts);
    const [a, b] = pages.pages[0].items;
    expect(a).toMatchObject({ kind: 'image', width: 72, height: 36, x: 72 + (451.28 - 72) / 2, y: 72, alt: 'Emblem' });
    expect(b).toMatchObject({ kind: 'image', width: 96, height: 48, y: 108 });
    expect(pages.structure[1]).toMatchObject({ role: 'Figure', alt: 'Emblem' });
  });
});
