import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PressroomError } from '../../src/diagnostics.js';
import { importText } from '../../src/import/index.js';
import { parseRelease } from '../../src/release/index.js';

const today = new Date(Date.UTC(2026, 10, 27));

/** Lines that look like parts of a release, so the generator reaches the interesting paths. */
const releaseLine = fc.oneof(
  fc.constantFrom(
    '', '', '**Embassy of Somewhere', 'in the Land**', '**News Release**', 'Press Release', '보도자료',
    'Tel:(65) 6265 9766; Fax:(65) 6348 2026; a@b.sg', 'Phone: 1 | www.x.org', '1 Main Road, #01-02, Town 1000',
    'Pyongyang, April 7 (KCNA) -- The text', 'Town, May 2, 2019 — More', '평양, 4월 7일 -- 본문',
    'Dear comrades,', 'and then it goes on', '- a list item', '## A heading', '> a quote', '```', '###', '- 2 -',
    '7 April 2021', 'For immediate release', 'No. 12/2021', 'February 30', 'Town, February 30 -- x', '# Title',
    '\t', '\uFEFF', '\r', '\f', '*', '**', '|', ': x', '- ', '&', '!tag', '%YAML', '---', '...', '"', "'",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const releaseText = fc.array(releaseLine, { maxLength: 30 }).chain((lines) =>
  fc.constantFrom('\n', '\r\n', '\r').map((newline) => lines.join(newline)),
);

/** Runs the import and checks that it either succeeds coherently or fails with a located syntax error. */
function checkImport(text: string): void {
  let result;
  try {
    result = importText(text, 'in.txt', { today });
  } catch (error) {
    expect(error).toBeInstanceOf(PressroomError);
    const failure = error as PressroomError;
    expect(failure.kind).toBe('syntax');
    expect(failure.position.file).toBe('in.txt');
    expect(failure.position.line).toBeGreaterThanOrEqual(1);
    expect(failure.format()).toMatch(/^in\.txt:\d+: /);
    return;
  }
  expect(parse(result.yaml)).toEqual(result.data);
  expect(typeof result.data.body).toBe('string');
  expect(result.data.body).not.toBe('');
  expect(result.data.lang).toMatch(/^(en|ko)$/);
  if (result.data.date !== undefined) expect(result.data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const warning of result.warnings) expect(warning.file).toBe('in.txt');
  // Deterministic: the same text gives the same YAML.
  expect(importText(text, 'in.txt', { today }).yaml).toBe(result.yaml);
}

const word = fc.stringMatching(/^[a-z]{1,8}$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => {
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
});
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' '));
const contacts = fc.record({
  phone: fc.constantFrom('(65) 6265 9766', '+1 555 0100'),
  fax: fc.option(fc.constant('(65) 6348 2026'), { nil: undefined }),
  email: fc.option(fc.constant('press@example.org'), { nil: undefined }),
  website: fc.option(fc.constant('https://example.org'), { nil: undefined }),
});
const shapedRelease = fc.record({
  name: fc.constantFrom(['Embassy of Somewhere'], ['Embassy of Somewhere', 'in the Land of Elsewhere']),
  contacts,
  separator: fc.constantFrom('; ', ' | ', ', '),
  label: fc.constantFrom('Press Release', 'News Release', 'Communiqué', 'Media Statement'),
  title: sentence,
  place: fc.constantFrom('Pyongyang', 'Singapore', 'NEW YORK'),
  source: fc.option(fc.constantFrom('KCNA', 'AP'), { nil: undefined }),
  dash: fc.constantFrom('--', '—', '–'),
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
  wrap: fc.boolean(),
});

describe('import of release-shaped text', () => {
  it('finds every part, keeps every word, and loads with the release loader', () => {
    fc.assert(
      fc.property(shapedRelease, (shape) => {
        const name = shape.name.length === 1 ? [`**${shape.name[0]}**`] : [`**${shape.name[0]}`, `${shape.name[1]}**`];
        const contactLine = [
          `Tel: ${shape.contacts.phone}`,
          shape.contacts.fax && `Fax: ${shape.contacts.fax}`,
          shape.contacts.email,
          shape.contacts.website,
        ].filter(Boolean).join(shape.separator);
        const source = shape.source ? ` (${shape.source})` : '';
        const paragraphs = [`${shape.place}, March 3${source} ${shape.dash} ${shape.paragraphs[0]}`, ...shape.paragraphs.slice(1)];
        // Hard-wrapped input: every paragraph broken after each sentence.
        const written = shape.wrap ? paragraphs.map((p) => p.replace(/\. /g, '.\n')) : paragraphs;
        const text = [...name, '1 Main Road, Town 1000', contactLine, '', shape.label, '', shape.title, '', written.join('\n\n')].join('\n');

        const result = importText(text, 'in.txt', { year: 2024 });
        expect(result.warnings).toEqual([]);
        expect(result.data.issuer).toEqual({ name: shape.name, address: '1 Main Road, Town 1000', ...JSON.parse(JSON.stringify(shape.contacts)) });
        expect(result.data.label).toBe(shape.label);
        expect(result.data.title).toBe(shape.title);
        expect(result.data.dateline).toEqual({ place: shape.place, text: 'March 3', ...(shape.source ? { source: shape.source } : {}) });
        expect(result.data.body).toBe(`${shape.paragraphs.join('\n\n')}\n`);
        expect(parseRelease(result.yaml, 'in.yaml').release.date).toBe('2024-03-03');
      }),
      { numRuns: 300 },
    );
  });
});

describe('import of arbitrary text', () => {
  it('gives release data that loads back, or a syntax error with file and line', () => {
    fc.assert(fc.property(releaseText, checkImport), { numRuns: 500 });
  });

  it('never crashes on any string at all', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkImport), { numRuns: 500 });
  });
});
