import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseDocument, DomUtils } from 'htmlparser2';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { writeCorpus } from '../../bench/corpus.js';
import { loadRelease } from '../../src/index.js';
import { renderXhtml } from '../../src/build/render.js';
import { renderEpub } from '../../src/epub/index.js';
import { keptByLibrary } from '../../src/epub/chapter-xml.js';
import type { RenderedRelease } from '../../src/template/types.js';
import { english, hebrew, korean, makeRelease, specOf } from './releases.js';

/** `libraryOnly` sends every chapter through the library's normalisation, as before the shortcut. */
const state = vi.hoisted(() => ({ libraryOnly: false, kept: 0 }));
vi.mock('../../src/epub/chapter-xml.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/epub/chapter-xml.js')>();
  return {
    ...actual,
    keptByLibrary: (body: Parameters<typeof actual.keptByLibrary>[0]) => {
      if (state.libraryOnly) return false;
      const kept = actual.keptByLibrary(body);
      if (kept) state.kept++;
      return kept;
    },
  };
});

const warningsOf = async (releases: RenderedRelease[], libraryOnly: boolean) => {
  state.libraryOnly = libraryOnly;
  const warnings: string[] = [];
  const options = { bundle: { title: 'Bundle' }, onWarning: (w: { message: string }) => warnings.push(w.message) };
  try {
    return { book: await renderEpub(releases, options), warnings };
  } finally {
    state.libraryOnly = false;
  }
};

/** Renders the book with and without the shortcut: the same bytes and warnings, or the test fails. */
async function expectSameBook(releases: RenderedRelease[], what: string): Promise<void> {
  const library = await warningsOf(releases, true);
  const ours = await warningsOf(releases, false);
  expect(ours.warnings, what).toEqual(library.warnings);
  expect(ours.book.equals(library.book), what).toBe(true);
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pressroom-chapter-xml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('chapters written without the library make the EPUB it made', () => {
  const examples = readdirSync(join(root, 'examples'))
    .filter((f) => /\.(ya?ml|md)$/.test(f))
    .map((f) => join(root, 'examples', f));
  const corpus = writeCorpus(dir, 24, 17);

  for (const template of ['embassy', 'newswire']) {
    test(`examples and a varied corpus, template ${template}`, async () => {
      state.kept = 0;
      const releases: RenderedRelease[] = [];
      for (const path of [...examples, ...corpus]) {
        const rendered = renderXhtml(await loadRelease(path), { template });
        releases.push(rendered);
        await expectSameBook([rendered], `${path} (${template})`);
      }
      await expectSameBook(releases.slice(0, 5), `a bundle (${template})`);
      // Every chapter took the shortcut: the comparison above was not between two library runs.
      expect(state.kept).toBe(examples.length + corpus.length + 5);
    }, 120_000);
  }

  test('the test releases, one by one and as a bundle', async () => {
    for (const release of [english, korean, hebrew]) await expectSameBook([release], release.lang);
    await expectSameBook([english, korean, hebrew], 'bundle');
  });

  test('random bodies, whether the shortcut takes them or not', async () => {
    const text = fc.constantFrom('press', ' ', '\n', 'a&b', '<x>', '"q"', "it's", 'é', '보도', 'שלום', '😀', '\u00a0', '$1', '&#x41;', ']]>', '--');
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    const attribute = fc
      .tuple(fc.constantFrom('class', 'title', 'lang', 'dir', 'href', 'data-x', 'width', 'id'), fc.array(text, { maxLength: 3 }))
      .map(([name, parts]) => ` ${name}="${escape(name === 'id' ? `i${parts.length}` : parts.join(''))}"`);
    const attributes = fc.uniqueArray(attribute, { maxLength: 3, selector: (a) => a.split('=')[0] }).map((a) => a.join(''));
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text.map(escape),
        fc.constantFrom('<br/>', '<hr/>', '<img src="images/logo.svg"/>', '<img src="images/logo.svg" alt=""/>', '<img alt="x" src="images/logo.svg"/>', '<!-- note -->', '<p/>'),
        fc
          .tuple(
            fc.constantFrom('p', 'span', 'em', 'strong', 'a', 'div', 'section', 'ul', 'li', 'blockquote', 'h2', 'table', 'tr', 'td', 'pre', 'code', 'sup', 'dl', 'dt', 'dd', 'svg', 'textarea'),
            attributes,
            fc.array(tie('node'), { maxLength: 4 }),
          )
          .map(([name, attrs, children]) => `<${name}${attrs}>${children.join('')}</${name}>`),
      ),
    }));
    const bodies = fc.sample(fc.array(node, { minLength: 1, maxLength: 6 }).map((n) => n.join('\n')), { numRuns: 60, seed: 11 });
    state.kept = 0;
    for (const body of bodies) {
      const release = makeRelease({ ...specOf(english), body, logo: true });
      await expectSameBook([release], body);
    }
    // Both ways were compared: bodies the shortcut takes, and bodies it leaves to the library.
    expect(state.kept).toBeGreaterThan(10);
    expect(state.kept).toBeLessThan(bodies.length);
  }, 120_000);
});

describe('keptByLibrary', () => {
  const body = (inner: string) => {
    const dom = parseDocument(`<body>${inner}</body>`, { xmlMode: true });
    return DomUtils.findOne((e) => e.name === 'body', dom.children)!;
  };

  test('ordinary release markup is kept', () => {
    expect(keptByLibrary(body('<p class="x">a <em>b</em><br/></p><ul><li><p>c</p></li></ul><table><tr><td><p>d</p></td></tr></table>'))).toBe(true);
  });

  test.each([
    ['a block in a paragraph, which an HTML parser closes', '<p><div>x</div></p>'],
    ['a list item in a list item', '<li><li>x</li></li>'],
    ['an attribute the library drops', '<p data-x="1">x</p>'],
    ['an upper-case name, which an HTML parser lowers', '<P>x</P>'],
    ['foreign content', '<svg viewBox="0 0 1 1"/>'],
    ['raw text elements', '<style>p{}</style>'],
    ['an image without a source, which the library drops', '<img alt="x"/>'],
    ['a void element with content', '<br>x</br>'],
    ['CDATA', '<p><![CDATA[x]]></p>'],
  ])('%s is left to the library', (_, inner) => {
    expect(keptByLibrary(body(inner))).toBe(false);
  });
});
