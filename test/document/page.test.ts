import { describe, expect, test } from 'vitest';
import { PressroomError } from '../../src/diagnostics.js';
import { buildDocument } from '../../src/document/index.js';
import { makeRelease } from './release.js';

const page = (css: string, pageSize?: string) => buildDocument(makeRelease({ css, body: '<p>x</p>' }), { pageSize }).page;

describe('@page', () => {
  test('defaults to A4 with 72pt margins', () => {
    expect(page('')).toEqual({
      width: 595.28,
      height: 841.89,
      margin: { top: 72, right: 72, bottom: 72, left: 72 },
      firstMargin: { top: 72, right: 72, bottom: 72, left: 72 },
    });
  });

  test('named sizes, orientation and lengths', () => {
    expect(page('@page { size: A5 }')).toMatchObject({ width: 419.53, height: 595.28 });
    expect(page('@page { size: letter }')).toMatchObject({ width: 612, height: 792 });
    expect(page('@page { size: legal }')).toMatchObject({ width: 612, height: 1008 });
    expect(page('@page { size: A4 landscape }')).toMatchObject({ width: 841.89, height: 595.28 });
    expect(page('@page { size: landscape }')).toMatchObject({ width: 841.89, height: 595.28 });
    expect(page('@page { size: 6in 9in }')).toMatchObject({ width: 432, height: 648 });
    expect(page('@page { size: 100mm }').width).toBeCloseTo(283.46);
  });

  test('margins and :first overrides', () => {
    const style = page('@page { margin: 25mm 20mm 22mm } @page :first { margin-top: 1in } @page { margin-left: 30pt }');
    expect(style.margin.top).toBeCloseTo(70.87);
    expect(style.margin.right).toBeCloseTo(56.69);
    expect(style.margin.bottom).toBeCloseTo(62.36);
    expect(style.margin.left).toBe(30);
    expect(style.firstMargin).toEqual({ ...style.margin, top: 72 });
  });

  test('options.pageSize overrides the style sheet', () => {
    expect(page('@page { size: A4 }', 'letter')).toMatchObject({ width: 612, height: 792 });
    expect(page('', 'A5 landscape')).toMatchObject({ width: 595.28, height: 419.53 });
    expect(() => page('', 'postcard')).toThrow(PressroomError);
  });

  test('what @page cannot do is a warning with its line', () => {
    const doc = buildDocument(
      makeRelease({ css: '@page {\n  size: A4;\n  marks: crop;\n}\n@page :left {\n  margin-left: 1in;\n}\n@page {\n  @bottom-center { content: counter(page) }\n}', body: '<p>x</p>' }),
    );
    expect(doc.warnings.map((w) => `${w.line}:${w.col} ${w.message}`)).toEqual([
      "3:3 unsupported CSS property 'marks' in @page ignored",
      "6:3 unsupported CSS @page selector ':left' ignored",
      "9:20 unsupported CSS at-rule '@bottom-center' ignored",
    ]);
  });
});
