import { describe, expect, test } from 'vitest';
import { buildDocument } from '../../src/document/index.js';
import type { Block, BlockStyle } from '../../src/document/types.js';
import { parseColor, parseFontFamily, parseLength } from '../../src/document/values.js';
import { makeRelease } from './release.js';

/** The style of the first block of a document made of `body` under `css`. */
function styleOf(css: string, body = '<p>x</p>'): BlockStyle {
  const doc = buildDocument(makeRelease({ css, body }));
  expect(doc.warnings).toEqual([]);
  return doc.blocks[0].style;
}

function firstText(blocks: Block[]): Extract<Block, { kind: 'text' }> {
  const block = blocks[0];
  if (block.kind !== 'text') throw new Error(`expected a text block, got ${block.kind}`);
  return block;
}

describe('values', () => {
  test('lengths come out in points', () => {
    expect(parseLength('16px')).toEqual({ value: 12, unit: 'pt' });
    expect(parseLength('1in')).toEqual({ value: 72, unit: 'pt' });
    expect(parseLength('25.4mm')?.value).toBeCloseTo(72);
    expect(parseLength('2.54cm')?.value).toBeCloseTo(72);
    expect(parseLength('1pc')).toEqual({ value: 12, unit: 'pt' });
    expect(parseLength('1.5em')).toEqual({ value: 1.5, unit: 'em' });
    expect(parseLength('0')).toEqual({ value: 0, unit: 'pt' });
    expect(parseLength('12')).toBeNull();
    expect(parseLength('3vw')).toBeNull();
  });

  test('colours come out as #rrggbb', () => {
    expect(parseColor('#ABC')).toBe('#aabbcc');
    expect(parseColor('#1a3d7c')).toBe('#1a3d7c');
    expect(parseColor('rgb(26, 61, 124)')).toBe('#1a3d7c');
    expect(parseColor('rgb(100% 0% 0%)')).toBe('#ff0000');
    expect(parseColor('rgba(0,0,0,0.5)')).toBe('#000000');
    expect(parseColor('Navy')).toBe('#000080');
    expect(parseColor('#12')).toBeNull();
    expect(parseColor('papayawhip-ish')).toBeNull();
  });

  test('font-family keeps the fallback list with quotes stripped', () => {
    expect(parseFontFamily(`"Noto Serif KR", 'Tinos',  Times   New Roman, serif`)).toEqual([
      'Noto Serif KR',
      'Tinos',
      'Times New Roman',
      'serif',
    ]);
    expect(parseFontFamily('Tinos,,serif')).toBeNull();
  });
});

describe('font sizes and line heights', () => {
  test('pt, px, em, rem, % and keywords', () => {
    const css = `html { font-size: 10pt } body { font-size: 16px }
      .pt { font-size: 9pt } .em { font-size: 1.5em } .rem { font-size: 2rem } .pct { font-size: 50% }
      .small { font-size: small } .medium { font-size: medium } .large { font-size: large } .xl { font-size: x-large }`;
    const sizes = Object.fromEntries(
      ['pt', 'em', 'rem', 'pct', 'small', 'medium', 'large', 'xl'].map((c) => [c, styleOf(css, `<p class="${c}">x</p>`).fontSize]),
    );
    expect(sizes).toEqual({ pt: 9, em: 18, rem: 20, pct: 6, small: 9.75, medium: 12, large: 13.5, xl: 18 });
  });

  test('margins in em use the element’s own font size', () => {
    const style = styleOf('p { font-size: 10pt; margin: 1em 2em }');
    expect(style.margin).toEqual({ top: 10, right: 20, bottom: 10, left: 20 });
  });

  test('line-height: a factor is inherited as a factor, a length as a length', () => {
    const factor = buildDocument(makeRelease({ css: 'div { line-height: 1.5; font-size: 10pt } p { font-size: 20pt }', body: '<div><p>x</p></div>' }));
    const inner = factor.blocks[0].kind === 'container' ? factor.blocks[0].children[0] : undefined;
    expect(factor.blocks[0].style.lineHeight).toBe(15);
    expect(inner?.style.lineHeight).toBe(30);

    const length = buildDocument(makeRelease({ css: 'div { line-height: 1.5em; font-size: 10pt } p { font-size: 20pt }', body: '<div><p>x</p></div>' }));
    const innerLength = length.blocks[0].kind === 'container' ? length.blocks[0].children[0] : undefined;
    expect(innerLength?.style.lineHeight).toBe(15);

    expect(styleOf('p { font-size: 10pt; line-height: normal }').lineHeight).toBe(12);
    expect(styleOf('p { font-size: 10pt; line-height: 150% }').lineHeight).toBe(15);
    expect(styleOf('p { line-height: 18px }').lineHeight).toBe(13.5);
  });

  test('font-weight keywords, numbers, bolder and lighter', () => {
    const doc = buildDocument(
      makeRelease({
        css: 'p { font-weight: 300 } .b { font-weight: bolder } .l { font-weight: lighter } .n { font-weight: 600 }',
        body: '<p>a <span class="b">b</span> <span class="n">n <span class="l">l</span></span></p>',
      }),
    );
    const weights = firstText(doc.blocks).inlines.flatMap((i) => (i.kind === 'text' ? [`${i.text.trim()}:${i.style.fontWeight}`] : []));
    expect(weights).toEqual(['a:300', 'b:400', ':300', 'n:600', 'l:400']);
  });
});

describe('shorthands', () => {
  test('margin and padding with one to four values, auto as 0', () => {
    expect(styleOf('p { margin: 1pt }').margin).toEqual({ top: 1, right: 1, bottom: 1, left: 1 });
    expect(styleOf('p { margin: 1pt 2pt }').margin).toEqual({ top: 1, right: 2, bottom: 1, left: 2 });
    expect(styleOf('p { margin: 1pt 2pt 3pt }').margin).toEqual({ top: 1, right: 2, bottom: 3, left: 2 });
    expect(styleOf('p { margin: 1pt 2pt 3pt 4pt }').margin).toEqual({ top: 1, right: 2, bottom: 3, left: 4 });
    expect(styleOf('p { margin: 0 auto; margin-top: 5pt }').margin).toEqual({ top: 5, right: 0, bottom: 0, left: 0 });
    expect(styleOf('p { padding: 2pt 4pt; padding-left: 8px }').padding).toEqual({ top: 2, right: 4, bottom: 2, left: 6 });
  });

  test('borders: shorthand, longhands, `border` for both edges, currentColor', () => {
    expect(styleOf('p { border-top: 0.75pt solid #000 }').borderTop).toEqual({ width: 0.75, style: 'solid', color: '#000000' });
    expect(styleOf('p { color: #123456; border-bottom: double 3px }').borderBottom).toEqual({ width: 2.25, style: 'double', color: '#123456' });
    const both = styleOf('p { border: 1pt dashed red }');
    expect([both.borderTop, both.borderBottom]).toEqual([
      { width: 1, style: 'dashed', color: '#ff0000' },
      { width: 1, style: 'dashed', color: '#ff0000' },
    ]);
    const longhands = styleOf('p { border-top-style: dotted; border-top-width: thin; border-top-color: blue }');
    expect(longhands.borderTop).toEqual({ width: 0.75, style: 'dotted', color: '#0000ff' });
    expect(styleOf('p { border-top: 2pt solid; border-top-style: none }').borderTop).toBeUndefined();
  });

  test('font shorthand', () => {
    const style = styleOf('p { font: italic bold 10pt/1.4 "Noto Serif KR", serif }');
    expect(style).toMatchObject({ fontStyle: 'italic', fontWeight: 700, fontSize: 10, lineHeight: 14, fontFamily: ['Noto Serif KR', 'serif'] });
    expect(styleOf('p { font: 9pt Tinos }')).toMatchObject({ fontStyle: 'normal', fontWeight: 400, fontSize: 9, lineHeight: 10.8 });
  });

  test('legacy page-break-* and prefixed hyphens are aliases', () => {
    const style = styleOf('p { page-break-before: always; page-break-after: avoid; page-break-inside: avoid; -webkit-hyphens: auto }');
    expect(style).toMatchObject({ breakBefore: 'page', breakAfter: 'avoid', breakInside: 'avoid', hyphens: 'auto' });
    expect(styleOf('p { -epub-hyphens: none }').hyphens).toBe('none');
  });

  test('text properties', () => {
    const style = styleOf(
      'p { text-align: end; text-indent: 1.5em; text-transform: uppercase; letter-spacing: 1px; text-decoration: underline; widows: 3; orphans: 4 }',
    );
    expect(style).toMatchObject({
      textAlign: 'right',
      textIndent: 18,
      textTransform: 'uppercase',
      letterSpacing: 0.75,
      textDecoration: 'underline',
      widows: 3,
      orphans: 4,
    });
    expect(styleOf('p { text-align: start }').textAlign).toBe('left');
  });
});
