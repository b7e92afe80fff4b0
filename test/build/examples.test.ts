import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRelease, renderEpub, renderPdf } from '../../src/index.js';
import { renderXhtml, typesetRelease } from '../../src/build/render.js';
import { dumpPages } from '../../src/typeset/index.js';
import { expectGolden } from '../golden.js';
import { pdfFonts, pdfText, qpdfCheck } from '../support/validators.js';
import { epubcheck } from '../support/epubcheck.js';
import { bodyWords, words, xhtmlBodyText } from '../support/words.js';

const EXAMPLES = ['examples/maritime-forum.yaml', 'examples/tidewater-launch.md'];
const dir = mkdtempSync(join(tmpdir(), 'pressroom-examples-'));
const built: Record<string, { pdf: string; epub: string; xhtml: string; pages: number }> = {};

beforeAll(async () => {
  for (const example of EXAMPLES) {
    const release = await loadRelease(example);
    const name = basename(example).replace(/\.\w+$/, '');
    const pdf = join(dir, `${name}.pdf`);
    const epub = join(dir, `${name}.epub`);
    writeFileSync(pdf, await renderPdf(release));
    writeFileSync(epub, await renderEpub(release));
    const rendered = renderXhtml(release);
    built[example] = { pdf, epub, xhtml: rendered.xhtml, pages: typesetRelease(rendered).pages.length };
  }
});

describe.each(EXAMPLES)('%s', (example) => {
  const name = basename(example).replace(/\.\w+$/, '');

  it('typesets to the golden page layout', async () => {
    const pages = typesetRelease(renderXhtml(await loadRelease(example)));
    expectGolden(`build/${name}.pages.txt`, dumpPages(pages));
  });

  it('makes a PDF that qpdf accepts, with every font embedded and subset', () => {
    const check = qpdfCheck(built[example].pdf);
    expect(check.ok, check.output).toBe(true);
    const fonts = pdfFonts(built[example].pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font, font.name).toMatchObject({ emb: true, sub: true });
  });

  it('has every word of the release in the PDF, in order, with only running heads and footers between', async () => {
    const rendered = renderXhtml(await loadRelease(example));
    const expected = words(xhtmlBodyText(built[example].xhtml));
    const pageTexts = pdfText(built[example].pdf).split('\f').filter((t) => t.trim());
    const body = bodyWords(pageTexts, rendered, (ok, what) => expect(ok, what).toBe(true));
    expect(body).toEqual(expected);
  });

  it('makes an EPUB that epubcheck passes with no errors and no warnings', async () => {
    const check = await epubcheck(built[example].epub);
    expect(check.ok, check.output).toBe(true);
  });

  it('builds byte-identical outputs twice', async () => {
    const release = await loadRelease(example);
    expect(Buffer.compare(await renderPdf(release), readFileSync(built[example].pdf))).toBe(0);
    expect(Buffer.compare(await renderEpub(release), readFileSync(built[example].epub))).toBe(0);
  });
});

it('the embassy example runs over three A4 pages, like the reference', () => {
  expect(built['examples/maritime-forum.yaml'].pages).toBeGreaterThanOrEqual(3);
});
