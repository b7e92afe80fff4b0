import { describe, expect, it } from 'vitest';
import { toReleaseView } from '../../src/markup/index.js';
import { BUILTIN_TEMPLATES, loadTemplate, renderRelease, resolveTemplateDir } from '../../src/template/index.js';
import { expectGolden } from '../golden.js';
import { loadedRelease } from './fixtures.js';
import { join } from 'node:path';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const embassy = () => loadTemplate(resolveTemplateDir('embassy', process.cwd()));

describe('embassy template', () => {
  it('renders the reference layout as XHTML', () => {
    const rendered = renderRelease(toReleaseView(loadedRelease()), embassy());
    expectGolden('template/embassy.xhtml', rendered.xhtml);
    expect(rendered.xhtml).toContain('<p class="label">Press Release</p>');
    expect(rendered.xhtml).toContain('Opening Speech Made by <strong>Someone at Some Conference</strong>');
    expect(rendered.xhtml).toContain(
      '<p><span class="dateline">Pyongyang, April 7 (KCNA) -- </span>The following is the speech.</p>',
    );
    expect(rendered.xhtml).toContain('Tel:(65) 6000 0000; Fax:(65) 6000 0001; <a href="mailto:press@example.org">');
  });

  it('renders the running footer per page', () => {
    const rendered = renderRelease(toReleaseView(loadedRelease()), embassy());
    expect(rendered.renderRunning('footer', { page: 2, pages: 3 }).trim()).toBe('<p class="folio">Page 2 of 3</p>');
    expect(rendered.renderRunning('header', { page: 1, pages: 3 }).trim()).toBe('');
    expect(rendered.renderRunning('header', { page: 2, pages: 3 })).toContain('Embassy of the Example Republic');
  });

  it('escapes data: HTML and Handlebars syntax in fields are text', () => {
    const view = toReleaseView(
      loadedRelease({
        issuer: { name: ['<script>alert(1)</script>', '{{constructor.constructor "x"}}'], address: 'a & b' },
        title: 'Title <b>raw</b> {{title}}',
        body: 'Body with <script>x</script> and {{#each}}.',
      }),
    );
    const { xhtml } = renderRelease(view, embassy());
    expect(xhtml).not.toContain('<script>');
    expect(xhtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xhtml).toContain('{{constructor.constructor');
    expect(xhtml).toContain('a &amp; b');
  });

  it('takes the label from the template in the release language when none is given', () => {
    const view = toReleaseView(loadedRelease({ label: undefined, lang: 'ko' }));
    expect(renderRelease(view, embassy()).xhtml).toContain('<p class="label">보도자료</p>');
  });

  it('lists the built-in folder', () => {
    expect(resolveTemplateDir('embassy', '/')).toBe(join(BUILTIN_TEMPLATES, 'embassy'));
  });
});

describe('template errors', () => {
  function templateWith(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-tpl-'));
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'style.css'), 'body { font-size: 12pt; }\n');
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
  }

  it('a misspelt field is an error naming the template file and line', () => {
    const dir = templateWith({ 'release.hbs': '<html>\n<body>\n<h1>{{titel}}</h1>\n</body></html>' });
    expect(() => renderRelease(toReleaseView(loadedRelease()), loadTemplate(dir))).toThrow(
      expect.objectContaining({ message: '"titel" not defined', position: { file: join(dir, 'release.hbs'), line: 3, col: 7 } }),
    );
  });

  it('a syntax error names the file and line', () => {
    const dir = templateWith({ 'release.hbs': '<html>\n{{#if title}}\n</html>' });
    expect(() => loadTemplate(dir)).toThrow(expect.objectContaining({ position: expect.objectContaining({ file: join(dir, 'release.hbs') }) }));
  });

  it('a helper that does not exist is refused at compile time', () => {
    const dir = templateWith({ 'release.hbs': '{{lookupEval "x"}}' });
    expect(() => loadTemplate(dir)).toThrow(/lookupEval/);
  });

  it('an error inside a partial names the partial', () => {
    const dir = templateWith({ 'release.hbs': '<html>{{> head}}</html>', 'partials/head.hbs': '\n{{nope}}' });
    expect(() => renderRelease(toReleaseView(loadedRelease()), loadTemplate(dir))).toThrow(
      expect.objectContaining({ position: expect.objectContaining({ file: join(dir, 'partials', 'head.hbs'), line: 2 }) }),
    );
  });
});
