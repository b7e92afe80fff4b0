import { BASE, built, refused, releaseJson, releaseMarkdown, releaseYaml, type HostileCase } from './types.js';

const PNG_SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

function yamlCase(name: string, text: string, expect: HostileCase['expect']): HostileCase {
  return { name, files: { 'r.yaml': text }, input: 'r.yaml', expect };
}
function jsonCase(name: string, text: string, expect: HostileCase['expect']): HostileCase {
  return { name, files: { 'r.json': text }, input: 'r.json', expect };
}
function mdCase(name: string, text: string, expect: HostileCase['expect']): HostileCase {
  return { name, files: { 'r.md': text }, input: 'r.md', expect };
}
/** A JSON release with `changes` over the valid base. */
function fieldsCase(name: string, changes: Record<string, unknown>, expect: HostileCase['expect']): HostileCase {
  return jsonCase(name, releaseJson(changes), expect);
}

/** Files that do not parse as YAML, JSON or front matter. */
export const syntaxCases: HostileCase[] = [
  yamlCase('yaml/unclosed-quote', releaseYaml('subtitle: "never closed'), refused('r.yaml:8', [/subtitle|quote|string/i])),
  yamlCase('yaml/bad-indentation', 'issuer:\n  name: A\n address: B\ndate: 2024-03-12\n', refused('r.yaml:3', [/indent|mapping|block/i])),
  yamlCase('yaml/tab-indentation', 'issuer:\n\tname: A\n', refused('r.yaml:2', [/tab/i])),
  yamlCase('yaml/duplicate-key', releaseYaml('title: Again'), refused('r.yaml:8', [/title/, /twice|duplicate|unique|more than once/i])),
  yamlCase('yaml/unclosed-flow-mapping', 'issuer: {name: A, address: B\ndate: 2024-03-12\n', refused('r.yaml', [/./])),
  yamlCase('yaml/undefined-alias', releaseYaml('subtitle: *nowhere'), refused('r.yaml:8', [/alias|anchor|nowhere/i])),
  yamlCase('yaml/alias-bomb', billionLaughs(), refused('r.yaml', [/alias|too many|expand|limit|nested/i])),
  yamlCase('yaml/two-documents', releaseYaml('---\ntitle: second'), refused('r.yaml:8:1', [/one YAML document/])),
  yamlCase('yaml/top-level-list', '- a\n- b\n', refused('r.yaml:1', [/mapping|fields/i])),
  yamlCase('yaml/top-level-scalar', 'just a sentence\n', refused('r.yaml:1', [/mapping|fields/i])),
  yamlCase('yaml/js-function-tag', releaseYaml('subtitle: !!js/function "function(){ return process.exit(9) }"'), built()),
  yamlCase('yaml/binary-tag', releaseYaml('subtitle: !!binary aGVsbG8='), built()),
  yamlCase('yaml/deep-flow-nesting', `subtitle: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, refused('r.yaml', [/nest|deep|subtitle/i])),
  yamlCase('yaml/merge-key', releaseYaml('base: &b {x: 1}\nother:\n  <<: *b'), refused('r.yaml:8', [/base/, /unknown/])),
  jsonCase('json/trailing-comma', '{"title": "x",}', refused('r.json:1', [/./])),
  jsonCase('json/comment', '{\n  // a comment\n  "title": "x"\n}', refused('r.json:2', [/./])),
  jsonCase('json/single-quotes', "{'title': 'x'}", refused('r.json:1', [/./])),
  jsonCase('json/unclosed-object', '{\n  "title": "x"\n', refused('r.json:3', [/./])),
  jsonCase('json/top-level-array', '[1, 2, 3]', refused('r.json:1', [/object|mapping|fields/i])),
  jsonCase('json/duplicate-key', releaseJson().replace('"lang": "en",', '"lang": "en",\n  "lang": "fr",'), refused('r.json:3', [/lang/, /twice|duplicate|more than once/i])),
  jsonCase('json/deep-nesting', `{"subtitle": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`, refused('r.json', [/nest|deep|subtitle/i])),
  jsonCase('json/nan-literal', '{"title": NaN}', refused('r.json:1', [/./])),
  jsonCase('json/huge-number', releaseJson().replace('"lang": "en"', '"lang": 1e999999'), refused('r.json:2', [/lang/])),
  mdCase('markdown/no-front-matter', '# Just a heading\n\nSome text.\n', refused('r.md:1', [/front matter/i])),
  mdCase('markdown/unclosed-front-matter', '---\ntitle: x\n\nbody text\n', refused('r.md:1', [/front matter|---/i])),
  mdCase('markdown/front-matter-list', '---\n- a\n- b\n---\nbody\n', refused('r.md:2', [/mapping|fields/i])),
  mdCase('markdown/empty-body', releaseMarkdown(''), refused('r.md', [/body/])),
  mdCase('markdown/body-twice', releaseMarkdown('The text.\n', 'body: Also here.\n'), refused('r.md:8', [/body/, /both/])),
];

/** Fields missing, unknown, or of the wrong type or form. */
export const schemaCases: HostileCase[] = [
  fieldsCase('schema/title-number', { title: 42 }, built()),
  fieldsCase('schema/title-list', { title: ['a', 'b'] }, refused('r.json:8', [/title/])),
  fieldsCase('schema/title-empty', { title: '   ' }, refused('r.json:8', [/title/])),
  fieldsCase('schema/issuer-string', { issuer: 'Embassy' }, refused('r.json:3', [/issuer/])),
  fieldsCase('schema/issuer-name-empty-list', { issuer: { name: [] } }, refused('r.json:4', [/issuer\.name/])),
  fieldsCase('schema/issuer-name-null', { issuer: { name: null } }, refused('r.json:4', [/issuer\.name/])),
  fieldsCase('schema/date-number', { date: 20240312 }, refused('r.json:7', [/date/])),
  fieldsCase('schema/date-feb-29-non-leap', { date: '2023-02-29' }, refused('r.json:7', [/date/, /no such date: day 29 of February 2023/])),
  fieldsCase('schema/date-month-13', { date: '2024-13-01' }, refused('r.json:7', [/date/])),
  fieldsCase('schema/date-feb-30', { date: '2024-02-30' }, refused('r.json:7', [/date/])),
  fieldsCase('schema/date-day-zero', { date: '2024-03-00' }, refused('r.json:7', [/date/])),
  fieldsCase('schema/date-year-zero', { date: '0000-01-01' }, built()),
  fieldsCase('schema/date-with-time', { date: '2024-03-12T25:00' }, refused('r.json:7', [/date/])),
  fieldsCase('schema/date-leap-day', { date: '2024-02-29' }, built()),
  fieldsCase('schema/embargo-hour-25', { release: '2024-06-03T25:00:00+01:00' }, refused('r.json:10', [/release/])),
  fieldsCase('schema/embargo-zone-plus-25', { release: '2024-06-03T09:00:00+25:00' }, refused('r.json:10', [/release/])),
  fieldsCase('schema/embargo-no-zone', { release: '2024-06-03T09:00:00' }, refused('r.json:10', [/release/, /zone|offset/i])),
  fieldsCase('schema/embargo-named-zone', { release: '2024-06-03T09:00:00 Europe/Paris' }, refused('r.json:10', [/release/])),
  fieldsCase('schema/embargo-far-zone', { release: '2024-06-03T09:00:00+14:00' }, built()),
  fieldsCase('schema/embargo-utc', { release: '2024-06-03T09:00:00Z' }, built()),
  fieldsCase('schema/release-word', { release: 'later' }, refused('r.json:10', [/release/])),
  fieldsCase('schema/contacts-mapping', { contacts: { name: 'A' } }, refused('r.json:10', [/contacts/])),
  fieldsCase('schema/contact-without-name', { contacts: [{ role: 'Press' }] }, refused('r.json:11', [/contacts\[0\]/, /name/])),
  fieldsCase('schema/lang-garbage', { lang: 'xx_YY!!' }, refused('r.json:2', [/lang/])),
  fieldsCase('schema/lang-right-to-left', { lang: 'ar', title: 'بيان صحفي', body: 'نص قصير للاختبار.' }, built()),
  fieldsCase('schema/email-invalid', { issuer: { email: 'not an address' } }, refused('r.json:6', [/issuer\.email/])),
  fieldsCase('schema/website-javascript', { issuer: { website: 'javascript:alert(1)' } }, refused('r.json:6', [/issuer\.website/])),
  fieldsCase('schema/website-relative', { issuer: { website: 'example.org/x' } }, refused('r.json:6', [/issuer\.website/])),
  fieldsCase('schema/missing-title', { title: undefined }, refused('r.json', [/title/, /missing|required/i])),
  fieldsCase('schema/missing-date', { date: undefined }, refused('r.json', [/date/, /missing|required/i])),
  fieldsCase('schema/missing-body', { body: undefined }, refused('r.json', [/body/, /missing|required/i])),
  fieldsCase('schema/missing-issuer', { issuer: undefined }, refused('r.json', [/issuer/, /missing|required/i])),
  fieldsCase('schema/unknown-field', { titel: 'x' }, refused('r.json:10', [/titel/, /did you mean 'title'/])),
  fieldsCase('schema/unknown-nested-field', { issuer: { nmae: 'x' } }, refused('r.json:6', [/issuer\.nmae/, /name/])),
  jsonCase('schema/proto-key-json', releaseJson().replace('{', '{\n  "__proto__": {"title": "polluted"},'), refused('r.json:2', [/__proto__/, /unknown/])),
  yamlCase('schema/proto-key-yaml', releaseYaml('__proto__:\n  polluted: true'), refused('r.yaml:8', [/__proto__/, /unknown/])),
  yamlCase('schema/constructor-key', releaseYaml('constructor: x'), refused('r.yaml:8', [/constructor/, /unknown/])),
  yamlCase('schema/prototype-key', releaseYaml('prototype: {a: 1}'), refused('r.yaml:8', [/prototype/, /unknown/])),
  yamlCase('schema/nested-proto-key', releaseYaml().replace('  address:', '  __proto__: {name: x}\n  address:'), refused('r.yaml:4', [/issuer\.__proto__/])),
  yamlCase('schema/tostring-key', releaseYaml('toString: x\nhasOwnProperty: y'), refused('r.yaml:8', [/toString/, /unknown/])),
];

/** Empty, binary, wrongly encoded files, and characters that should not be in text. */
export const encodingCases: HostileCase[] = [
  yamlCase('encoding/empty-file', '', refused('r.yaml', [/empty/])),
  yamlCase('encoding/only-whitespace', '  \n\n\t\n', refused('r.yaml', [/./])),
  yamlCase('encoding/only-comment', '# nothing here\n', refused('r.yaml', [/missing|required/i])),
  yamlCase('encoding/binary-png', Buffer.concat([PNG_SIGNATURE, Buffer.alloc(64, 0xff)]) as unknown as string, refused('r.yaml:1', [/UTF-8|binary|control/i])),
  yamlCase('encoding/nul-bytes', releaseYaml('subtitle: a\u0000b'), refused('r.yaml:8', [/subtitle|control|NUL|U\+0000/i])),
  { name: 'encoding/utf16le-bom', files: { 'r.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(releaseYaml(), 'utf16le')]) }, input: 'r.yaml', expect: refused('r.yaml', [/UTF-16|UTF-8/]) },
  { name: 'encoding/utf16be-bom', files: { 'r.yaml': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(releaseYaml(), 'utf16le').swap16()]) }, input: 'r.yaml', expect: refused('r.yaml', [/UTF-16|UTF-8/]) },
  { name: 'encoding/latin1', files: { 'r.yaml': Buffer.from(releaseYaml('subtitle: Café crème'), 'latin1') }, input: 'r.yaml', expect: refused('r.yaml:8:14', [/UTF-8/]) },
  { name: 'encoding/overlong-utf8', files: { 'r.yaml': Buffer.concat([Buffer.from(releaseYaml('subtitle: x')), Buffer.from([0xc0, 0xaf])]) }, input: 'r.yaml', expect: refused('r.yaml:8', [/UTF-8/]) },
  { name: 'encoding/encoded-surrogate', files: { 'r.yaml': Buffer.concat([Buffer.from(releaseYaml('subtitle: x')), Buffer.from([0xed, 0xa0, 0x80])]) }, input: 'r.yaml', expect: refused('r.yaml:8', [/UTF-8/]) },
  yamlCase('encoding/utf8-bom', '\uFEFF' + releaseYaml(), built()),
  yamlCase('encoding/crlf', releaseYaml('subtitle: with CRLF').replace(/\n/g, '\r\n'), built()),
  yamlCase('encoding/cr-only', releaseYaml('subtitle: old Mac').replace(/\n/g, '\r'), built()),
  yamlCase('encoding/bell-in-title', releaseYaml().replace('A Hostile', 'A \u0007Hostile'), refused('r.yaml:6', [/title/, /control/i])),
  fieldsCase('encoding/escape-in-json', { subtitle: 'x\u001b[31mred' }, refused('r.json:10', [/subtitle/, /control/i])),
  fieldsCase('encoding/del-char', { subtitle: 'x\u007fy' }, refused('r.json:10', [/subtitle/, /control/i])),
  fieldsCase('encoding/c1-control', { subtitle: 'x\u0085y' }, refused('r.json:10', [/subtitle/, /control/i])),
  mdCase('encoding/control-in-markdown-body', releaseMarkdown('Line one.\n\nLine \u0008two.\n'), refused('r.md:11:6', [/body/, /control/i])),
  jsonCase('encoding/lone-high-surrogate', releaseJson().replace('A Hostile', 'A \\ud800 Hostile'), refused('r.json:8', [/title/, /surrogate/i])),
  jsonCase('encoding/lone-low-surrogate', releaseJson().replace('A short', 'A \\udfff short'), refused('r.json:9', [/body/, /surrogate/i])),
  fieldsCase('encoding/noncharacter', { subtitle: 'x\uffffy' }, built()),
  fieldsCase('encoding/bidi-override', { title: 'Price \u202e0051\u202c euros', body: 'Text \u2066isolated\u2069 and \u202bembedded\u202c.' }, built()),
  fieldsCase('encoding/zero-width', { title: 'Zero\u200bwidth\u200c\u200djoin\u2060ers', issuer: { name: 'Em\u200bbassy' } }, built()),
  fieldsCase('encoding/emoji', { title: 'Launch 🚀 of the 🇳🇴 fund', body: 'We are 😀 and 👩🏽‍🚀.' }, built()),
  fieldsCase('encoding/no-font-has-it', { title: 'Linear B 𐀀𐀁 and private \ue000', body: 'Cuneiform 𒀀 and Klingon \uf8d0.' }, built(/glyph|font/i)),
  fieldsCase('encoding/combining-pileup', { title: 'Z' + '\u0301'.repeat(500) + 'algo' }, built()),
  fieldsCase('encoding/mixed-scripts', { title: 'Press 보도자료 Пресс Τύπος', body: 'Text in 한국어, русский, ελληνικά.' }, built()),
  fieldsCase('encoding/soft-hyphens-and-nbsp', { body: 'Super\u00adcali\u00adfragilistic and\u00a0non\u00a0breaking\u202fspaces.' }, built()),
  fieldsCase('encoding/line-separator', { subtitle: 'one\u2028two\u2029three' }, built()),
  fieldsCase('encoding/tab-in-line', { issuer: { address: '1 Road\tTown' } }, built()),
];

/** Nested aliases that expand exponentially: the YAML library's alias limit must stop them. */
function billionLaughs(): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`);
  return lines.join('\n') + `\n${Object.keys(BASE).length ? releaseYaml('subtitle: *a9') : ''}`;
}
