import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parseRelease } from '../../src/release/index.js';
import { renderEpub } from '../../src/index.js';
import { epubcheck } from '../support/epubcheck.js';

/** Words from the scripts a press office meets, plus characters that need escaping in XML. */
const word = fc.constantFrom(
  'press', 'Minister', 'forum', 'coopération', 'Δελτίο', 'Пресс-релиз', '보도자료', '대사관', '新闻', 'بيان', 'שלום',
  '😀', 'a&b', '<tag>', '"quoted"', "it's", '{{x}}', '__proto__', '10 000', 'https://example.org/a?b=1&c=2',
);
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
const markdownBlock = fc.oneof(
  sentence,
  sentence.map((s) => `**${s}** and *${s}*`),
  sentence.map((s) => `## ${s}`),
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  sentence.map((s) => `> ${s}`),
  sentence.map((s) => `[${s}](https://example.org/x)`),
);
const release = fc.record({
  lang: fc.constantFrom('en', 'fr', 'ko', 'ar', 'he', 'el', 'ru'),
  issuer: fc.record({ name: fc.array(sentence, { minLength: 1, maxLength: 2 }), address: sentence }),
  date: fc.constantFrom('2021-04-07', '2024-02-29', '1999-12-31'),
  title: sentence.map((s) => `${s} **${s}**`),
  subtitle: fc.option(sentence, { nil: undefined }),
  dateline: fc.option(fc.record({ place: sentence }), { nil: undefined }),
  body: fc.array(markdownBlock, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n')),
  about: fc.option(sentence, { nil: undefined }),
});

it('every EPUB of random releases in many scripts passes epubcheck with no errors and no warnings', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-epub-prop-'));
  const samples = fc.sample(release, { numRuns: 8, seed: 7 });
  const files: string[] = [];
  for (const [i, data] of samples.entries()) {
    const loaded = parseRelease(JSON.stringify(data), join(dir, `r${i}.json`));
    const file = join(dir, `r${i}.epub`);
    writeFileSync(file, await renderEpub(loaded));
    files.push(file);
  }
  const results = await Promise.all(files.map((f) => epubcheck(f)));
  for (const [i, result] of results.entries()) expect(result.ok, `${files[i]}\n${result.output}`).toBe(true);
}, 300_000);
