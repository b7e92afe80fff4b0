import { describe, expect, test } from 'vitest';
import { buildDocument, dumpDocument } from '../../src/document/index.js';
import type { Block } from '../../src/document/types.js';
import { expectGolden } from '../golden.js';
import { makeRelease } from './release.js';

function texts(blocks: Block[]): Array<Extract<Block, { kind: 'text' }>> {
  return blocks.flatMap((b) => (b.kind === 'text' ? [b] : b.kind === 'container' ? texts(b.children) : []));
}

describe('cascade', () => {
  test('specificity beats order, order breaks ties, !important beats both', () => {
    const doc = buildDocument(
      makeRelease({
        css: `
#lead { color: #00ff00 }
p.note { color: #0000ff }
p { color: #ff0000 }
.note { color: #ffff00 }
.a { font-size: 10pt }
.b { font-size: 11pt }
p { text-align: right !important }
#lead.note { text-align: center }
`,
        body: '<p id="lead" class="note">a</p><p class="note">b</p><p class="b a">c</p><p>d</p>',
      }),
    );
    const [lead, note, ordered, plain] = texts(doc.blocks);
    expect(lead.style.color).toBe('#00ff00');
    expect(note.style.color).toBe('#0000ff');
    expect(ordered.style.fontSize).toBe(11);
    expect(plain.style.color).toBe('#ff0000');
    expect(lead.style.textAlign).toBe('right');
  });

  test('descendant, child, sibling and structural selectors', () => {
    const doc = buildDocument(
      makeRelease({
        css: `
section p { font-style: italic }
section > p { font-weight: bold }
h2 + p { text-indent: 0 }
p { text-indent: 12pt }
p:first-child { color: #ff0000 }
p:not(.skip):last-child { color: #0000ff }
:is(h2, h3) { letter-spacing: 1pt }
`,
        body: '<section><p>first</p><div><p>nested</p></div><h2>Head</h2><p>after head</p><p class="skip">skip</p><p>last</p></section>',
      }),
    );
    const [first, nested, head, afterHead, skip, last] = texts(doc.blocks);
    expect([first.style.fontWeight, nested.style.fontWeight, nested.style.fontStyle]).toEqual([700, 400, 'italic']);
    expect([first.style.color, skip.style.color, last.style.color]).toEqual(['#ff0000', '#000000', '#0000ff']);
    expect([afterHead.style.textIndent, skip.style.textIndent]).toEqual([0, 12]);
    expect(head.style.letterSpacing).toBe(1);
  });

  test('inherited properties flow down, others do not; inherit and initial keywords', () => {
    const doc = buildDocument(
      makeRelease({
        css: `
body { font-family: Tinos, serif; color: #333333; margin: 0 }
.box { margin: 10pt; padding: 4pt; border-top: 1pt solid; text-align: center; break-inside: avoid }
.box p { margin: inherit }
.reset { color: initial; font-family: inherit }
`,
        body: '<div class="box"><p>inside</p><p class="reset">reset</p></div>',
      }),
    );
    const [inside, reset] = texts(doc.blocks);
    expect(inside.style).toMatchObject({ fontFamily: ['Tinos', 'serif'], color: '#333333', textAlign: 'center', breakInside: 'auto' });
    expect(inside.style.margin).toEqual({ top: 10, right: 10, bottom: 10, left: 10 });
    expect(inside.style.padding).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
    expect(inside.style.borderTop).toBeUndefined();
    expect(reset.style).toMatchObject({ color: '#000000', fontFamily: ['Tinos', 'serif'] });
  });

  test('the user-agent sheet gives headings, lists and quotes their browser look', () => {
    const doc = buildDocument(
      makeRelease({
        body: '<h1>One</h1><h2>Two</h2><h3>Three</h3><p>Para with <strong>strong</strong>, <em>em</em>, <a href="#x">a link</a> and <code>code</code>.</p><blockquote><p>Quoted</p></blockquote><ul><li>item</li></ul><hr/>',
      }),
    );
    expectGolden('document/user-agent.txt', dumpDocument(doc));
  });

  test('a style attribute beats the style sheet', () => {
    const doc = buildDocument(makeRelease({ css: 'p { color: #ff0000 }', body: '<p style="color: #0000ff; margin-top: 3pt">x</p>' }));
    expect(texts(doc.blocks)[0].style).toMatchObject({ color: '#0000ff', margin: { top: 3, right: 0, bottom: 12, left: 0 } });
  });

  test('text-decoration reaches into descendants and cannot be taken away by them', () => {
    const doc = buildDocument(
      makeRelease({
        css: '.u { text-decoration: underline } .u span { text-decoration: none } .plain a { text-decoration: none }',
        body: '<p class="u">a <span>b</span></p><p class="plain"><a href="https://example.org">c</a></p>',
      }),
    );
    const [underlined, plain] = texts(doc.blocks);
    expect(underlined.inlines.map((i) => (i.kind === 'text' ? i.style.textDecoration : ''))).toEqual(['underline']);
    expect(plain.inlines).toMatchObject([{ text: 'c', link: 'https://example.org', style: { textDecoration: 'none' } }]);
  });

  test('@media print and all apply; screen does not', () => {
    const doc = buildDocument(
      makeRelease({
        css: '@media screen { p { color: #ff0000 } } @media print { p { font-size: 10pt } } @media all { p { font-style: italic } }',
        body: '<p>x</p>',
      }),
    );
    expect(doc.warnings).toEqual([]);
    expect(texts(doc.blocks)[0].style).toMatchObject({ color: '#000000', fontSize: 10, fontStyle: 'italic' });
  });

  test('display: none drops an element and everything in it', () => {
    const doc = buildDocument(
      makeRelease({ css: '.hidden { display: none } .inline { display: inline } .block { display: block }', body: '<p>a<span class="hidden"> hidden</span> b</p><div class="hidden"><p>gone</p></div><p class="inline">c</p><span class="block">d</span><script>var x;</script>' }),
    );
    expectGolden('document/display.txt', dumpDocument(doc));
  });
});
