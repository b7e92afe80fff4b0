import { describe, expect, it } from 'vitest';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { typeset, spacingStats } from '../../src/typeset/index.js';
import type { LineItem, Pages } from '../../src/typeset/types.js';
import { heading, lorem, makeDoc, para, text } from './helpers.js';

const fonts = loadFontRegistry();
const lines = (pages: Pages): LineItem[] => pages.pages.flatMap((p) => p.items.filter((i): i is LineItem => i.kind === 'line'));
const lineText = (l: LineItem) => l.runs.map((r) => r.text).join('');
const longParagraph = [lorem, lorem.split('. ').reverse().join('. '), lorem.replace(/the /g, 'a ')].join(' ');

describe('Knuth–Plass paragraphs', () => {
  it('keeps justified word spaces close to normal on a long paragraph', () => {
    const pages = typeset(makeDoc([para(longParagraph)]), fonts);
    const stats = spacingStats(pages, fonts);
    expect(stats.lines).toBeGreaterThan(15);
    expect(stats.mean).toBeLessThanOrEqual(1.1);
    expect(stats.max).toBeLessThanOrEqual(1.35);
    expect(stats.loose).toBe(0);
  });

  it('sets justified lines to the full measure, one run per word, and never stretches the last line', () => {
    const ls = lines(typeset(makeDoc([para(lorem)]), fonts));
    for (const l of ls.slice(0, -1)) {
      expect(l.width).toBeCloseTo(l.measure, 6);
      const last = l.runs[l.runs.length - 1];
      expect(last.x + last.width).toBeCloseTo(l.x + l.measure, 6);
      for (const r of l.runs.slice(0, -1)) expect(r.text).toMatch(/ $/);
    }
    const final = ls[ls.length - 1];
    expect(final.width).toBeLessThan(final.measure);
    expect(final.spaceStretch).toBe(0);
  });

  it('expands the glyphs of a justified line, one factor per line within ±2%, spaces staying unexpanded', () => {
    const ls = lines(typeset(makeDoc([para(longParagraph)]), fonts));
    const factors = ls.slice(0, -1).map((l) => {
      const e = l.runs[0].expansion ?? 1;
      expect(e).toBeGreaterThanOrEqual(0.98);
      expect(e).toBeLessThanOrEqual(1.02);
      for (const r of l.runs) {
        expect(r.expansion ?? 1).toBe(e);
        // Letter-spacing only once expansion is used up.
        if (r.letterSpacing > 0) expect(e).toBe(1.02);
        // The glyphs scale, the trailing spaces (glue) do not.
        const spaces = (r.text.length - r.text.trimEnd().length) * (fonts.measure(r.font, r.size, ' ') + r.letterSpacing);
        const m = fonts.measureGlyphs(r.font, r.size, r.text);
        const expected = e * (m.width + r.letterSpacing * m.glyphs - spaces) + spaces;
        expect(r.width).toBeCloseTo(expected, 6);
      }
      return e;
    });
    // It is used, in both directions, and mostly by little.
    expect(Math.min(...factors)).toBeLessThan(1);
    expect(Math.max(...factors)).toBeGreaterThan(1);
    expect(factors.filter((e) => Math.abs(e - 1) <= 0.015).length).toBeGreaterThan(factors.length * 0.75);
  });

  it('expands rather than letter-spaces a line no breaks keep under 1.5 × normal', () => {
    // From examples/tidewater-launch.md: without expansion the first line needed letter-spacing.
    const t =
      'The cooperative will open a second share offer in the autumn to fund four further turbines. Members can read the full technical report and the environmental monitoring data at tidewater.example/array, or ask questions at the open day on the quay on Saturday 15 June.';
    const pages = typeset(makeDoc([para(t, { fontSize: 12, lineHeight: 15 })], { width: 453.54 + 144 }), fonts);
    const ls = lines(pages);
    for (const l of ls) for (const r of l.runs) expect(r.letterSpacing).toBe(0);
    expect(ls[0].runs[0].expansion).toBeDefined();
    expect(spacingStats(pages, fonts).loose).toBe(0);
  });

  it('letter-spaces a hair, counted in the gaps, when expansion alone leaves spaces past 1.35 × normal', () => {
    // The loosest line of the reference release: no breaks set it tighter.
    const t =
      'Proceeding from this, the Party congress prioritized the work of politically and practically preparing the cell secretaries who are in charge of the grass-roots combat units for executing the Party’s lines and policies, and stipulated in the Party Rules that a conference of cell secretaries shall be held every five years in keeping with a Party congress.';
    const pages = typeset(makeDoc([para(t, { fontSize: 12, lineHeight: 15.6 })], { width: 453.55 + 144 }), fonts);
    const first = lines(pages)[0];
    expect(lineText(first)).toMatch(/practically$/);
    expect(first.runs[0].expansion).toBe(1.02);
    const tracking = first.runs[0].letterSpacing;
    expect(tracking).toBeGreaterThan(0);
    expect(tracking).toBeLessThanOrEqual(0.005 * 12);
    const last = first.runs.at(-1)!;
    expect(last.x + last.width).toBeCloseTo(first.x + first.measure, 6);
    // The gap between words, as a PDF reader measures it: the space, its stretch and the tracking
    // after the word's last glyph (expanded) and after the space.
    const space = fonts.measure(first.runs[0].font, 12, ' ');
    expect((space + first.spaceStretch + tracking * (1 + 1.02)) / space).toBeCloseTo(1.35, 6);
    expect(spacingStats(pages, fonts).max).toBeCloseTo(1.35, 6);
  });

  it('never hyphenates more than two lines in a row', () => {
    for (const measure of [200, 260, 330]) {
      const ls = lines(typeset(makeDoc([para(longParagraph)], { width: measure + 144 }), fonts));
      let run = 0;
      for (const l of ls) {
        run = l.hyphenated ? run + 1 : 0;
        expect(run).toBeLessThanOrEqual(2);
      }
    }
  });

  it('indents the first line and honours <br>', () => {
    const block = para([text('First line of a short paragraph'), { kind: 'break' }, text('second line')], { textIndent: 20 });
    const ls = lines(typeset(makeDoc([block]), fonts));
    expect(ls.map(lineText)).toEqual(['First line of a short paragraph', 'second line']);
    expect(ls[0].runs[0].x).toBeCloseTo(72 + 20, 6);
    expect(ls[1].runs[0].x).toBeCloseTo(72, 6);
    expect(ls[0].spaceStretch).toBe(0); // a line ended by <br> is not justified
  });

  it('keeps the empty line of two <br> in a row', () => {
    const ls = lines(typeset(makeDoc([para([text('Above'), { kind: 'break' }, { kind: 'break' }, text('below')])]), fonts));
    expect(ls.map(lineText)).toEqual(['Above', '', 'below']);
    expect(ls[2].y - ls[0].y).toBeCloseTo(28, 6);
  });

  it('sets ragged and centred text with natural spaces', () => {
    for (const textAlign of ['left', 'right', 'center'] as const) {
      const ls = lines(typeset(makeDoc([para(lorem, { textAlign })]), fonts));
      for (const l of ls) {
        expect(l.spaceStretch).toBe(0);
        const start = l.runs[0].x - l.x;
        const end = l.x + l.measure - (l.runs[l.runs.length - 1].x + l.runs[l.runs.length - 1].width);
        if (textAlign === 'left') expect(start).toBeCloseTo(0, 6);
        if (textAlign === 'right') expect(end).toBeCloseTo(0, 6);
        if (textAlign === 'center') expect(start).toBeCloseTo(end, 6);
      }
    }
  });

  it('centres a mixed regular and bold title in runs that do not overlap', () => {
    const title = para(
      [text('Opening Speech Made by '), text('Someone at Some Conference on the Future of Cooperation Between Nations', { fontWeight: 700 })],
      { textAlign: 'center', fontSize: 16, lineHeight: 20, hyphens: 'manual' },
      'H1',
    );
    const ls = lines(typeset(makeDoc([title]), fonts));
    expect(ls.length).toBe(2);
    const faces = new Set(ls.flatMap((l) => l.runs.map((r) => r.font.id)));
    expect(faces).toEqual(new Set(['Tinos-400-normal', 'Tinos-700-normal']));
    for (const l of ls) {
      for (let i = 1; i < l.runs.length; i++) expect(l.runs[i].x).toBeGreaterThanOrEqual(l.runs[i - 1].x + l.runs[i - 1].width - 1e-9);
      const left = l.runs[0].x - l.x;
      const right = l.x + l.measure - (l.runs.at(-1)!.x + l.runs.at(-1)!.width);
      expect(left).toBeCloseTo(right, 6);
    }
    // balanced: the two lines are of similar length, not one full line and a stub
    expect(Math.min(ls[0].width, ls[1].width) / Math.max(ls[0].width, ls[1].width)).toBeGreaterThan(0.5);
  });

  it('measures each run as PDFKit will draw it, kerning included', () => {
    const ls = lines(typeset(makeDoc([para('AVAVA Wave To', { textAlign: 'left' })]), fonts));
    const run = ls[0].runs[0];
    expect(run.width).toBeCloseTo(fonts.measure(run.font, run.size, run.text), 9);
    expect(run.width).toBeLessThan([...run.text].reduce((w, c) => w + fonts.measure(run.font, run.size, c), 0));
  });

  it('breaks a token wider than the measure between letters, inside the margin', () => {
    const long = 'x'.repeat(30) + 'https://example.org/' + 'averyveryverylongpathsegmentwithoutbreaks'.repeat(4);
    const ls = lines(typeset(makeDoc([para(`See ${long} for details.`)], { width: 300 }), fonts));
    for (const l of ls) expect(l.runs.at(-1)!.x + l.runs.at(-1)!.width).toBeLessThanOrEqual(l.x + l.measure + 0.01);
    expect(ls.map(lineText).join('').replace(/\s+/g, '')).toBe(`See${long}fordetails.`);
  });

  it('applies text-transform and letter-spacing', () => {
    const ls = lines(typeset(makeDoc([para([text('press release', { textTransform: 'uppercase', letterSpacing: 2 })], { textAlign: 'left' })]), fonts));
    const run = ls[0].runs[0];
    expect(run.text).toBe('PRESS RELEASE');
    expect(run.letterSpacing).toBe(2);
    expect(run.width).toBeCloseTo(fonts.measure(run.font, run.size, run.text) + 2 * 13, 6);
    const cap = lines(typeset(makeDoc([para([text('the (kcna) news'), text('wire', {})].map((i) => ({ ...i, style: { ...(i as { style: object }).style, textTransform: 'capitalize' } })) as never, { textAlign: 'left' })]), fonts));
    expect(lineText(cap[0])).toBe('The (kcna) Newswire');
  });

  it('carries links and underline into runs', () => {
    const ls = lines(typeset(makeDoc([para([text('Read '), text('the statement', { textDecoration: 'underline' }, { link: 'https://example.org/s' }), text(' online.')], { textAlign: 'left' })]), fonts));
    const linked = ls[0].runs.filter((r) => r.link);
    expect(linked.map((r) => r.text).join('')).toBe('the statement');
    expect(linked.every((r) => r.underline)).toBe(true);
  });

  it('gives an empty paragraph no lines but keeps a heading in the outline', () => {
    const pages = typeset(makeDoc([para(''), heading('Background', 2)]), fonts);
    expect(lines(pages).map(lineText)).toEqual(['Background']);
    expect(pages.outline).toEqual([{ title: 'Background', level: 2, page: 1, y: expect.any(Number) }]);
  });
});
