import PDFDocument from 'pdfkit';
import type { FontFace } from '../fonts/types.js';
import type { Page, Pages } from '../typeset/types.js';
import { registerFaces, type FaceMetrics } from './fonts.js';
import { prepareSubsets } from './subsets.js';
import { deflateStreams } from './streams.js';
import { collectOutput } from './output.js';
import { drawImage, drawRule, type ImageContext } from './graphics.js';
import { drawCropMarks, setPrintBoxes, SLUG } from './marks.js';
import { documentDate, documentInfo, extraXmp, metadataText } from './metadata.js';
import { Tagger } from './tags.js';
import { drawLine, type TextContext } from './text.js';
import type { PdfMeta } from './types.js';

export interface PdfWriterOptions {
  /** The document's language when `meta.lang` is empty. */
  lang?: string;
  /**
   * Each `add` is one release of a bundle: its structure hangs under one Document root as a
   * Sect in its own language, and its title is a level-1 outline entry if its outline has none
   * first. Without it, the writer takes exactly one release, drawn as `drawPdf` draws it.
   */
  sections?: boolean;
}

/** What the outline keeps of an entry once its pages are drawn. */
interface OutlineMark {
  title: string;
  level: number;
  /** 0-based index of the page in the whole document. */
  pageIndex: number;
  y: number;
  /** Width of that page (before print marks). */
  width: number;
}

/**
 * Draws typeset pages as a tagged PDF/A-2b, one release (`Pages`) at a time: the document is
 * made once, each `add` draws a release's pages and keeps only what the outline needs, so a
 * bundle's memory does not grow with its releases beyond the PDF bytes. `end` adds the outline
 * and the XMP metadata and returns the file. The same input always gives the same bytes.
 */
export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly lang: string;
  private readonly date: Date;
  private readonly written: Promise<Buffer>;
  private readonly offset: number;
  private readonly sections: boolean;
  private readonly metrics = new Map<string, FaceMetrics>();
  private readonly outline: OutlineMark[] = [];
  private tagger: Tagger | null = null;
  private svgFont: string | undefined;
  private pageCount = 0;
  private releases = 0;
  private state: 'open' | 'failed' | 'ended' = 'open';

  constructor(
    private readonly meta: PdfMeta,
    options: PdfWriterOptions = {},
  ) {
    this.date = documentDate(meta);
    this.lang = meta.lang || options.lang || '';
    this.sections = options.sections ?? false;
    this.offset = meta.printMarks ? SLUG : 0;
    const pdfOptions = {
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      tagged: true,
      displayTitle: true,
      lang: this.lang,
      info: documentInfo(meta, this.date),
      autoFirstPage: false,
      // No default font: PDFKit would otherwise load Helvetica, which PDF/A cannot have unembedded.
      font: null,
    };
    // @types/pdfkit types `font` as string only; PDFKit itself takes null to mean "none".
    const doc = new PDFDocument(pdfOptions as unknown as PDFKit.PDFDocumentOptions);
    this.doc = doc;
    deflateStreams(doc);
    this.written = collectOutput(doc);
    // Until `end`, a failure is reported by the call that failed, not as an unhandled rejection.
    this.written.catch(() => {});
  }

  /** Pages drawn so far. */
  get pages(): number {
    return this.pageCount;
  }

  /** Draws one typeset release after the pages drawn so far. The writer keeps no reference to `pages`. */
  async add(pages: Pages): Promise<void> {
    if (this.state !== 'open') throw new Error(`PdfWriter.add: the writer has ${this.state}`);
    if (!this.sections && this.releases > 0) throw new Error('PdfWriter.add: one release only without sections');
    if (pages.pages.length === 0) return;
    this.releases++;
    try {
      await this.draw(pages);
    } catch (error) {
      this.state = 'failed';
      throw error;
    }
  }

  /** Adds the outline and the XMP metadata, ends the document and gives its bytes. */
  async end(): Promise<Buffer> {
    if (this.state !== 'open') throw new Error(`PdfWriter.end: the writer has ${this.state}`);
    if (this.pageCount === 0) throw new Error('nothing to draw: the typeset release has no page');
    this.state = 'ended';
    addOutline(this.doc, this.outline, this.offset);
    this.doc.appendXML(extraXmp(this.meta, this.date));
    this.doc.end();
    return this.written;
  }

  private async draw(pages: Pages): Promise<void> {
    const { doc, offset } = this;
    for (const [id, metrics] of registerFaces(doc, newFaces(pages, this.metrics))) this.metrics.set(id, metrics);
    const drawn = prepareSubsets(doc, pages);
    const tagger = this.tagFor(pages);
    this.svgFont ??= pages.fonts[0]?.id;
    const text: TextContext = { doc, tagger, metrics: this.metrics, drawn, fill: null };
    const images: ImageContext = { svgFont: this.svgFont, warn: this.meta.warn ?? (() => {}), offset };
    this.keepOutline(pages);
    for (const page of pages.pages) {
      doc.addPage({ size: [page.width + 2 * offset, page.height + 2 * offset], margin: 0 });
      if (offset > 0) {
        setPrintBoxes(doc, page.width, page.height);
        doc.translate(offset, offset);
        tagger.pageArtifact(() => drawCropMarks(doc, page.width, page.height));
      }
      text.fill = null;
      await drawItems(doc, page, text, images);
      tagger.close();
      this.pageCount++;
    }
    // The release's elements are complete: PDFKit writes them now rather than holding them to the end.
    if (this.sections) tagger.endSection();
  }

  private tagFor(pages: Pages): Tagger {
    if (!this.sections) return (this.tagger = new Tagger(this.doc, pages.structure, this.lang));
    // The root takes the first release's language, as a bundle's Document node always has.
    this.tagger ??= new Tagger(this.doc, [{ id: 0, role: 'Document', parent: null, lang: pages.lang }], this.lang);
    this.tagger.section(pages.structure, pages.lang);
    return this.tagger;
  }

  /** The release's outline entries, with pages counted from the start of the document. */
  private keepOutline(pages: Pages): void {
    const first = this.pageCount;
    const entries = pages.outline;
    if (this.sections && entries[0]?.level !== 1) {
      this.mark({ title: pages.title, level: 1, page: 1, y: 0 }, first, pages);
    }
    for (const entry of entries) this.mark(entry, first, pages);
  }

  private mark(entry: { title: string; level: number; page: number; y: number }, first: number, pages: Pages): void {
    const title = metadataText(entry.title);
    if (title === '') return;
    const index = Math.min(Math.max(entry.page, 1), pages.pages.length) - 1;
    this.outline.push({ title, level: entry.level, pageIndex: first + index, y: entry.y, width: pages.pages[index].width });
  }
}

async function drawItems(doc: PDFKit.PDFDocument, page: Page, text: TextContext, images: ImageContext): Promise<void> {
  const { tagger } = text;
  for (const item of page.items) {
    if (item.kind === 'line') {
      drawLine(text, item);
    } else if (item.kind === 'rule') {
      tagger.artifact(item.artifact ?? 'layout');
      drawRule(doc, item);
    } else {
      // PDFKit flips the box with the media height, so it is given in media coordinates.
      const [x, y] = [item.x + images.offset, item.y + images.offset];
      tagger.figure(item.struct, item.alt, [x, y, x + item.width, y + item.height]);
      const embedded = drawImage(doc, item, images);
      if (embedded) await embedded;
    }
  }
}

/** The faces to embed not registered yet: `pages.fonts`, and any face a run uses that the list missed. */
function newFaces(pages: Pages, registered: ReadonlyMap<string, unknown>): FontFace[] {
  const faces: FontFace[] = [];
  const known = new Set(registered.keys());
  const take = (face: FontFace) => {
    if (known.has(face.id)) return;
    known.add(face.id);
    faces.push(face);
  };
  for (const face of pages.fonts) take(face);
  for (const page of pages.pages) {
    for (const item of page.items) {
      if (item.kind !== 'line') continue;
      for (const run of item.runs) take(run.font);
    }
  }
  return faces;
}

/** Bookmarks nested by level: an entry goes under the nearest earlier entry of a lower level. */
function addOutline(doc: PDFKit.PDFDocument, outline: readonly OutlineMark[], offset: number): void {
  const stack: { level: number; item: PDFKit.PDFOutline }[] = [];
  for (const entry of outline) {
    while (stack.length > 0 && stack[stack.length - 1].level >= entry.level) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1].item : doc.outline;
    const item = parent.addItem(entry.title, {
      pageNumber: entry.pageIndex,
      expanded: true,
      // An XYZ destination: PDFKit computes left = mediaWidth - left and top = mediaHeight - top.
      fit: false,
      left: entry.width + 2 * offset,
      top: Math.max(0, entry.y) + offset,
      zoom: 0,
    });
    stack.push({ level: entry.level, item });
  }
}
