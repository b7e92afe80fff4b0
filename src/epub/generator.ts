import { EPub, type Chapter, type Options } from 'epub-gen-memory';
import type JSZip from 'jszip';
import type { BookData } from './metadata.js';
import type { EmbeddedFont } from './stylesheet.js';

/** What our chapter template reads besides the library's own chapter fields. */
export interface PageData {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  bodyAttributes: Record<string, string>;
  cover?: { extension: string; alt: string };
}

/** A chapter with the extra fields the library passes through to the chapter template. */
export type PageChapter = Chapter & { id: string; page: PageData };

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

  constructor(options: BookOptions, content: PageChapter[], fonts: EmbeddedFont[]) {
    super(options, content);
    this.embeddedFonts = fonts;
    const renames = new Map<string, string>();
    this.images.forEach((image, i) => {
      const id = `image-${i + 1}`;
      renames.set(`images/${image.id}.`, `images/${id}.`);
      image.id = id;
    });
    for (const chapter of this.content) {
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

  /** The zip as the library built it, for re-packing with fixed dates and order. */
  async build(): Promise<JSZip> {
    await this.render();
    return this.zip as unknown as JSZip;
  }

  protected override async downloadAllFonts(): Promise<void> {
    const folder = this.zip.folder('OEBPS')!.folder('fonts')!;
    for (const font of this.embeddedFonts) folder.file(font.filename, font.data);
  }
}
