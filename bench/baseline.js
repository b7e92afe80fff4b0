// The baseline of the issue: a plain PDFKit script that flows the same text with
// `doc.text(…, {align: 'justify'})` in the same fonts (Tinos, given by path as a plain script
// would), size and margins as the embassy template. No tags, hyphenation or EPUB.
import PDFDocument from 'pdfkit';
import { SETTING } from './peers/setting.js';

const MM = 72 / 25.4;

/** Title and body paragraphs of release data as plain text (Markdown marks dropped). */
export function plainText(data) {
  const strip = (s) => s.replace(/\*\*|\*|^#+\s*|^>\s*|^[-*]\s+/gm, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return {
    title: strip(data.title),
    paragraphs: data.body
      .trim()
      .split(/\n\s*\n/)
      .map((p) => strip(p).replace(/\s*\n\s*/g, ' ')),
  };
}

/** The plain PDFKit flow of `text`; resolves to the PDF bytes. */
export function plainPdf({ title, paragraphs }) {
  const m = SETTING.marginsMm;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: m.top * MM, right: m.right * MM, bottom: m.bottom * MM, left: m.left * MM },
    font: SETTING.fonts.regular,
    info: { CreationDate: new Date(0) },
  });
  const chunks = [];
  const done = new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.on('data', (c) => chunks.push(c));
  const gap = (SETTING.lineHeight - 1) * SETTING.fontSizePt;
  doc.font(SETTING.fonts.bold).fontSize(SETTING.titleSizePt).text(title, { align: 'center', lineGap: gap, paragraphGap: SETTING.titleGapPt });
  doc.font(SETTING.fonts.regular).fontSize(SETTING.fontSizePt);
  for (const p of paragraphs) doc.text(p, { align: 'justify', lineGap: gap, paragraphGap: SETTING.paragraphGapPt });
  doc.end();
  return done;
}
