import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PressroomError } from '../../src/diagnostics.js';
import { importText, type ImportOptions } from '../../src/import/index.js';
import { parseRelease } from '../../src/release/index.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import');
const reference = readFileSync(join(fixtures, 'reference.txt'), 'utf8');
const today = new Date(Date.UTC(2026, 10, 27));

const letter = (...lines: string[]): string => lines.join('\n');
const issuerOf = (text: string) => importText(text, 'in.txt', { year: 2021 }).data.issuer as Record<string, unknown>;

function thrown(action: () => unknown): PressroomError {
  try {
    action();
  } catch (error) {
    if (error instanceof PressroomError) return error;
    throw error;
  }
  throw new Error('expected a PressroomError');
}

describe('Markdown input', () => {
  const imported = importText(readFileSync(join(fixtures, 'markdown.md'), 'utf8'), 'markdown.md', { today });
  const body = imported.data.body as string;

  it('reads heading letterhead lines and a |-separated contact line with a website', () => {
    expect(imported.data.issuer).toEqual({
      name: ['Embassy of the Example Republic', 'in the Kingdom of Elsewhere'],
      address: '12 Harbour Road, #04-01 Example Tower, Elsewhere 100200',
      phone: '+65 6000 0000',
      email: 'press@example.org',
      website: 'https://example.org',
    });
    expect(imported.data.label).toBe('News Release');
  });

  it('takes the title from a heading, an italic deck as subtitle, and a year-bearing dateline', () => {
    expect(imported.data.title).toBe('Harbour Festival Opens With **Record Attendance**');
    expect(imported.data.subtitle).toBe('*More than 40,000 visitors on the first day*');
    expect(imported.data.dateline).toEqual({ place: 'ELSEWHERE', text: 'June 3, 2024' });
    expect(imported.data.date).toBe('2024-06-03');
    expect(imported.warnings).toEqual([]);
  });

  it('keeps headings, lists, quotes and emphasis as Markdown in the body', () => {
    expect(body).toBe(
      [
        'The Harbour Festival opened on Saturday with record attendance, organisers said.',
        '## Programme highlights',
        '- Concerts on the **waterfront** every evening\n- A *boat parade* on Sunday\n- Free entry for children',
        '> "We are delighted," said the festival director.',
        '1. Tickets at the gate\n2. Online booking at the festival site',
      ].join('\n\n') + '\n',
    );
  });

  it('takes the end mark and keeps what follows it as about', () => {
    expect(imported.data.end).toBe('###');
    expect(imported.data.about).toBe('About the Embassy\n\nThe Embassy represents the Example Republic in the Kingdom of Elsewhere.\n');
    expect(imported.yaml).toContain('end: "###"');
    expect(parse(imported.yaml)).toEqual(imported.data);
  });

  it('loads with the release loader', () => {
    const { release } = parseRelease(imported.yaml, 'markdown.yaml');
    expect(release.subtitle).toBe(imported.data.subtitle);
    expect(release.end).toBe('###');
  });
});

describe('letterhead variants', () => {
  const release = (contact: string) =>
    letter('**Embassy of Somewhere**', '1 Main Street, Town 1000', contact, '', 'Press Release', '', 'A Title', '', 'Town, May 2 -- Text.');

  it('leaves fax out when there is none', () => {
    const issuer = issuerOf(release('Tel: (65) 6265 9766; embdprk@singnet.com.sg'));
    expect(issuer).toEqual({ name: ['Embassy of Somewhere'], address: '1 Main Street, Town 1000', phone: '(65) 6265 9766', email: 'embdprk@singnet.com.sg' });
  });

  it.each([
    ['Tel. +1 555 0100, Fax. +1 555 0101, E-mail: a@b.org', { phone: '+1 555 0100', fax: '+1 555 0101', email: 'a@b.org' }],
    ['Phone: 555 0100 | Fax: 555 0101 | www.b.org', { phone: '555 0100', fax: '555 0101', website: 'www.b.org' }],
    ['**Tel.:** 555 0100 · **Fax.:** 555 0101 · **E-mail:** a@b.org', { phone: '555 0100', fax: '555 0101', email: 'a@b.org' }],
    ['Tel:555 0100;Fax:555 0101;E-mail:a@b.org;Website: https://b.org/press', { phone: '555 0100', fax: '555 0101', email: 'a@b.org', website: 'https://b.org/press' }],
  ])('splits %j', (line, expected) => {
    expect(issuerOf(release(line))).toMatchObject(expected);
  });

  it('finds a letterhead without a label by its contact line', () => {
    const imported = importText(letter('Embassy of Somewhere', '1 Main Street', 'Tel: 555 0100', '', 'A Title', '', 'Town, May 2 -- Text.'), 'in.txt', { year: 2021 });
    expect(imported.data.issuer).toEqual({ name: ['Embassy of Somewhere'], address: '1 Main Street', phone: '555 0100' });
    expect(imported.data.label).toBeUndefined();
    expect(imported.data.title).toBe('A Title');
  });
});

describe('lines around the label', () => {
  it('reads "For immediate release", a reference number and a date line', () => {
    const text = letter('**Embassy of Somewhere**', 'No. 5 Harbour Road', 'Tel: 555 0100', 'No. 12/2021', '', 'Press Release', 'For immediate release', '', '7 April 2021', '', 'Title', '', 'Body text.');
    const imported = importText(text, 'in.txt', { today });
    expect(imported.data).toMatchObject({ reference: 'No. 12/2021', release: 'immediate', date: '2021-04-07', title: 'Title' });
    expect((imported.data.issuer as Record<string, unknown>).address).toBe('No. 5 Harbour Road');
    expect(Object.keys(imported.data).slice(0, 6)).toEqual(['lang', 'issuer', 'label', 'reference', 'release', 'date']);
  });

  it('does not take a label-like line below running text for the label', () => {
    const text = letter('Title', '', `Town, May 2 -- ${'Opening words. '.repeat(12)}`, '', 'Statement', '', 'More words.');
    const imported = importText(text, 'in.txt', { year: 2021 });
    expect(imported.data.label).toBeUndefined();
    expect(imported.data.title).toBe('Title');
    expect(imported.data.body).toContain('\n\nStatement\n\n');
  });
});

describe('line ends and stray characters', () => {
  it('gives the same release for CRLF, a BOM and tabs', () => {
    const plain = importText(reference, 'r.txt', { year: 2021 });
    const crlf = importText(`\uFEFF${reference.replace(/\n/g, '\r\n').replace(/Dear comrade/g, 'Dear\tcomrade')}`, 'r.txt', { year: 2021 });
    expect(crlf.yaml).toBe(plain.yaml);
    expect(crlf.inferred).toEqual(plain.inferred);
  });

  it('joins hard-wrapped lines and drops page numbers between the halves of a split paragraph', () => {
    const text = letter('Title', '', 'Town, May 2 (AP) -- One line', 'wrapped here.', '', 'It goes on to', '', '- 2 -', '', 'the next page.');
    const imported = importText(text, 'in.txt', { year: 2021 });
    expect(imported.data.body).toBe('One line wrapped here.\n\nIt goes on to the next page.\n');
    expect(imported.inferred).toContain('body: 2 paragraphs, 1 joined across a page break (line 10), page numbers dropped (lines 8)');
  });
});

describe('datelines', () => {
  const withOpening = (opening: string, options: ImportOptions = { year: 2021 }) => importText(letter('Title', '', opening, '', 'More.'), 'in.txt', options);

  it.each([
    ['Pyongyang, April 7 (KCNA) — Text.', { place: 'Pyongyang', source: 'KCNA', text: 'April 7' }, '2026-04-07'],
    ['Singapore, 7 April – Text.', { place: 'Singapore', text: '7 April' }, '2026-04-07'],
    ['WASHINGTON, D.C., Sept. 30, 2019 - Text.', { place: 'WASHINGTON, D.C.', text: 'Sept. 30, 2019' }, '2019-09-30'],
    ['서울, 2021년 4월 7일 (연합뉴스) -- 본문.', { place: '서울', source: '연합뉴스', text: '2021년 4월 7일' }, '2021-04-07'],
  ])('reads %j', (opening, dateline, date) => {
    const imported = withOpening(opening, { today });
    expect(imported.data.dateline).toEqual(dateline);
    expect(imported.data.date).toBe(date);
    expect((imported.data.body as string).split('\n\n')[0]).toMatch(/^(Text|본문)\.$/);
  });

  it('prefers the given year over one written in the text', () => {
    expect(withOpening('Town, May 2, 2019 -- Text.', { year: 2020 }).data.date).toBe('2020-05-02');
  });

  it('without a dateline takes the date from a date line under the label', () => {
    const imported = importText(letter('Press Release', '7 April 2021', '', 'Title', '', 'Body text.'), 'in.txt', { today });
    expect(imported.data.dateline).toBeUndefined();
    expect(imported.data.date).toBe('2021-04-07');
    expect(imported.inferred).toContain('dateline: none found at the start of the body');
  });

  it('without any date uses today and warns', () => {
    const imported = importText(letter('Title', '', 'Body text.'), 'in.txt', { today });
    expect(imported.data.date).toBe('2026-11-27');
    expect(imported.warnings.map((w) => w.message)).toContain('no date found in the text; set to today (2026-11-27); edit it');
  });

  it('guesses the year from a year the text mentions, and warns', () => {
    const imported = importText(letter('Title', '', 'Town, May 2 -- The 2019 plan.', '', 'More.'), 'in.txt', { today });
    expect(imported.data.date).toBe('2019-05-02');
    expect(imported.warnings[imported.warnings.length - 1].message).toMatch(/guessed as 2019/);
  });

  it('warns about a day that does not exist and leaves date out', () => {
    const imported = withOpening('Town, February 30 -- Text.');
    expect(imported.data.date).toBeUndefined();
    expect(imported.warnings).toContainEqual({ file: 'in.txt', line: 3, field: 'date', message: '"February 30" is not a date in 2021; fill in the date' });
  });
});

describe('language', () => {
  it('infers ko from Hangul', () => {
    const imported = importText(letter('보도자료', '', '제목', '', '평양, 4월 7일 (조선중앙통신) -- 본문입니다.'), 'ko.txt', { year: 2021 });
    expect(imported.data.lang).toBe('ko');
    expect(imported.data.label).toBe('보도자료');
    expect(imported.inferred[0]).toBe('lang: ko (inferred from the Hangul script)');
  });
});

describe('what cannot be imported', () => {
  it.each([
    ['', 1, /empty/],
    ['\uFEFF\r\n  \r\n', 1, /empty/],
    ['Just a title', 1, /a title but no body/],
    ['Logo\nTel: 1234 5678\n\nPress Release\n', 4, /no title or body/],
    ['text\u0000more', 1, /not a text file/],
  ])('%j is a syntax error naming the file and line', (text, line, message) => {
    const error = thrown(() => importText(text, 'bad.txt'));
    expect(error.kind).toBe('syntax');
    expect(error.position).toMatchObject({ file: 'bad.txt', line });
    expect(error.message).toMatch(message);
  });

  it('warns about a missing letterhead and title instead of inventing them', () => {
    const imported = importText(`Town, May 2 -- ${'A long opening paragraph. '.repeat(20)}`, 'in.txt', { year: 2021 });
    expect(imported.data.issuer).toBeUndefined();
    expect(imported.data.title).toBeUndefined();
    expect(imported.warnings.map((w) => w.field)).toEqual(['issuer', 'title']);
  });
});
