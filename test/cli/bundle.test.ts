import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, bundleOrder } from '../../src/build/bundle.js';
import { bundlePages } from '../support/bundle-pages.js';
import type { FontFace } from '../../src/fonts/types.js';
import type { LineItem, Pages } from '../../src/typeset/types.js';
import { project, releaseYaml } from './helpers.js';

const face = (id: string): FontFace => ({ id, family: id, weight: 400, style: 'normal', path: `/fonts/${id}.ttf` });

function line(struct: number, text: string, y: number): LineItem {
  const run = { x: 0, width: 10, text, font: face('Tinos'), size: 12, color: '#000', letterSpacing: 0, underline: false };
  return { kind: 'line', x: 72, y, measure: 400, width: 10, ascent: 9, descent: 3, runs: [run], struct, hyphenated: false, spaceStretch: 0 };
}

/** A typeset release of `pageCount` pages: a root, a title and one paragraph per page. */
function release(title: string, lang: string, pageCount: number, fonts: string[]): Pages {
  const structure: Pages['structure'] = [
    { id: 10, role: 'Document', parent: null },
    { id: 11, role: 'H1', parent: 10 },
  ];
  const pages = Array.from({ length: pageCount }, (_, i) => {
    structure.push({ id: 20 + i, role: 'P', parent: 10 });
    return { number: i + 1, width: 595, height: 842, items: [line(structure.length - 1, `${title} p${i + 1}`, 100)] };
  });
  pages[0].items.unshift(line(1, title, 80), { kind: 'rule', x: 72, y: 60, width: 400, edge: { width: 1, style: 'solid', color: '#000000' } });
  return {
    lang,
    title,
    pages,
    structure,
    outline: [{ title, level: 1, page: 1, y: 80 }, { title: `${title} heading`, level: 2, page: pageCount, y: 100 }],
    fonts: fonts.map(face),
    warnings: [{ file: `${title}.yaml`, message: 'a warning' }],
  };
}

describe('bundlePages', () => {
  const a = release('Alpha', 'en', 2, ['Tinos', 'Arimo']);
  const b = release('Beta', 'de', 3, ['Arimo', 'Noto']);
  const bundle = bundlePages([a, b], 'Spring');

  it('concatenates the pages and numbers them through', () => {
    expect(bundle.title).toBe('Spring');
    expect(bundle.lang).toBe('en');
    expect(bundle.pages.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
    expect(bundle.pages[2].items.map((i) => (i.kind === 'line' ? i.runs[0].text : i.kind))).toEqual(['Beta', 'rule', 'Beta p1']);
  });

  it('hangs each release under one Document root, in its own language, with item references moved along', () => {
    expect(bundle.structure[0]).toEqual({ id: 0, role: 'Document', parent: null, lang: 'en' });
    expect(bundle.structure.map((n) => n.id)).toEqual(bundle.structure.map((_, i) => i));
    const roots = bundle.structure.filter((n) => n.parent === 0);
    expect(roots.map((n) => [n.role, n.lang])).toEqual([['Sect', 'en'], ['Sect', 'de']]);
    for (const page of bundle.pages) {
      for (const item of page.items) {
        if (item.kind !== 'line') continue;
        const node = bundle.structure[item.struct];
        const expected = item.runs[0].text.includes(' p') ? 'P' : 'H1';
        expect(node.role, item.runs[0].text).toBe(expected);
        expect(bundle.structure[node.parent as number].parent).toBe(0);
      }
    }
  });

  it('keeps the outline with page numbers moved, merges fonts by id and keeps every warning', () => {
    expect(bundle.outline.map((e) => [e.title, e.level, e.page])).toEqual([
      ['Alpha', 1, 1],
      ['Alpha heading', 2, 2],
      ['Beta', 1, 3],
      ['Beta heading', 2, 5],
    ]);
    expect(bundle.fonts.map((f) => f.id)).toEqual(['Tinos', 'Arimo', 'Noto']);
    expect(bundle.warnings).toHaveLength(2);
  });

  it('gives a release without a level-1 outline entry its title at level 1', () => {
    const untitled = { ...release('Gamma', 'en', 1, []), outline: [] };
    expect(bundlePages([a, untitled]).outline.at(-1)).toEqual({ title: 'Gamma', level: 1, page: 3, y: 0 });
  });

  it('does not change the releases it is given', () => {
    expect(a.pages[0].number).toBe(1);
    expect(b.structure[0]).toEqual({ id: 10, role: 'Document', parent: null });
    expect(() => bundlePages([])).toThrow();
  });
});

describe('bundleOrder', () => {
  it('orders by date, then title', () => {
    const meta = (date: string, title: string) => ({ meta: { date, title } });
    const ordered = bundleOrder([meta('2024-05-01', 'B'), meta('2024-04-01', 'Z'), meta('2024-05-01', 'A')]);
    expect(ordered.map((r) => r.meta.title)).toEqual(['Z', 'A', 'B']);
  });
});

describe('buildBundle', { timeout: 120_000 }, () => {
  it('draws the releases that typeset one by one, and leaves one with too many pages out of both files', async () => {
    const paragraph = '  A long paragraph that fills the page with words, line after line, until it runs over.\n\n';
    const dir = project({
      'short.yaml': releaseYaml('Short Release', '2024-04-01'),
      'other.yaml': releaseYaml('Other Release', '2024-05-01'),
      'long.yaml': releaseYaml('Long Release', '2024-04-15').replace('body: |\n', `body: |\n${paragraph.repeat(120)}`),
    });
    const outDir = join(dir, 'out');
    const inputs = ['short.yaml', 'long.yaml', 'other.yaml'].map((name) => join(dir, name));
    const results = await buildBundle(inputs, 'spring', { outDir, maxPages: 1 });
    const [short, long, other] = results;
    expect(long.errors.join('\n')).toMatch(/page/);
    expect(long.outputs).toEqual([]);
    expect(short.errors).toEqual([]);
    expect(short.outputs).toEqual([join(outDir, 'spring.pdf'), join(outDir, 'spring.epub')]);
    expect(other.outputs).toEqual(short.outputs);
    expect(readdirSync(outDir).sort()).toEqual(['spring.epub', 'spring.pdf']);
    const pdf = join(outDir, 'spring.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Short Release');
    expect(text).toContain('Other Release');
    expect(text).not.toContain('Long Release');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/^Pages:\s+2$/m);
    const epub = execFileSync('unzip', ['-p', join(outDir, 'spring.epub')], { encoding: 'latin1', maxBuffer: 64 << 20 });
    expect(epub).toContain('Other Release');
    expect(epub).not.toContain('Long Release');
  });
});
