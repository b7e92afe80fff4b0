import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateAt } from '../../src/pdf/deflate.js';

describe('deflateAt', () => {
  it('gives the bytes deflateSync gives, stream after stream from one engine', () => {
    const text = Buffer.from('BT /F1 10 Tf [<0041> -20 <0042>] TJ ET\n'.repeat(300), 'latin1');
    const inputs = [Buffer.alloc(0), Buffer.from('q'), text, randomBytes(70_000), text.subarray(5), randomBytes(10)];
    for (const level of [4, 6, 9]) {
      for (const input of inputs) expect(deflateAt(input, level).equals(deflateSync(input, { level }))).toBe(true);
    }
  });
});
