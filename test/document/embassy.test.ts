import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildDocument, dumpBlocks, dumpDocument } from '../../src/document/index.js';
import { USER_AGENT_CSS, USER_AGENT_PATH } from '../../src/document/user-agent.js';
import { compileStylesheet } from '../../src/document/stylesheet.js';
import { expectGolden } from '../golden.js';
import { makeRelease } from './release.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const embassyCssPath = join(root, 'templates', 'embassy', 'style.css');
const embassyCss = readFileSync(embassyCssPath, 'utf8');

/** The embassy template's markup written out by hand, so this suite does not depend on the template stage. */
const EMBASSY_BODY = `
<article class="release">
<header class="letterhead">
<img class="logo" src="emblem.png" alt="Emblem of the Example Republic"/>
<p class="issuer">Embassy of the Example Republic<br/>in the Kingdom of Elsewhere</p>
<p class="address">12 Harbour Road, #04-01 Example Tower, Elsewhere 100200</p>
<p class="contact">Tel:(65) 6000 0000; Fax:(65) 6000 0001; <a href="mailto:press@example.org">press@example.org</a></p>
<hr class="rule"/>
</header>
<p class="label">Press Release</p>
<h1 class="title">Opening Speech Made by <strong>Someone at Some Conference</strong></h1>
<section class="body">
<p><span class="dateline">Pyongyang, April 7 (KCNA) -- </span>The following is the opening speech made at the
conference:</p>
<p>Dear <em>comrades</em>,</p>
<h2>Our tasks</h2>
<ul>
<li>first task</li>
<li><p>second task, with a <a href="https://example.org/plan">plan</a></p></li>
</ul>
<blockquote><p>A quoted line.</p></blockquote>
</section>
<p class="end">###</p>
</article>`;

function embassyRelease() {
  return makeRelease({
    css: embassyCss,
    cssPath: embassyCssPath,
    title: 'Opening Speech Made by Someone at Some Conference',
    body: EMBASSY_BODY,
    assets: { 'emblem.png': '/release/emblem.png' },
    footer: ({ page, pages }) => `<p class="folio">Page ${page} of ${pages}</p>`,
    header: ({ page }) => (page > 1 ? '<p class="running-head">Embassy · Opening Speech</p>' : ''),
  });
}

describe('the embassy template’s style sheet', () => {
  test('parses with no warnings', () => {
    expect(compileStylesheet(embassyCssPath, embassyCss).warnings).toEqual([]);
    expect(buildDocument(embassyRelease()).warnings).toEqual([]);
  });

  test('lays out the letterhead, title and body as the golden dump says', () => {
    const doc = buildDocument(embassyRelease());
    const running = ['footer 1/2:', dumpBlocks(doc.running('footer', 1, 2), undefined, '  '), 'header 2/2:', dumpBlocks(doc.running('header', 2, 2), undefined, '  ')];
    expectGolden('document/embassy.txt', `${dumpDocument(doc)}${running.join('\n')}\n`);
  });

  test('compiles the style sheet once per path and text', () => {
    const sheet = compileStylesheet(embassyCssPath, embassyCss);
    expect(compileStylesheet(embassyCssPath, embassyCss)).toBe(sheet);
    expect(compileStylesheet(embassyCssPath, `${embassyCss}\n`)).not.toBe(sheet);
  });

  test('builds a release in a few milliseconds once warm', () => {
    const rendered = embassyRelease();
    const build = (): void => {
      const doc = buildDocument(rendered);
      for (let page = 1; page <= 3; page++) doc.running('footer', page, 3);
    };
    for (let i = 0; i < 30; i++) build();
    const runs = 100;
    const start = performance.now();
    for (let i = 0; i < runs; i++) build();
    const perRelease = (performance.now() - start) / runs;
    // About 1 ms on an idle machine; the bound only catches gross regressions on a busy CI box.
    expect(perRelease).toBeLessThan(40);
  });
});

test('the user-agent sheet stays inside the subset', () => {
  expect(compileStylesheet(USER_AGENT_PATH, USER_AGENT_CSS).warnings).toEqual([]);
});
