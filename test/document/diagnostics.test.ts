import { describe, expect, test } from 'vitest';
import { PressroomError } from '../../src/diagnostics.js';
import { buildDocument } from '../../src/document/index.js';
import { makeRelease } from './release.js';

const CSS_PATH = '/templates/test/style.css';

function warningsFor(css: string): string[] {
  const doc = buildDocument(makeRelease({ css, cssPath: CSS_PATH, body: '<p>x</p>' }));
  return doc.warnings.map((w) => `${w.file}:${w.line}:${w.col} ${w.message}`);
}

function syntaxErrorOf(css: string): PressroomError {
  try {
    buildDocument(makeRelease({ css, cssPath: CSS_PATH, body: '<p>x</p>' }));
  } catch (error) {
    if (error instanceof PressroomError) return error;
    throw error;
  }
  throw new Error('expected a syntax error');
}

describe('warnings for CSS outside the subset', () => {
  test('one per declaration, naming the file, line and column', () => {
    expect(warningsFor('p {\n  color: #000;\n  float: left;\n  -webkit-text-size-adjust: none;\n}\n')).toEqual([
      `${CSS_PATH}:3:3 unsupported CSS property 'float' ignored`,
      `${CSS_PATH}:4:3 unsupported CSS property '-webkit-text-size-adjust' ignored`,
    ]);
  });

  test('pseudo-classes and pseudo-elements we cannot honour', () => {
    expect(warningsFor('a:hover {\n  color: red;\n  font-weight: bold;\n}\np::first-letter { font-size: 2em }\np:before { color: red }')).toEqual([
      `${CSS_PATH}:2:3 unsupported CSS pseudo-class ':hover' ignored`,
      `${CSS_PATH}:3:3 unsupported CSS pseudo-class ':hover' ignored`,
      `${CSS_PATH}:5:19 unsupported CSS pseudo-element '::first-letter' ignored`,
      `${CSS_PATH}:6:12 unsupported CSS pseudo-element '::before' ignored`,
    ]);
  });

  test('a selector list keeps its supported selectors', () => {
    const doc = buildDocument(makeRelease({ css: 'a:focus, p { color: #ff0000 }', body: '<p>x</p>' }));
    expect(doc.warnings).toHaveLength(1);
    expect(doc.blocks[0].style.color).toBe('#ff0000');
  });

  test('at-rules: @font-face silently, @import and @supports warned', () => {
    expect(
      warningsFor('@charset "utf-8";\n@font-face { font-family: X; src: url(x.ttf) }\n@import url(other.css);\n@supports (display: grid) {\n  p { color: red }\n}'),
    ).toEqual([`${CSS_PATH}:3:1 unsupported CSS at-rule '@import' ignored`, `${CSS_PATH}:5:7 unsupported CSS at-rule '@supports' ignored`]);
  });

  test('values the subset cannot read', () => {
    expect(warningsFor('p { display: flex; font-size: 12; color: blurple; text-decoration: line-through }')).toEqual([
      `${CSS_PATH}:1:5 invalid value 'flex' for CSS property 'display' ignored`,
      `${CSS_PATH}:1:20 invalid value '12' for CSS property 'font-size' ignored`,
      `${CSS_PATH}:1:35 invalid value 'blurple' for CSS property 'color' ignored`,
      `${CSS_PATH}:1:51 invalid value 'line-through' for CSS property 'text-decoration' ignored`,
    ]);
  });

  test('unsupported properties in a style attribute are reported against the template', () => {
    const expected = [{ file: '/templates/test/release.hbs', message: "unsupported CSS property 'float' in a style attribute ignored" }];
    expect(buildDocument(makeRelease({ body: '<p style="float: left">x</p>' })).warnings).toEqual(expected);
    // Styles are cached across documents; the warning is not.
    expect(buildDocument(makeRelease({ body: '<p style="float: left">y</p>' })).warnings).toEqual(expected);
  });
});

describe('syntax errors', () => {
  test('a CSS syntax error stops the build with file:line:col', () => {
    const error = syntaxErrorOf('p { color: red }\n\nh1 {\n  color\n}\n');
    expect(error.kind).toBe('syntax');
    expect(error.format()).toBe(`${CSS_PATH}:4:3: CSS syntax error: Unknown word color`);
  });

  test('an unclosed block', () => {
    const error = syntaxErrorOf('p { color: red }\nh1 { color: blue');
    expect(error.position).toEqual({ file: CSS_PATH, line: 2, col: 1 });
  });

  test('a declaration outside any rule', () => {
    expect(syntaxErrorOf('color: red;').format()).toBe(`${CSS_PATH}:1:1: CSS declaration 'color' outside a rule`);
  });

  test('a selector css-select cannot parse', () => {
    const error = syntaxErrorOf('p { color: red }\np >> a { color: blue }');
    expect(error.kind).toBe('syntax');
    expect(error.position).toEqual({ file: CSS_PATH, line: 2, col: 1 });
  });
});
