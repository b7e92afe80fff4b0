import { describe, expect, it } from 'vitest';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { dumpPages, spacingStats, typeset } from '../../src/typeset/index.js';
import { expectGolden } from '../golden.js';
import { sampleRelease } from './release.js';

const fonts = loadFontRegistry();

describe('golden page layout', () => {
  it('lays out a three-page release as before', () => {
    const pages = typeset(sampleRelease(), fonts);
    expect(pages.pages.length).toBe(3);
    expectGolden('typeset/sample-release.txt', dumpPages(pages));
  });

  it('keeps its spacing within the aims', () => {
    const stats = spacingStats(typeset(sampleRelease(), fonts), fonts);
    expect(stats.mean).toBeLessThanOrEqual(1.1);
    expect(stats.max).toBeLessThanOrEqual(1.35);
  });

  it('typesets a warm three-page release in a few milliseconds', () => {
    const doc = sampleRelease();
    typeset(doc, fonts);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t = performance.now();
      typeset(doc, fonts);
      times.push(performance.now() - t);
    }
    const best = Math.min(...times);
    console.log(`warm typeset of a ${typeset(doc, fonts).pages.length}-page release: best ${best.toFixed(2)} ms, median ${times.sort((a, b) => a - b)[7].toFixed(2)} ms`);
    expect(best).toBeLessThan(100); // generous: CI machines are shared
  });
});
