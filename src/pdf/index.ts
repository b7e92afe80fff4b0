export { drawPdf } from './draw.js';
export type { PdfMeta } from './types.js';
