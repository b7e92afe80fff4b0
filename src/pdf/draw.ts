import type { Pages } from '../typeset/types.js';
import type { PdfMeta } from './types.js';
import { PdfWriter } from './writer.js';

/**
 * Draws typeset pages as a tagged PDF/A-2b: fonts embedded and subset, structure tree, outline,
 * live links, XMP metadata. The same Pages and meta always give the same bytes.
 * A bundle is drawn release by release with `PdfWriter` (writer.ts).
 */
export async function drawPdf(pages: Pages, meta: PdfMeta): Promise<Buffer> {
  if (pages.pages.length === 0) throw new Error('nothing to draw: the typeset release has no page');
  const writer = new PdfWriter(meta, { lang: pages.lang });
  await writer.add(pages);
  return writer.end();
}
