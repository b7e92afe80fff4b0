import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PressroomError } from '../../src/diagnostics.js';
import { renderEpub } from '../../src/epub/index.js';
import { fontCatalog } from '../../src/epub/fonts.js';
import { expectGolden } from '../golden.js';
import { epubcheck, type EpubcheckResult } from '../support/epubcheck.js';
import { english, hebrew, korean, makeRelease, specOf } from './releases.js';

const bundleOptions = { bundle: { title: 'Releases of April 2021', publisher: 'Example Press Office', lang: 'en' } };

const books: Record<string, Buffer> = {};
const checks: Record<string, EpubcheckResult> = {};
const dir = mkdtempSync(join(tmpdir(), 'pressroom-epub-'));

async function text(book: Buffer, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(book)).file(name);
  if (!file) throw new Error(`${name} is not in the EPUB`);
  return file.async('string');
}

beforeAll(async () => {
  books.en = await renderEpub([english]);
  books.ko = await renderEpub([korean]);
  books.he = await renderEpub([hebrew]);
  books.bundle = await renderEpub([english, korean], bundleOptions);
  // Two at a time: epubcheck is a JVM per file and takes ~2 s.
  const names = Object.keys(books);
  for (let i = 0; i < names.length; i += 2) {
    await Promise.all(
      names.slice(i, i + 2).map(async (name) => {
        const file = join(dir, `${name}.epub`);
        writeFileSync(file, books[name]);
        checks[name] = await epubcheck(file);
      }),
    );
  }
}, 600_000); // a JVM per book: slow when the machine is busy

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('epubcheck', () => {
  for (const name of ['en', 'ko', 'he', 'bundle']) {
    test(`${name}: no errors and no warnings`, () => {
      expect(checks[name].ok, checks[name].output).toBe(true);
    });
  }
});

describe('golden files', () => {
  for (const name of ['en', 'ko', 'he']) {
    test(`${name}: package, nav, NCX and chapter`, async () => {
      expectGolden(`epub/${name}/content.opf`, await text(books[name], 'OEBPS/content.opf'));
      expectGolden(`epub/${name}/toc.xhtml`, await text(books[name], 'OEBPS/toc.xhtml'));
      expectGolden(`epub/${name}/toc.ncx`, await text(books[name], 'OEBPS/toc.ncx'));
      expectGolden(`epub/${name}/release.xhtml`, await text(books[name], 'OEBPS/release.xhtml'));
      expectGolden(`epub/${name}/cover.xhtml`, await text(books[name], 'OEBPS/cover.xhtml'));
    });
  }
  test('bundle: package and nav', async () => {
    expectGolden('epub/bundle/content.opf', await text(books.bundle, 'OEBPS/content.opf'));
    expectGolden('epub/bundle/toc.xhtml', await text(books.bundle, 'OEBPS/toc.xhtml'));
  });
  test('stylesheet: the template\'s, unchanged, after the @font-face rules', async () => {
    expectGolden('epub/en/style.css', await text(books.en, 'OEBPS/style.css'));
  });
});

describe('reproducible bytes', () => {
  test('two builds are byte-identical', async () => {
    expect((await renderEpub([english])).equals(books.en)).toBe(true);
    expect((await renderEpub([english, korean], bundleOptions)).equals(books.bundle)).toBe(true);
  });

  test('mimetype is the first entry, stored, without extra field', () => {
    const book = books.en;
    expect(book.readUInt32LE(0)).toBe(0x04034b50);
    expect(book.readUInt16LE(8)).toBe(0); // STORE
    const nameLength = book.readUInt16LE(26);
    expect(book.readUInt16LE(28)).toBe(0);
    expect(book.subarray(30, 30 + nameLength).toString()).toBe('mimetype');
    expect(book.subarray(30 + nameLength, 30 + nameLength + 20).toString()).toBe('application/epub+zip');
  });

  test('entries are dated from the release date, or SOURCE_DATE_EPOCH', async () => {
    const zip = await JSZip.loadAsync(books.en);
    for (const file of Object.values(zip.files)) expect(file.date.toISOString()).toBe('2021-04-07T00:00:00.000Z');
    const epoch = Date.UTC(2022, 0, 2, 3, 4, 6) / 1000;
    const later = await renderEpub([english], { sourceDateEpoch: epoch });
    expect(await text(later, 'OEBPS/content.opf')).toContain('<meta property="dcterms:modified">2022-01-02T03:04:06Z</meta>');
    for (const file of Object.values((await JSZip.loadAsync(later)).files)) expect(file.date.getTime()).toBe(epoch * 1000);
  });
});

describe('fonts', () => {
  const size = (path: string) => statSync(path).size;
  const face = (id: string) => fontCatalog().flatMap((f) => f.faces).find((f) => f.id === id)!;

  test('only the faces the text uses are embedded, subset', async () => {
    const en = Object.keys((await JSZip.loadAsync(books.en)).files).filter((n) => n.startsWith('OEBPS/fonts/'));
    // Regular body, bold letterhead and title, italic emphasis; nothing bold-italic, nothing Korean.
    expect(en).toEqual(['OEBPS/fonts/Tinos-400-italic.ttf', 'OEBPS/fonts/Tinos-400-normal.ttf', 'OEBPS/fonts/Tinos-700-normal.ttf']);
    for (const name of en) {
      const data = await (await JSZip.loadAsync(books.en)).file(name)!.async('nodebuffer');
      expect(data.length).toBeLessThan(size(face(name.slice(12, -4)).path) / 10);
    }
  });

  test('the Korean face only for Hangul, cut from 14 MB to a few kilobytes', async () => {
    const zip = await JSZip.loadAsync(books.ko);
    const noto = await zip.file('OEBPS/fonts/NotoSerifKR-400-normal.ttf')!.async('nodebuffer');
    expect(noto.length).toBeLessThan(100_000);
    expect(size(face('NotoSerifKR-400-normal').path)).toBeGreaterThan(10_000_000);
    expect(Object.keys((await JSZip.loadAsync(books.he)).files).some((n) => n.includes('NotoSerifKR'))).toBe(false);
  });
});

describe('content', () => {
  test('cover first, then the release; the nav is outside the linear reading order', async () => {
    const opf = await text(books.en, 'OEBPS/content.opf');
    const spine = [...opf.matchAll(/<itemref idref="([^"]+)"( linear="no")?/g)].map((m) => m[1] + (m[2] ? ' (aside)' : ''));
    expect(spine).toEqual(['cover', 'release-1', 'nav (aside)']);
    expect(opf).toMatch(/<item id="cover-image" href="cover.png" media-type="image\/png" properties="cover-image"\/>/);
    expect(opf).not.toMatch(/rights|Copyright|<dc:description><\/dc:description>/);
  });

  test('right-to-left: dir on package, documents and spine', async () => {
    expect(await text(books.he, 'OEBPS/content.opf')).toMatch(/<package [^>]*dir="rtl"[\s\S]*page-progression-direction="rtl"/);
    expect(await text(books.he, 'OEBPS/release.xhtml')).toMatch(/<html [^>]*lang="he" xml:lang="he" dir="rtl">/);
  });

  test('the logo is embedded under a stable name, with its alt text', async () => {
    const zip = await JSZip.loadAsync(books.en);
    expect(zip.file('OEBPS/images/image-1.svg')).not.toBeNull();
    expect(await text(books.en, 'OEBPS/release.xhtml')).toContain('<img class="logo" src="images/image-1.svg" alt="Emblem of the issuer"/>');
  });

  test('a bundle has a chapter per release, in order, each in its language', async () => {
    const zip = await JSZip.loadAsync(books.bundle);
    expect(zip.file('OEBPS/release-1.xhtml')).not.toBeNull();
    expect(await text(books.bundle, 'OEBPS/release-2.xhtml')).toContain('lang="ko" xml:lang="ko"');
    const nav = await text(books.bundle, 'OEBPS/toc.xhtml');
    expect(nav.indexOf(english.meta.title)).toBeLessThan(nav.indexOf(korean.meta.title));
    expect(await text(books.bundle, 'OEBPS/content.opf')).toContain('<dc:title id="title">Releases of April 2021</dc:title>');
  });

  test('remote images are refused', async () => {
    const remote = makeRelease({ ...specOf(english), body: '<p><img src="https://example.org/x.png" alt="x"/></p>' });
    await expect(renderEpub([remote])).rejects.toThrow(PressroomError);
    await expect(renderEpub([remote])).rejects.toThrow(/remote images are refused/);
  });

  test('several releases without bundle metadata are an error', async () => {
    await expect(renderEpub([english, korean])).rejects.toThrow(/bundle/);
  });
});

