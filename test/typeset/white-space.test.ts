import { describe, expect, it } from 'vitest';
import { isWhiteSpace } from '../../src/typeset/white-space.js';

describe('isWhiteSpace', () => {
  it('is what /\\s/ matches, for every UTF-16 unit', () => {
    for (let c = 0; c < 0x10000; c++) expect([c, isWhiteSpace(c)]).toEqual([c, /\s/.test(String.fromCharCode(c))]);
  });
});
