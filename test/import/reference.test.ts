import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/import/index.js';
import { parseRelease } from '../../src/release/index.js';
import { expectGolden } from '../golden.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = 'test/fixtures/import/reference.txt';
const referenceText = readFileSync(join(root, fixture), 'utf8');
const imported = importText(referenceText, fixture, { year: 2021 });
const issuer = imported.data.issuer as Record<string, unknown>;
const body = imported.data.body as string;

/** Words of a text with Markdown emphasis marks removed, for comparing running text. */
function words(text: string): string[] {
  return text.replace(/\*\*/g, ' ').split(/\s+/).filter((word) => word !== '');
}

describe('importing the reference release', () => {
  it('reads the letterhead', () => {
    expect(issuer.name).toEqual(["Embassy of the Democratic People's Republic of Korea", 'in the Republic of Singapore']);
    expect(issuer.address).toBe('1 North Bridge Road, #15-01 High Street Centre, Singapore 179094');
    expect(issuer.phone).toBe('(65) 6265 9766');
    expect(issuer.fax).toBe('(65) 6348 2026');
    expect(issuer.email).toBe('embdprk@singnet.com.sg');
    expect(issuer.website).toBeUndefined();
  });

  it('reads the label, the title with its bold run, and no subtitle', () => {
    expect(imported.data.label).toBe('Press Release');
    expect(imported.data.title).toBe('Opening Speech Made by Respected Comrade **Kim Jong Un at Sixth Conference of Cell Secretaries of WPK**');
    expect(imported.data.subtitle).toBeUndefined();
  });

  it('takes the dateline out of the first paragraph', () => {
    expect(imported.data.dateline).toEqual({ place: 'Pyongyang', source: 'KCNA', text: 'April 7' });
    expect(imported.data.date).toBe('2021-04-07');
    expect(body.startsWith('The following is the opening speech')).toBe(true);
    expect(body).not.toContain('(KCNA)');
  });

  it('keeps paragraphs and salutations apart and joins the one a page break split', () => {
    const paragraphs = body.trimEnd().split('\n\n');
    expect(paragraphs).toHaveLength(28);
    expect(paragraphs[1]).toBe('Dear comrade cell secretaries,');
    expect(paragraphs.filter((p) => p === 'Comrades,')).toHaveLength(1);
    expect(body).toContain('can be executed to the letter and bear rich fruits only when all the organizations of the Party');
    expect(paragraphs.every((p) => !p.includes('\n'))).toBe(true);
  });

  it('loses no word of the body: dateline plus body give the reference back in order', () => {
    const bodyStart = referenceText.indexOf('Pyongyang, April 7');
    const dateline = 'Pyongyang, April 7 (KCNA) --';
    expect(words(`${dateline} ${body}`)).toEqual(words(referenceText.slice(bodyStart)));
  });

  it('reports what it found, with no warnings when the year is given', () => {
    expect(imported.inferred).toEqual([
      'lang: en (inferred from the Latin script)',
      'issuer: 2 name lines, address, phone, fax, email',
      'label: Press Release (line 10)',
      'title: line 12',
      'dateline: Pyongyang, April 7 (KCNA)',
      'body: 28 paragraphs, 1 joined across a page break (line 30)',
      'date: 2021-04-07 (year given)',
    ]);
    expect(imported.warnings).toEqual([]);
  });

  it('writes YAML in the DESIGN.md order that loads back to the same data', () => {
    expect(parse(imported.yaml)).toEqual(imported.data);
    expect(Object.keys(imported.data)).toEqual(['lang', 'issuer', 'label', 'date', 'dateline', 'title', 'body']);
    expect(imported.yaml).toContain('body: |\n  The following');
    expectGolden('import/reference.yaml', imported.yaml);
  });

  it('guesses the current year when none is given or written, and says so', () => {
    const guessed = importText(referenceText, fixture, { today: new Date(Date.UTC(2026, 10, 27)) });
    expect(guessed.data.date).toBe('2026-04-07');
    expect(guessed.warnings).toEqual([
      { file: fixture, line: 14, field: 'date', message: 'year of the date guessed as 2026; pass --year' },
    ]);
    expect(guessed.yaml).toContain('date: 2026-04-07 # year guessed: check it');
    expect(parse(guessed.yaml)).toEqual(guessed.data);
  });

  it('loads with the release loader without errors', () => {
    const { release } = parseRelease(imported.yaml, 'test/fixtures/import/reference.yaml');
    expect(release.date).toBe('2021-04-07');
    expect(release.issuer.name).toHaveLength(2);
    expect(release.title).toBe(imported.data.title);
    expect(release.body).toBe(body.trimEnd());
  });
});
