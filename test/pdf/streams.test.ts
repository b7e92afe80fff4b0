import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateContent } from '../../src/pdf/streams.js';

// A subset of Tinos (10,100 bytes) on which zlib's match search reaches into what an engine
// reused after reset still holds of the stream before.
const subset = readFileSync(new URL('../fixtures/tinos-subset.bin', import.meta.url));
const text = Buffer.from('BT /F1 10 Tf [<0041> -20 <0042>] TJ ET\n'.repeat(1300), 'latin1');

describe('deflateContent', () => {
  it('gives a stream the same bytes whatever the process deflated before', () => {
    const alone = deflateSync(subset, { level: 4 });
    for (const before of [text, subset, Buffer.alloc(0)]) {
      deflateContent(before);
      expect(deflateContent(subset).equals(alone)).toBe(true);
    }
  });
});
