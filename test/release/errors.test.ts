import { describe, expect, it } from 'vitest';
import { parseRelease } from '../../src/release/index.js';
import { closestName, editDistance } from '../../src/release/suggest.js';
import { errorsOf, kindsOf, VALID_YAML } from './messages.js';

/** VALID_YAML with line `n` (1-based) replaced by `lines`, or removed when `lines` is empty. */
function changeLine(n: number, ...lines: string[]): string {
  const all = VALID_YAML.split('\n');
  all.splice(n - 1, 1, ...lines);
  return all.join('\n');
}

const plus = (...lines: string[]): string => [VALID_YAML, ...lines].join('\n');

interface Case {
  name: string;
  text: string;
  path?: string;
  expected: string[];
}

const cases: Case[] = [
  { name: 'misspelt field', text: plus('titel: x'), expected: ["x.yaml:7:1: titel: unknown field (did you mean 'title'?)"] },
  {
    name: 'misspelt nested field',
    text: changeLine(3, '  address: 1 Example Street', '  websit: https://example.org'),
    expected: ["x.yaml:4:3: issuer.websit: unknown field (did you mean 'website'?)"],
  },
  { name: 'field start as a prefix', text: plus('sub: A subtitle'), expected: ["x.yaml:7:1: sub: unknown field (did you mean 'subtitle'?)"] },
  { name: 'field in the wrong place', text: plus('phone: 555 0100'), expected: ["x.yaml:7:1: phone: unknown field ('phone' belongs under 'issuer')"] },
  { name: 'unknown field far from any name', text: plus('colour: blue'), expected: ['x.yaml:7:1: colour: unknown field'] },
  { name: '__proto__ key', text: plus('__proto__: { polluted: true }'), expected: ['x.yaml:7:1: __proto__: unknown field'] },
  {
    name: '__proto__ key in JSON',
    path: 'x.json',
    text: '{"__proto__": {"polluted": true}, "constructor": 1, "issuer": {"name": "M", "address": "A"}, "date": "2024-03-12", "title": "T", "body": "B"}',
    expected: ['x.json:1:2: __proto__: unknown field', 'x.json:1:35: constructor: unknown field'],
  },
  { name: 'list where text is expected', text: changeLine(3, '  address: [1 Example Street, Town]'), expected: ['x.yaml:3:12: issuer.address: expected text, found a list'] },
  { name: 'mapping where text is expected', text: changeLine(5, 'title: { text: A title }'), expected: ['x.yaml:5:8: title: expected text, found a mapping'] },
  { name: 'text where fields are expected', text: 'issuer: Ministry\ndate: 2024-03-12\ntitle: T\nbody: B', expected: ['x.yaml:1:9: issuer: expected a mapping of fields, found text'] },
  { name: 'a line of the issuer name is a list', text: changeLine(2, '  name:', '    - Ministry', '    - [of, Examples]'), expected: ['x.yaml:4:7: issuer.name[1]: expected text, found a list'] },
  { name: 'empty issuer name list', text: changeLine(2, '  name: []'), expected: ['x.yaml:2:9: issuer.name: expected at least one line, found an empty list'] },
  { name: 'contacts not a list', text: plus('contacts: { name: A }'), expected: ['x.yaml:7:11: contacts: expected a list, found a mapping'] },
  { name: 'contact without a name', text: plus('contacts:', '  - role: Press officer'), expected: ['x.yaml:8:5: contacts[0].name: required field is missing'] },
  { name: 'missing required field', text: changeLine(5), expected: ['x.yaml:1:1: title: required field is missing'] },
  { name: 'missing nested required field', text: changeLine(3), expected: ['x.yaml:1:1: issuer.address: required field is missing'] },
  { name: 'required field without a value', text: changeLine(5, 'title:'), expected: ['x.yaml:5:1: title: required field has no value'] },
  { name: 'required field empty', text: changeLine(5, 'title: "  "'), expected: ['x.yaml:5:8: title: required field is empty'] },
  { name: 'dateline without place', text: plus('dateline:', '  source: NNA'), expected: ['x.yaml:7:1: dateline.place: required field is missing'] },
  { name: 'field given twice', text: plus('title: Another'), expected: ['x.yaml:7:1: title: field given twice (first at line 5)'] },
  { name: 'no such date', text: changeLine(4, 'date: 2021-02-30'), expected: ['x.yaml:4:7: date: no such date: day 30 of February 2021 (February 2021 has 28 days)'] },
  { name: 'no such month', text: changeLine(4, 'date: 2021-13-01'), expected: ['x.yaml:4:7: date: no such date: month 13 (months run from 01 to 12)'] },
  { name: 'date in another form', text: changeLine(4, 'date: 7 April 2021'), expected: ["x.yaml:4:7: date: expected a date as YYYY-MM-DD, found '7 April 2021' (e.g. 2024-03-12)"] },
  { name: 'date as a number', text: changeLine(4, 'date: 20210407'), expected: ["x.yaml:4:7: date: expected a date as YYYY-MM-DD, found '20210407' (e.g. 2024-03-12)"] },
  { name: 'bad lang with a fix', text: plus('lang: en_GB'), expected: ["x.yaml:7:7: lang: 'en_GB' is not a BCP 47 language tag (did you mean 'en-GB'?)"] },
  { name: 'bad lang', text: plus('lang: English'), expected: ["x.yaml:7:7: lang: 'English' is not a BCP 47 language tag (e.g. en, en-GB, fr-CA, ko)"] },
  { name: 'lang that does not parse', text: plus('lang: en--GB'), expected: ["x.yaml:7:7: lang: 'en--GB' is not a BCP 47 language tag (e.g. en, en-GB, fr-CA, ko)"] },
  {
    name: 'embargo in words',
    text: plus('release: next Monday'),
    expected: ["x.yaml:7:10: release: expected 'immediate' or an ISO 8601 date-time, found 'next Monday' (write 'immediate' or a date-time with a time zone, e.g. 2024-06-03T09:00:00+01:00)"],
  },
  {
    name: 'embargo without a time',
    text: plus('release: 2024-06-03'),
    expected: ["x.yaml:7:10: release: expected 'immediate' or an ISO 8601 date-time, found '2024-06-03' (an embargo needs a time and a time zone, e.g. 2024-06-03T09:00:00+01:00)"],
  },
  {
    name: 'embargo without a time zone',
    text: plus('release: 2024-06-03T09:00:00'),
    expected: ["x.yaml:7:10: release: the embargo time '2024-06-03T09:00:00' has no time zone (add Z for UTC or an offset such as +01:00)"],
  },
  { name: 'embargo on no such day', text: plus('release: 2024-02-30T09:00Z'), expected: ['x.yaml:7:10: release: no such date: day 30 of February 2024 (February 2024 has 29 days)'] },
  { name: 'issuer e-mail', text: changeLine(3, '  address: A', '  email: press at example.org'), expected: ["x.yaml:4:10: issuer.email: 'press at example.org' is not an e-mail address (e.g. press@example.org)"] },
  {
    name: 'website without a scheme',
    text: changeLine(3, '  address: A', '  website: example.org'),
    expected: ["x.yaml:4:12: issuer.website: expected an http:// or https:// address, found 'example.org' (did you mean 'https://example.org'?)"],
  },
  {
    name: 'website with another scheme',
    text: changeLine(3, '  address: A', '  website: javascript:alert(1)'),
    expected: ["x.yaml:4:12: issuer.website: expected an http:// or https:// address, found 'javascript:alert(1)' (e.g. https://example.org)"],
  },
  { name: 'control character', text: changeLine(5, 'title: "A\\u0007title"'), expected: ['x.yaml:5:8: title: control character U+0007 is not allowed'] },
  { name: 'C1 control character', text: changeLine(5, 'title: "A\\x85title"'), expected: ['x.yaml:5:8: title: control character U+0085 is not allowed'] },
  { name: 'lone surrogate', text: changeLine(5, 'title: "A\\uD800title"'), expected: ['x.yaml:5:8: title: broken character: lone surrogate U+D800'] },
  { name: 'YAML syntax error', text: changeLine(5, 'title: A: title'), expected: ['x.yaml:5:8: Nested mappings are not allowed in compact mappings'] },
  { name: 'unknown alias', text: changeLine(5, 'title: *headline'), expected: ['x.yaml:5:8: unknown alias *headline'] },
  { name: 'JSON syntax error', path: 'x.json', text: '{\n  "title": "A"\n  "date": "2024-03-12"\n}', expected: ["x.json:3:3: expected ',' or '}', found '\"'"] },
  { name: 'JSON trailing comma', path: 'x.json', text: '{\n  "title": "A",\n}', expected: ["x.json:3:1: expected a field name in double quotes, found '}' (JSON allows no comma before })"] },
  { name: 'JSON unclosed text', path: 'x.json', text: '{\n  "title": "A\n}', expected: ['x.json:2:14: control character U+000A inside double quotes (write a line break as \\n)'] },
  { name: 'JSON that is not a mapping', path: 'x.json', text: '[1, 2]', expected: ['x.json:1:1: expected a mapping of fields, found a list'] },
  { name: 'markdown without closing fence', path: 'x.md', text: '---\ntitle: A\n\nSome text.', expected: ["x.md:1:1: front matter has no closing '---' line"] },
  {
    name: 'markdown without front matter',
    path: 'x.md',
    text: '# A title\n\nSome text.',
    expected: ["x.md:1:1: a Markdown release must start with front matter: a first line '---' (put the release fields between two --- lines, then the body)"],
  },
  {
    name: 'markdown body twice',
    path: 'x.md',
    text: `---\n${VALID_YAML}\n---\n\nMore text.\n`,
    expected: ['x.md:7:1: body: given both in the front matter and after it (keep one of the two)'],
  },
  { name: 'markdown front matter lines count from the top', path: 'x.md', text: `---\n${changeLine(6).replace('A title', '[A, title]')}\n---\nText.`, expected: ['x.md:6:8: title: expected text, found a list'] },
  { name: 'markdown without body', path: 'x.md', text: `---\n${changeLine(6)}\n---\n`, expected: ['x.md:7:1: body: required field is empty'] },
  { name: 'control character in a Markdown body, at its place', path: 'x.md', text: `---\n${changeLine(6)}\n---\n\nFirst line.\nSecond \u0007 line.`, expected: ['x.md:10:8: body: control character U+0007 is not allowed'] },
  { name: 'unknown extension', path: 'notes.txt', text: VALID_YAML, expected: ['notes.txt: not a release file (use a .yaml, .yml, .json, .md or .markdown file)'] },
  { name: 'empty text', text: '', expected: ['x.yaml: file is empty'] },
];

describe('bad input gets one line per problem, with file:line:col and field', () => {
  it.each(cases)('$name', ({ text, path, expected }) => {
    expect(errorsOf(text, path)).toEqual(expected);
  });

  it('a file over the size limit is a limit error naming the option', () => {
    expect(errorsOf(VALID_YAML, 'x.yaml', { maxBytes: 20 })).toEqual(["x.yaml: file is 113 bytes, more than the limit of 20 bytes (raise it with --max-input-bytes or 'maxInputBytes' in pressroom.config.json)"]);
    expect(kindsOf('a'.repeat(11 * 1024 * 1024))).toEqual(['limit']);
  });

  it('gives each problem its kind', () => {
    expect(kindsOf(plus('titel: x'))).toEqual(['schema']);
    expect(kindsOf('a: b: c')).toEqual(['syntax']);
    expect(kindsOf('{', 'x.json')).toEqual(['syntax']);
    expect(kindsOf('['.repeat(600), 'x.json')).toEqual(['limit']);
  });
});

describe('every error at once', () => {
  it('reports all problems in file order, not just the first', () => {
    const text = [
      'titel: Opening',
      'issuer:',
      '  name: [Ministry, [of]]',
      '  email: nobody',
      'date: 2021-02-30',
      'lang: en_GB',
      'release: soon',
      'body: "x\\u0001"',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      "x.yaml:1:1: titel: unknown field (did you mean 'title'?)",
      'x.yaml:1:1: title: required field is missing',
      'x.yaml:2:1: issuer.address: required field is missing',
      'x.yaml:3:20: issuer.name[1]: expected text, found a list',
      "x.yaml:4:10: issuer.email: 'nobody' is not an e-mail address (e.g. press@example.org)",
      'x.yaml:5:7: date: no such date: day 30 of February 2021 (February 2021 has 28 days)',
      "x.yaml:6:7: lang: 'en_GB' is not a BCP 47 language tag (did you mean 'en-GB'?)",
      "x.yaml:7:10: release: expected 'immediate' or an ISO 8601 date-time, found 'soon' (write 'immediate' or a date-time with a time zone, e.g. 2024-06-03T09:00:00+01:00)",
      'x.yaml:8:7: body: control character U+0001 is not allowed',
    ]);
  });

  it('reports a body given twice together with other field errors', () => {
    expect(errorsOf(`---\n${VALID_YAML}\ntitel: x\n---\nMore text.`, 'x.md')).toEqual([
      'x.md:7:1: body: given both in the front matter and after it (keep one of the two)',
      "x.md:8:1: titel: unknown field (did you mean 'title'?)",
    ]);
  });

  it('reports several YAML syntax errors', () => {
    expect(errorsOf('a: [1, 2\nb: c: d\n').length).toBeGreaterThan(1);
  });
});

describe('values that are accepted', () => {
  it('takes numbers where text is expected as written', () => {
    const { release } = parseRelease(changeLine(3, '  address: A', '  phone: 0044 20', '  fax: 0044') + '\nreference: 12.50', 'x.yaml');
    expect(release.issuer.phone).toBe('0044 20');
    expect(release.issuer.fax).toBe('0044');
    expect(release.reference).toBe('12.50');
  });

  it('canonicalises lang, defaults it, and reads an embargo', () => {
    expect(parseRelease(plus('lang: EN-gb'), 'x.yaml').release.lang).toBe('en-GB');
    expect(parseRelease(VALID_YAML, 'x.yaml').release.lang).toBe('en');
    expect(parseRelease(plus('release: 2024-06-03T09:00:00Z'), 'x.yaml').release.release).toEqual({ kind: 'embargo', until: '2024-06-03T09:00:00Z' });
    expect(parseRelease(plus('release: immediate'), 'x.yaml').release.release).toEqual({ kind: 'immediate' });
  });

  it('re-derives a YAML 1.1 timestamp from the source text', () => {
    const { release } = parseRelease(`%YAML 1.1\n---\n${VALID_YAML}`, 'x.yaml');
    expect(release.date).toBe('2024-03-12');
  });

  it('trims one-line fields, joins their lines, normalises to NFC, keeps Markdown as written', () => {
    const text = changeLine(5, 'title: "  Cafe\\u0301  "', 'subtitle: |', '  two', '  lines', 'end: "  ###  "', 'about: |', '  Para one.', '', '      code');
    const { release } = parseRelease(text, 'x.yaml');
    expect(release.title).toBe('Café');
    expect(release.title.length).toBe(4);
    expect(release.subtitle).toBe('two\nlines');
    expect(release.end).toBe('###');
    expect(release.about).toBe('Para one.\n\n    code');
  });

  it('never assigns __proto__ onto an object', () => {
    expect(() => parseRelease(plus('__proto__: { polluted: true }'), 'x.yaml')).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a YAML comment that cut a value after a comma, with a warning', () => {
    const loaded = parseRelease(changeLine(3, '  address: 12 Harbour Road, #04-01 Example Tower'), 'x.yaml');
    expect(loaded.release.issuer.address).toBe('12 Harbour Road, #04-01 Example Tower');
    expect(loaded.warnings?.map((w) => `${w.line}:${w.col} ${w.field}`)).toEqual(['3:12 issuer.address']);
    expect(parseRelease(changeLine(3, '  address: 12 Harbour Road # a comment'), 'x.yaml').release.issuer.address).toBe('12 Harbour Road');
  });

  it('records the position of every field present', () => {
    const { source } = parseRelease(changeLine(2, '  name:', '    - Ministry', '    - of Examples'), 'x.yaml');
    expect(source.positions['issuer.name[1]']).toEqual({ file: 'x.yaml', line: 4, col: 7 });
    expect(source.positions['title']).toEqual({ file: 'x.yaml', line: 7, col: 1 });
    expect(source.format).toBe('yaml');
  });
});

describe('did-you-mean distance', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(closestName('Titel', ['title', 'subtitle'])).toBe('title');
    expect(closestName('x', ['id', 'end'])).toBeUndefined();
  });
});
