import ejs from 'ejs';
import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import { normalizeHTML, validateAndNormalizeChapter } from 'epub-gen-memory/dist/lib/util/index.js';
import type { ChapterXml } from './chapter-xml.js';
import type { BookData } from './metadata.js';
import type { EmbeddedFont } from './stylesheet.js';
import type { ZipEntry } from './zip.js';

/**
 * The library renders its templates with `ejs.render`, compiling them anew for every book.
 * Ours are compiled once per template and set of data fields, and without ejs's `with`
 * (which V8 runs ~3x slower): the fields are declared as the template's variables instead.
 */
const compiled = new Map<string, Map<string, (data: object) => string>>();
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** ejs as used here: the project's declaration (src/typeset/vendor.d.ts) gives compile no options. */
const ejsWithOptions = ejs as unknown as {
  compile(template: string, options: { _with: boolean; destructuredLocals: string[] }): (data: object) => string;
};
function render(template: string, data: object): string {
  const names = Object.keys(data).filter((name) => IDENTIFIER.test(name));
  const fields = names.join(',');
  let byFields = compiled.get(template);
  if (!byFields) compiled.set(template, (byFields = new Map()));
  let fn = byFields.get(fields);
  if (!fn) byFields.set(fields, (fn = ejsWithOptions.compile(template, { _with: false, destructuredLocals: names })));
  return fn(data);
}

type FileData = string | Uint8Array | ArrayBuffer | Promise<ArrayBuffer | Uint8Array | string>;

/**
 * Stands in for the library's JSZip: it only collects files by path (JSZip stores and reads
 * them back slowly); `writeZip` makes the archive.
 */
class FileCollector {
  constructor(
    private readonly files: Map<string, FileData>,
    private readonly prefix = '',
  ) {}

  folder(name: string): FileCollector {
    return new FileCollector(this.files, `${this.prefix}${name}/`);
  }

  file(name: string, data: FileData): this {
    this.files.set(this.prefix + name, data);
    return this;
  }
}

async function bytesOf(data: FileData): Promise<Uint8Array> {
  const value = await data;
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  return value instanceof Uint8Array ? value : new Uint8Array(value);
}

const CONTAINER_XML =
  '<?xml version="1.0" encoding="UTF-8" ?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>';

/** What our chapter template reads besides the library's own chapter fields. */
export interface PageData {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  bodyAttributes: Record<string, string>;
  cover?: { extension: string; alt: string };
}

/**
 * A chapter with the extra fields the library passes through to the chapter template, and,
 * when its final XHTML is known already, that (`content` then holds only its images).
 */
export type PageChapter = Chapter & { id: string; page: PageData; xml?: ChapterXml };

/**
 * What the library is handed for a chapter whose XHTML we write: its images alone, which it
 * names and lists (with their media types) as it would in the whole chapter.
 */
export function imagesOnly(urls: string[]): string {
  return urls.map((url) => `<img src="${url.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`).join('');
}

/** The library's options plus `book`, which it hands through to the package, nav and NCX templates. */
export type BookOptions = Options & { book: BookData };

const CHAR_REF = /&#x([0-9A-F]+);/gi;
const XML_SPECIAL = new Set([0x26, 0x3c, 0x3e, 0x22, 0x27]);

/**
 * epub-gen-memory with its non-deterministic parts replaced: image files get stable names
 * instead of random uuids, fonts come from memory (our subsets) instead of URLs.
 */
export class DeterministicEPub extends EPub {
  private readonly embeddedFonts: EmbeddedFont[];
  private readonly files = new Map<string, FileData>([['mimetype', 'application/epub+zip']]);

  private readonly coverPng: Uint8Array;

  /**
   * The cover PNG and the warning sink are taken here rather than as the library's `cover` and
   * `verbose` options: it checks those with ow, whose failed first alternatives (a File is not
   * a string, a function not a boolean) each build an error with a stack trace, ~1 ms a book.
   */
  constructor(options: BookOptions, content: PageChapter[], fonts: EmbeddedFont[], cover: Uint8Array, warn: (message: string) => void) {
    // Its chapter check (ow) and normalisation (an HTML parse of each) are done below for only
    // the chapters that need them; it warns nowhere yet (verbose: false), as in its own.
    super(options, []);
    this.content = content.map((chapter, index) => {
      const normalised = validateAndNormalizeChapter(chapter, index);
      normalised.content = chapter.content && normalizeHTML.call(this, index, chapter.content);
      return normalised;
    });
    this.embeddedFonts = fonts;
    this.coverPng = cover;
    this.cover = { mediaType: 'image/png', extension: 'png' };
    this.warn = (...args: unknown[]) => warn(args.map(String).join(' '));
    // The library only calls folder() and file() on its zip.
    this.zip = new FileCollector(this.files) as unknown as typeof this.zip;
    const renames = new Map<string, string>();
    this.images.forEach((image, i) => {
      const id = `image-${i + 1}`;
      renames.set(`images/${image.id}.`, `images/${id}.`);
      image.id = id;
    });
    const pathOf = new Map(this.images.map((image) => [image.url, `images/${image.id}.${image.extension}`]));
    for (const chapter of this.content as PageChapter[]) {
      if (chapter.xml) {
        const { text, imageUrls } = chapter.xml;
        chapter.content = imageUrls.reduce((html, url, i) => html + pathOf.get(url) + text[i + 1], text[0]);
        continue;
      }
      let html = chapter.content;
      for (const [from, to] of renames) html = html.split(from).join(to);
      // Its serializer writes every non-ASCII character as &#x…; (Korean triples in size), and an
      // invented alt text where ours was deliberately empty (decorative image).
      html = html.replace(CHAR_REF, (ref: string, hex: string) => {
        const cp = parseInt(hex, 16);
        return XML_SPECIAL.has(cp) ? ref : String.fromCodePoint(cp);
      });
      chapter.content = html.replace(/ alt="image-placeholder"/g, ' alt=""');
    }
  }

  /** The book's files as the library made them, for `writeZip` to pack with fixed dates and order. */
  async build(): Promise<ZipEntry[]> {
    await this.render();
    return Promise.all([...this.files].map(async ([name, data]) => ({ name, data: await bytesOf(data) })));
  }

  /** The library's own, with each template compiled once per process (EPUB 3 only). */
  protected override async generateTemplateFiles(): Promise<void> {
    const oebps = this.zip.folder('OEBPS')!;
    oebps.file('style.css', this.options.css);
    for (const chapter of this.content) {
      oebps.file(chapter.filename, render(this.options.chapterXHTML, { lang: this.options.lang, prependChapterTitles: this.options.prependChapterTitles, ...chapter }));
    }
    this.zip.folder('META-INF')!.file('container.xml', CONTAINER_XML);
    const data = { ...this.options, id: this.uuid, images: this.images, cover: this.cover, content: this.content };
    oebps.file('content.opf', render(this.options.contentOPF, data));
    oebps.file('toc.ncx', render(this.options.tocNCX, data));
    oebps.file('toc.xhtml', render(this.options.tocXHTML, data));
  }

  protected override async makeCover(): Promise<void> {
    this.zip.folder('OEBPS')!.file('cover.png', this.coverPng);
  }

  protected override async downloadAllFonts(): Promise<void> {
    const folder = this.zip.folder('OEBPS')!.folder('fonts')!;
    for (const font of this.embeddedFonts) folder.file(font.filename, font.data);
  }
}
