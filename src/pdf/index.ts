export { drawPdf } from './draw.js';
export { PdfWriter, type PdfWriterOptions } from './writer.js';
export type { PdfMeta } from './types.js';
