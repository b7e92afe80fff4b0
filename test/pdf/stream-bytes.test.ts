import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamBytes } from '../../src/pdf/stream-bytes.js';

/** What PDFKit writes for a number in a content stream. */
const pdfkitNumber = (n: number) => String(Math.round(n * 1e6) / 1e6);

const written = (write: (out: StreamBytes) => void): string => {
  const out = new StreamBytes();
  out.room(64);
  write(out);
  const text = out.view().toString('latin1');
  out.release();
  return text;
};

describe('StreamBytes', () => {
  it('writes numbers as PDFKit does', () => {
    const edges = [0, -0, 1e-7, -4e-7, 5e-7, -5e-7, 1e-6, 0.1, 0.5, 1, 10, 612, 792.0000004, -1234.56789, 999999999.999999, 1e9, 1e12, 2.5e14, 1e15, 1e21, 1e300, -1e300, NaN, Infinity, -Infinity];
    for (const n of edges) expect(written((out) => out.number(n))).toBe(pdfkitNumber(n));
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -2000, max: 2000 }), fc.double({ min: -1e10, max: 1e10 }), fc.integer().map((i) => i / 1e6), fc.double()), (n) => {
        expect(written((out) => out.number(n))).toBe(pdfkitNumber(n));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes glyph codes as four hex digits, strings as latin1 lines, and grows', () => {
    expect(written((out) => [0, 0x1f, 0xabc, 0xffff].forEach((c) => out.hex4(c)))).toBe('0000001f0abcffff');
    const out = new StreamBytes();
    const long = 'x'.repeat(50_000);
    out.line('BT');
    out.line(long);
    out.line('é\u0141');
    expect(out.view().toString('latin1')).toBe(`BT\n${long}\né\u0041\n`);
    out.release();
  });
});
