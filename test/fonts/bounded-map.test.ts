import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../../src/fonts/bounded-map.js';

describe('BoundedMap', () => {
  it('keeps the newest `limit` insertions, as a Map that drops its first key when full', () => {
    const op = fc.oneof(
      fc.tuple(fc.constant('set' as const), fc.integer({ min: 0, max: 40 })),
      fc.tuple(fc.constant('delete' as const), fc.integer({ min: 0, max: 40 })),
      fc.tuple(fc.constant('clear' as const), fc.constant(0)),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(op, { maxLength: 300 }), (limit, ops) => {
        const bounded = new BoundedMap<number, number>(limit);
        const model = new Map<number, number>();
        ops.forEach(([kind, key], i) => {
          if (kind === 'set') {
            if (model.size >= limit && !model.has(key)) model.delete(model.keys().next().value as number);
            model.set(key, i);
            bounded.set(key, i);
          } else if (kind === 'delete') {
            model.delete(key);
            bounded.delete(key);
          } else {
            model.clear();
            bounded.clear();
          }
          expect([...bounded]).toEqual([...model]);
        });
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it('costs about what a Map costs once full', () => {
    const map = new BoundedMap<string, number>(10_000);
    for (let i = 0; i < 10_000; i++) map.set(`k${i}`, i);
    const start = performance.now();
    for (let i = 10_000; i < 110_000; i++) map.set(`k${i}`, i);
    // 100,000 sets: ~0.7 s when each drop walked past the entries dropped before it.
    expect(performance.now() - start).toBeLessThan(300);
    expect(map.size).toBe(10_000);
    expect(map.has('k100000')).toBe(true);
    expect(map.has('k109999')).toBe(true);
    expect(map.has('k99999')).toBe(false);
  });
});
