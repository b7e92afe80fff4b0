import { describe, expect, it } from 'vitest';
import { parseRelease } from '../../src/release/index.js';
import { attributeWarning } from '../../src/build/attribute.js';

const yaml = `lang: en
issuer:
  name: Example
  address: Road 1
date: 2024-01-02
title: Private \uE000 title
body: |
  First paragraph.

  Second with ☃ inside.
`;

describe('attributeWarning', () => {
  const loaded = parseRelease(yaml, 'r.yaml');
  const glyph = (cp: string) => ({ file: 'typeset', message: `no font has a glyph for U+${cp} 'x'; it is set in Tinos` });

  it('names the one-line field, its line and column', () => {
    expect(attributeWarning(glyph('E000'), loaded)).toMatchObject({ file: 'r.yaml', field: 'title', line: 6, col: 1 });
  });

  it('names the line inside a block scalar', () => {
    expect(attributeWarning(glyph('2603'), loaded)).toMatchObject({ file: 'r.yaml', field: 'body', line: 10 });
  });

  it('leaves warnings from other stages alone', () => {
    const w = { file: 'style.css', line: 3, message: 'unsupported' };
    expect(attributeWarning(w, loaded)).toBe(w);
  });
});
