import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRelease } from '../../src/build/index.js';
import { epubcheck } from '../support/epubcheck.js';
import { qpdfCheck } from '../support/validators.js';
import { unreadable } from './readable.js';

const root = mkdtempSync(join(tmpdir(), 'pressroom-fuzz-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Any text: all of Unicode (lone surrogates included), or Markdown-ish, of any length up to a few hundred. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom('**', '*', '_', '[', '](', ')', '\n\n', '## ', '- ', '> ', '{{', '}}', '<b>', '&amp;', '\\', 'word ', '`'), { maxLength: 60 }).map((parts) => parts.join('')),
);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A release with every field drawn at random, optional ones present or not. */
const release = fc.record(
  {
    lang: optional(fc.constantFrom('en', 'fr', 'ko', 'ar', 'de-CH', 'x-bad', '')),
    issuer: fc.record({ name: fc.oneof(text, fc.array(text, { maxLength: 3 })), address: text, phone: optional(text), email: optional(fc.constantFrom('press@example.org', 'bad')) }, { requiredKeys: ['name', 'address'] }),
    label: optional(text),
    reference: optional(text),
    release: optional(fc.constantFrom('immediate', '2024-06-03T09:00:00+01:00', '2024-06-03T09:00:00', 'soon')),
    date: fc.oneof(fc.constant('2024-03-12'), fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), text),
    dateline: optional(fc.record({ place: text, source: optional(text) }, { requiredKeys: ['place'] })),
    title: text,
    subtitle: optional(text),
    body: text,
    contacts: optional(fc.array(fc.record({ name: text, role: optional(text) }, { requiredKeys: ['name'] }), { maxLength: 3 })),
    about: optional(text),
    end: optional(text),
  },
  { requiredKeys: ['issuer', 'date', 'title', 'body'] },
);

describe('fuzzing load → build', () => {
  it('random releases build into valid PDFs or fail with readable errors, never unexpectedly', async () => {
    const epubs: string[] = [];
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(release, async (data) => {
        const dir = join(root, `run${runs++}`);
        const input = join(dir, 'r.json');
        mkdirSync(dir, { recursive: true });
        writeFileSync(input, JSON.stringify(data));
        const result = await buildRelease(input, { outDir: join(dir, 'out') });
        for (const line of [...result.errors, ...result.warnings]) {
          expect(unreadable(line), line).toBeUndefined();
          expect(line).not.toMatch(/unexpected error/);
        }
        if (result.errors.length > 0) return;
        const check = qpdfCheck(join(dir, 'out', 'r.pdf'));
        expect(check.ok, check.output).toBe(true);
        if (epubs.length < 3) epubs.push(join(dir, 'out', 'r.epub'));
      }),
      { numRuns: 40, seed: 20240312 },
    );
    expect(epubs.length).toBeGreaterThan(0);
    for (const epub of epubs) {
      const result = await epubcheck(epub);
      expect(result.ok, result.output).toBe(true);
    }
  }, 300_000);
});
