import { describe, expect, test } from 'vitest';
import { buildDocument, dumpBlocks, dumpDocument } from '../../src/document/index.js';
import type { Block } from '../../src/document/types.js';
import { expectGolden } from '../golden.js';
import { makeRelease } from './release.js';

function inlinesOf(block: Block | undefined) {
  if (block?.kind !== 'text') throw new Error(`expected a text block, got ${block?.kind}`);
  return block.inlines;
}

describe('white space', () => {
  test('collapses across inline elements and is trimmed at block edges', () => {
    const doc = buildDocument(
      makeRelease({
        body: `<p>
    Pyongyang,   April 7 <strong> (KCNA) </strong>   --
    <em>text</em><span> </span> <span>more</span>&#160;&#160;kept
  </p>`,
      }),
    );
    expect(inlinesOf(doc.blocks[0]).map((i) => (i.kind === 'text' ? i.text : '<br>'))).toEqual([
      'Pyongyang, April 7 ',
      '(KCNA) ',
      '-- ',
      'text',
      ' more\u00a0\u00a0kept',
    ]);
  });

  test('spaces around a line break are dropped; entities are decoded', () => {
    const doc = buildDocument(makeRelease({ body: '<p>Embassy of A &amp; B <br/>\n in the Kingdom &lt;C&gt; &#x2014; &quot;D&quot; &nbsp;</p>' }));
    expect(inlinesOf(doc.blocks[0])).toMatchObject([
      { kind: 'text', text: 'Embassy of A & B' },
      { kind: 'break' },
      { kind: 'text', text: 'in the Kingdom <C> \u2014 "D" \u00a0' },
    ]);
  });
});

describe('blocks', () => {
  test('lists with markers: bullets, numbers, start, value, nesting, none', () => {
    const doc = buildDocument(
      makeRelease({
        css: '.plain { list-style-type: none } .roman { list-style-type: upper-roman }',
        body: `
<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>
<ol start="4"><li>four</li><li value="9">nine</li><li>ten</li></ol>
<ol reversed="reversed"><li>b</li><li>a</li></ol>
<ol class="roman"><li>i</li><li>ii</li></ol>
<ul class="plain"><li>no marker</li></ul>
<ol><li><p>loose item</p><p>second paragraph</p></li></ol>`,
      }),
    );
    expectGolden('document/lists.txt', dumpDocument(doc));
  });

  test('anonymous blocks for inline content beside block children', () => {
    const doc = buildDocument(
      makeRelease({
        css: '.box { font-style: italic; margin: 6pt }',
        body: 'Loose body text <div class="box">before <p>inside</p> after <strong>bold</strong><br/></div> <section id="s1" class="a b"><h2>Heading</h2></section>',
      }),
    );
    expectGolden('document/anonymous.txt', dumpDocument(doc));
  });

  test('links, languages and quotes on inline runs', () => {
    const doc = buildDocument(
      makeRelease({
        css: 'a { color: #1a3d7c }',
        body: '<p>See <a href="https://example.org/a">the <em>full</em> text</a>, <span lang="ko">조선</span> and <q>quoted</q>.</p><p lang="de">Ein <q>Zitat</q></p>',
      }),
    );
    expectGolden('document/links.txt', dumpDocument(doc));
  });

  test('images come from the assets; unknown ones are dropped with a warning', () => {
    const doc = buildDocument(
      makeRelease({
        css: '.logo { width: 48pt; height: 48pt; margin: 0 auto 6pt auto } header { text-align: center }',
        body: '<header><img class="logo" src="emblem.png" alt="Emblem"/><img src="missing.png" alt=""/><p>Issuer</p></header><p><img src="emblem.png" width="200" height="100" alt="Wide"/></p>',
        assets: { 'emblem.png': '/release/emblem.png' },
      }),
    );
    expectGolden('document/images.txt', dumpDocument(doc));
  });

  test('lang, dir and title of the document', () => {
    const doc = buildDocument(makeRelease({ lang: 'ar', dir: 'rtl', title: 'بيان', body: '<p>نص</p>' }));
    expect([doc.lang, doc.dir, doc.title]).toEqual(['ar', 'rtl', 'بيان']);
    expect(doc.blocks[0].style.textAlign).toBe('right');
    expect(inlinesOf(doc.blocks[0])[0]).not.toHaveProperty('lang');
  });
});

describe('running heads and footers', () => {
  const release = () =>
    makeRelease({
      css: 'body { font-family: Tinos, serif; font-size: 11pt } body > p.folio { font-size: 9pt; text-align: center; margin: 0 }',
      body: '<p>Body</p>',
      footer: ({ page, pages }) => `<p class="folio">Page ${page} of ${pages}</p>`,
      header: ({ page }) => (page > 1 ? 'Running <em>head</em>' : ''),
    });

  test('are rendered per page as children of body', () => {
    const doc = buildDocument(release());
    const text = [1, 2].flatMap((page) => [
      `footer ${page}/2:`,
      dumpBlocks(doc.running('footer', page, 2), doc.blocks[0].style, '  '),
      `header ${page}/2:`,
      dumpBlocks(doc.running('header', page, 2), doc.blocks[0].style, '  '),
    ]);
    expectGolden('document/running.txt', `${text.join('\n')}\n`);
    expect(doc.running('header', 1, 2)).toEqual([]);
  });

  test('are cached per rendered fragment', () => {
    let calls = 0;
    const rendered = release();
    const doc = buildDocument({
      ...rendered,
      renderRunning: (part, ctx) => {
        calls++;
        return rendered.renderRunning(part, ctx);
      },
    });
    const first = doc.running('footer', 3, 9);
    expect(doc.running('footer', 3, 9)).toBe(first);
    expect(calls).toBe(2);
  });
});
