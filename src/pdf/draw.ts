import PDFDocument from 'pdfkit';
import type { FontFace } from '../fonts/types.js';
import type { Page, Pages } from '../typeset/types.js';
import { registerFaces } from './fonts.js';
import { prepareSubsets } from './subsets.js';
import { deflateStreams } from './streams.js';
import { drawImage, drawRule, type ImageContext } from './graphics.js';
import { drawCropMarks, setPrintBoxes, SLUG } from './marks.js';
import { documentDate, documentInfo, extraXmp, metadataText } from './metadata.js';
import { Tagger } from './tags.js';
import { drawLine, type TextContext } from './text.js';
import type { PdfMeta } from './types.js';

/**
 * Draws typeset pages as a tagged PDF/A-2b: fonts embedded and subset, structure tree, outline,
 * live links, XMP metadata. The same Pages and meta always give the same bytes.
 */
export async function drawPdf(pages: Pages, meta: PdfMeta): Promise<Buffer> {
  if (pages.pages.length === 0) throw new Error('nothing to draw: the typeset release has no page');
  const date = documentDate(meta);
  const options = {
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    displayTitle: true,
    lang: meta.lang || pages.lang,
    info: documentInfo(meta, date),
    autoFirstPage: false,
    // No default font: PDFKit would otherwise load Helvetica, which PDF/A cannot have unembedded.
    font: null,
  };
  // @types/pdfkit types `font` as string only; PDFKit itself takes null to mean "none".
  const doc = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
  deflateStreams(doc);
  const chunks: Uint8Array[] = [];
  const written = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const metrics = registerFaces(doc, facesOf(pages));
  prepareSubsets(doc, pages);
  const tagger = new Tagger(doc, pages.structure, options.lang);
  const text: TextContext = { doc, tagger, metrics, fill: null };
  const offset = meta.printMarks ? SLUG : 0;
  const images: ImageContext = { svgFont: pages.fonts[0]?.id, warn: meta.warn ?? (() => {}), offset };
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
  }
  addOutline(doc, pages, offset);
  doc.appendXML(extraXmp(meta, date));
  doc.end();
  return written;
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

/** The faces to embed: `pages.fonts`, and any face a run uses that the list missed. */
function facesOf(pages: Pages): FontFace[] {
  const faces = [...pages.fonts];
  const known = new Set(faces.map((face) => face.id));
  for (const page of pages.pages) {
    for (const item of page.items) {
      if (item.kind !== 'line') continue;
      for (const run of item.runs) {
        if (!known.has(run.font.id)) {
          known.add(run.font.id);
          faces.push(run.font);
        }
      }
    }
  }
  return faces;
}

/** Bookmarks nested by level: an entry goes under the nearest earlier entry of a lower level. */
function addOutline(doc: PDFKit.PDFDocument, pages: Pages, offset: number): void {
  const stack: { level: number; item: PDFKit.PDFOutline }[] = [];
  for (const entry of pages.outline) {
    const title = metadataText(entry.title);
    if (title === '') continue;
    while (stack.length > 0 && stack[stack.length - 1].level >= entry.level) stack.pop();
    const parent = stack.length > 0 ? stack[stack.length - 1].item : doc.outline;
    const pageIndex = Math.min(Math.max(entry.page, 1), pages.pages.length) - 1;
    const page = pages.pages[pageIndex];
    const item = parent.addItem(title, {
      pageNumber: pageIndex,
      expanded: true,
      // An XYZ destination: PDFKit computes left = mediaWidth - left and top = mediaHeight - top.
      fit: false,
      left: page.width + 2 * offset,
      top: Math.max(0, entry.y) + offset,
      zoom: 0,
    });
    stack.push({ level: entry.level, item });
  }
}
