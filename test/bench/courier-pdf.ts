// Hand-made PDFs in Courier (every glyph, the space included, is 0.6 em wide), so that each
// word box pdftotext reports, and so each measure of the typographic report, is known exactly.
import { writeFileSync } from 'node:fs';

export const FONT_SIZE = 10;
export const CHAR = 0.6 * FONT_SIZE;
export const PAGE = { width: 300, height: 400 };
export const COLUMN = { left: 50, right: 248 };

/** One line of text: words placed at explicit x positions on a baseline (from the page top). */
export interface PlacedLine {
  top: number;
  words: { text: string; x: number }[];
}

/** Words spread so the last one ends at the column's right edge (justified). */
export function justified(top: number, words: string[]): PlacedLine {
  const letters = words.reduce((sum, word) => sum + word.length, 0) * CHAR;
  const gap = (COLUMN.right - COLUMN.left - letters) / (words.length - 1);
  let x = COLUMN.left;
  return {
    top,
    words: words.map((text) => {
      const placed = { text, x };
      x += text.length * CHAR + gap;
      return placed;
    }),
  };
}

/** Words at natural width from `x`: one string with real spaces, as a last line is set. */
export function natural(top: number, text: string, x = COLUMN.left): PlacedLine {
  return { top, words: [{ text, x }] };
}

const escapePdf = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

function contentStream(lines: PlacedLine[]): string {
  return lines
    .flatMap((line) =>
      line.words.map(
        (word) =>
          `BT /F1 ${FONT_SIZE} Tf ${word.x.toFixed(3)} ${(PAGE.height - line.top).toFixed(3)} Td (${escapePdf(word.text)}) Tj ET`,
      ),
    )
    .join('\n');
}

/** Writes a PDF with one page per entry of `pages`, each a list of placed lines. */
export function writeCourierPdf(path: string, pages: PlacedLine[][]): void {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>';
  pages.forEach((lines, i) => {
    const stream = contentStream(lines);
    objects[pageIds[i]] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}\nendstream`;
  });
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = Buffer.byteLength(pdf);
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(path, pdf);
}
