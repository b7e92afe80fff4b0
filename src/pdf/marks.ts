/** Printer's geometry: a 3 mm bleed, and crop marks in the slug beyond it. */
const MM = 72 / 25.4;
export const BLEED = 3 * MM;
const MARK_LENGTH = 5 * MM;
const MARK_WIDTH = 0.25;
/** Distance from the media edge to the trim: bleed, marks and 1 mm to spare. */
export const SLUG = BLEED + MARK_LENGTH + 1 * MM;

/** Sets TrimBox and BleedBox on the current page, whose media is the trim grown by SLUG. */
export function setPrintBoxes(doc: PDFKit.PDFDocument, trimWidth: number, trimHeight: number): void {
  const trim = [SLUG, SLUG, SLUG + trimWidth, SLUG + trimHeight];
  const bleed = [SLUG - BLEED, SLUG - BLEED, SLUG + trimWidth + BLEED, SLUG + trimHeight + BLEED];
  // PDFKit has no option for page boxes; they are plain entries of the page dictionary.
  Object.assign(doc.page.dictionary.data, { TrimBox: trim, BleedBox: bleed });
}

/** Crop marks at the four trim corners, outside the bleed; coordinates are trim-relative. */
export function drawCropMarks(doc: PDFKit.PDFDocument, trimWidth: number, trimHeight: number): void {
  doc.save();
  doc.lineWidth(MARK_WIDTH).strokeColor('#000000');
  for (const [cx, dx] of [[0, -1], [trimWidth, 1]]) {
    for (const [cy, dy] of [[0, -1], [trimHeight, 1]]) {
      doc.moveTo(cx + dx * BLEED, cy).lineTo(cx + dx * (BLEED + MARK_LENGTH), cy);
      doc.moveTo(cx, cy + dy * BLEED).lineTo(cx, cy + dy * (BLEED + MARK_LENGTH));
    }
  }
  doc.stroke();
  doc.restore();
}
