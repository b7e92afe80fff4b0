import { PressroomError } from '../diagnostics.js';
import type { RenderedRelease } from '../template/types.js';
import { clearCoverCache, coverAlt, coverPng, type CoverText } from './cover.js';
import { clearEpubFontCache, subsetFace } from './fonts.js';
import { DeterministicEPub, imagesOnly, type PageChapter } from './generator.js';
import { bookData, buildTime, type ChapterData } from './metadata.js';
import { clearDrawnCache, FontUses } from './styles.js';
import { bookStylesheet, type EmbeddedFont } from './stylesheet.js';
import { chapterXhtml, contentOpf, tocNcx, tocXhtml } from './templates.js';
import type { EpubOptions } from './types.js';
import { parseRelease } from './xhtml.js';
import { writeZip } from './zip.js';

export type { BundleMeta, EpubOptions } from './types.js';

/** Drops everything the EPUB made from font files (subsets, the cover's glyphs), for edited fonts. */
export function clearEpubFontCaches(): void {
  clearEpubFontCache();
  clearDrawnCache();
  clearCoverCache();
}

function chapterFilename(index: number, count: number): string {
  return count === 1 ? 'release.xhtml' : `release-${String(index + 1).padStart(String(count).length, '0')}.xhtml`;
}

function coverText(releases: RenderedRelease[], options: EpubOptions): CoverText {
  const first = releases[0];
  if (releases.length > 1 && options.bundle) {
    const issuers = [...new Set(releases.map((r) => r.meta.issuer))];
    return { issuerLines: options.bundle.publisher ? [options.bundle.publisher] : issuers, title: options.bundle.title, dir: first.dir };
  }
  return { issuerLines: first.meta.issuerLines ?? [first.meta.issuer], label: first.meta.label, title: first.meta.title, dir: first.dir };
}

async function embedFonts(uses: FontUses): Promise<EmbeddedFont[]> {
  return Promise.all(uses.faces().map(async (use) => ({ filename: `${use.face.id}.ttf`, data: await subsetFace(use.face, use.chars), use })));
}

/**
 * Renders releases into an EPUB 3 (with NCX): one release makes a book, several a bundle with a
 * chapter per release in the given order. The bytes depend only on the input and the options.
 */
export async function renderEpub(releases: RenderedRelease[], options: EpubOptions = {}): Promise<Buffer> {
  if (!releases.length) throw new PressroomError('schema', 'no release to put into the EPUB', { file: '' });
  const css = releases[0].template.stylesheet.text;
  const other = releases.find((r) => r.template.stylesheet.text !== css);
  if (other) {
    throw new PressroomError('template', 'a bundle uses one stylesheet: all its releases need the same template', { file: other.template.stylesheet.path });
  }
  // Each release's DOM goes once its fonts are counted: a bundle of thousands keeps only strings.
  const uses = new FontUses();
  const parsed = releases.map((release) => {
    const { dom, ...rest } = parseRelease(release);
    uses.add(dom, css);
    return rest;
  });
  const chapters: ChapterData[] = releases.map((release, i) => ({
    id: `release-${i + 1}`,
    filename: chapterFilename(i, releases.length),
    title: release.meta.title,
    lang: release.lang,
    dir: release.dir,
    sections: parsed[i].headings.filter((h) => h.level === 2).map(({ id, text }) => ({ id, text })),
  }));
  const book = bookData(releases, parsed, chapters, options);
  const fonts = await embedFonts(uses);
  book.fonts = fonts.map((f, i) => ({ id: `font-${i + 1}`, filename: f.filename }));

  const cover = coverText(releases, options);
  const alt = coverAlt(cover);
  // The library checks its options and chapters with ow: an optional field left undefined fails
  // the first alternative of its check, which costs an error with a stack trace (~30 µs), so
  // `cover`, `fonts` and each chapter's `author` are given values that pass it at once and
  // change nothing: the library derives the cover type we set anyway, no fonts to fetch, and
  // our templates write no chapter author.
  const checked = { author: '' };
  const pages: PageChapter[] = [
    {
      ...checked,
      id: 'cover',
      filename: 'cover.xhtml',
      title: book.labels.cover,
      content: '',
      excludeFromToc: true,
      beforeToc: true,
      page: { lang: book.lang, dir: book.dir, title: book.title, bodyAttributes: {}, cover: { extension: 'png', alt } },
    },
    ...chapters.map((chapter, i) => {
      const { body, bodyAttributes } = parsed[i];
      return {
        ...checked,
        id: chapter.id,
        filename: chapter.filename,
        title: chapter.title,
        ...('xml' in body ? { content: imagesOnly(body.xml.imageUrls), xml: body.xml } : { content: body.html }),
        page: { lang: chapter.lang, dir: chapter.dir, title: chapter.title, bodyAttributes },
      };
    }),
  ];
  const epub = new DeterministicEPub(
    {
      title: book.title,
      // Our templates write the creators from `book`; a string passes the library's check at once.
      author: book.creators.join(', '),
      publisher: book.publisher,
      lang: book.lang,
      date: book.modified,
      css: bookStylesheet(css, fonts),
      prependChapterTitles: false,
      numberChaptersInTOC: false,
      tocInTOC: false,
      contentOPF: contentOpf,
      chapterXHTML: chapterXhtml,
      tocXHTML: tocXhtml,
      tocNCX: tocNcx,
      verbose: false,
      cover: 'cover.png',
      fonts: [],
      book,
    },
    pages,
    fonts,
    coverPng(cover),
    (message) => options.onWarning?.({ file: releases[0].template.dir, message }),
  );
  const entries = await epub.build();
  return writeZip(entries, buildTime(book.date, options.sourceDateEpoch));
}
