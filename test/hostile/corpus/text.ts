import { built, refused, releaseJson, releaseMarkdown, type HostileCase } from './types.js';

function fieldsCase(name: string, changes: Record<string, unknown>, expect: HostileCase['expect']): HostileCase {
  return { name, files: { 'r.json': releaseJson(changes) }, input: 'r.json', expect };
}
function mdCase(name: string, body: string, expect: HostileCase['expect'], front = ''): HostileCase {
  return { name, files: { 'r.md': releaseMarkdown(body, front) }, input: 'r.md', expect };
}

const SCRIPT = '<script>alert(document.cookie)</script>';
const HANDLEBARS = '{{constructor.constructor "return process.exit(7)"}}';

/** Every text field, for cases that put the same hostile text into each. */
const EVERY_TEXT_FIELD = (text: string): Record<string, unknown> => ({
  id: 'hostile-id',
  issuer: { name: [text, text], address: text, phone: text, fax: text },
  label: text,
  reference: text,
  dateline: { place: text, source: text, text },
  title: text,
  subtitle: text,
  body: `Body ${text}`,
  contacts: [{ name: text, role: text, phone: text }],
  about: `About ${text}`,
  end: text,
});

/** Markup and template syntax in data: always text, never HTML or template code. */
export const injectionCases: HostileCase[] = [
  fieldsCase('html/script-in-inline-fields', { ...EVERY_TEXT_FIELD(SCRIPT), body: 'Plain body.', about: 'Plain about.' }, built(undefined, '&lt;script&gt;')),
  fieldsCase('html/script-in-body', { body: `Before.\n\n${SCRIPT}\n\nAfter.` }, built(undefined, '&lt;script&gt;alert')),
  fieldsCase('html/inline-html-in-body', { body: 'Some <b onclick="x()">bold</b> text.' }, built()),
  fieldsCase('html/html-in-about', { about: '<iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)>' }, built()),
  fieldsCase('html/entities-in-title', { title: '&lt;b&gt; &amp;amp; &#0; &#xD800; &#x202E; &nbsp;' }, built()),
  fieldsCase('html/cdata-and-comment', { subtitle: '<![CDATA[ x ]]> <!-- y --> ]]>', issuer: { name: '<?xml version="1.0"?>' } }, built()),
  fieldsCase('html/xml-special-in-attributes', { issuer: { website: 'https://example.org/?a="b"&c=<d>', email: "o'brien@example.org" } }, built()),
  fieldsCase('html/javascript-link-in-body', { body: 'Click [here](javascript:alert(1)) or [there](data:text/html,x) or [file](file:///etc/passwd).' }, built()),
  fieldsCase('html/markdown-image-remote', { body: 'Look: ![tracker](https://evil.example/pixel.png) and ![local](../../etc/passwd.png)' }, built()),
  fieldsCase('html/autolinks-and-email', { body: 'See <https://example.org>, <mailto:press@example.org> and [mail](mailto:a@example.org?subject=x).' }, built()),
  fieldsCase('handlebars/in-every-field', EVERY_TEXT_FIELD(HANDLEBARS), built(undefined, '{{constructor.constructor')),
  fieldsCase('handlebars/partial-call-in-body', { body: '{{> letterhead}} {{> ../../etc/passwd}} {{{body}}}' }, built(undefined, '{{{body}}}')),
  fieldsCase('handlebars/helper-call-in-title', { title: '{{#each this}}{{@key}}{{/each}} {{lookup this "constructor"}} {{runIn body}}' }, built()),
  fieldsCase('handlebars/raw-block-in-about', { about: '{{{{raw}}}} {{x}} {{{{/raw}}}} \\{{escaped}}' }, built()),
  fieldsCase('handlebars/proto-in-values', { title: '__proto__', subtitle: 'constructor', issuer: { name: ['prototype', 'hasOwnProperty'] } }, built()),
  fieldsCase('handlebars/dateline-place', { dateline: { place: '{{issuer.name}}', text: '{{date}}' } }, built()),
];

/** Huge, many and deep: must finish, with a clear error where a limit is passed. */
export const sizeCases: HostileCase[] = [
  // Generated here, never committed: 5 MB of words in one paragraph.
  fieldsCase('size/five-megabyte-paragraph', { body: words(5 * 1024 * 1024) }, refused('r.json', [/pages|limit/i, /--max-pages/], false)),
  fieldsCase('size/ten-thousand-paragraphs', { body: Array.from({ length: 10_000 }, (_, i) => `Paragraph ${i + 1}.`).join('\n\n') }, refused('r.json', [/pages|limit/i, /--max-pages/], false)),
  fieldsCase('size/over-input-limit', { body: 'x '.repeat(6 * 1024 * 1024) }, refused('r.json', [/limit/, /MiB/, /--max-input-bytes|maxInputBytes/])),
  fieldsCase('size/one-long-word', { body: 'x'.repeat(100_000) }, built()),
  fieldsCase('size/long-title', { title: words(20_000) }, built()),
  fieldsCase('size/many-contacts', { contacts: Array.from({ length: 300 }, (_, i) => ({ name: `Contact ${i}`, phone: `+1 555 ${i}` })) }, built()),
  fieldsCase('size/hundred-issuer-lines', { issuer: { name: Array.from({ length: 100 }, (_, i) => `Line ${i}`) } }, built()),
  mdCase('markdown/deep-blockquotes', `${'> '.repeat(1000)}deep\n`, built()),
  mdCase('markdown/deep-lists', Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n') + '\n', built()),
  mdCase('markdown/deep-emphasis', `${'*_'.repeat(2000)}x${'_*'.repeat(2000)}\n`, built()),
  mdCase('markdown/unbalanced-brackets', `${'['.repeat(20_000)}x${'('.repeat(20_000)}\n`, built()),
  mdCase('markdown/heading-levels', '# one\n\n###### six\n\n####### seven\n\nText.\n', built()),
  mdCase('markdown/only-headings', '## A\n\n## B\n\n## C\n', built()),
  mdCase('markdown/tables-and-fences', '| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nprocess.exit(1)\n```\n\n    indented code\n', built()),
  mdCase('markdown/hard-breaks', 'One  \ntwo\\\nthree\n\n---\n\n***\n', built()),
  mdCase('markdown/reference-links', 'A [link][1] and [missing][2].\n\n[1]: https://example.org "Title"\n', built()),
];

/** `count` bytes of ordinary words. */
export function words(count: number): string {
  const word = 'press ';
  return word.repeat(Math.ceil(count / word.length)).slice(0, count).trim();
}
