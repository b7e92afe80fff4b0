import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/document/types.js';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { typeset } from '../../src/typeset/index.js';
import type { Page } from '../../src/typeset/types.js';
import { lorem, makeDoc, para } from './helpers.js';

const fonts = loadFontRegistry();
const artifacts = (page: Page, part: 'header' | 'footer') => page.items.filter((it) => it.kind !== 'image' && 'artifact' in it && it.artifact === part);

describe('running heads and footers', () => {
  it('lays out a head that repeats (the same blocks, as Document.running gives them) once, with its own items on every page', () => {
    // As Document.running: one array for every page whose fragment is the same.
    const head = [para('Embassy of the Republic of Norland · Opening Address Delivered by the Minister of Fisheries at the Forum', { textAlign: 'center', fontSize: 9, lineHeight: 11 })];
    const running = (part: 'header' | 'footer', page: number, total: number): Block[] => {
      if (part === 'footer') return [para(`Page ${page} of ${total}`, { textAlign: 'center', fontSize: 9, lineHeight: 11 })];
      return head;
    };
    const pages = typeset(makeDoc([para(lorem.repeat(12))], { height: 144 + 14 * 12 }, running), fonts).pages;
    expect(pages.length).toBeGreaterThan(3);
    const heads = pages.map((p) => artifacts(p, 'header'));
    expect(heads[0].length).toBeGreaterThan(0);
    for (const h of heads.slice(1)) {
      // Equal in every value, and new objects: a page's items are its own.
      expect(h).toEqual(heads[0]);
      h.forEach((item, i) => {
        expect(item).not.toBe(heads[0][i]);
        if (item.kind === 'line' && heads[0][i].kind === 'line') expect(item.runs[0]).not.toBe((heads[0][i] as typeof item).runs[0]);
      });
    }
    expect(pages.map((p) => artifacts(p, 'footer').length)).toEqual(pages.map(() => 1));
  });
});
