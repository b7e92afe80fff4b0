/** What the PDF says about itself: document info, XMP metadata and print options. */
export interface PdfMeta {
  title: string;
  subtitle?: string;
  /** The issuer: PDF Author and XMP dc:creator. */
  author: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 language of the document (catalog /Lang, XMP dc:language). */
  lang: string;
  /** The release date, YYYY-MM-DD: CreationDate/ModDate unless SOURCE_DATE_EPOCH is set. */
  date: string;
  /** PDF Producer; "pressroom" when absent. */
  producer?: string;
  /** Grow each page by a 3 mm bleed plus room for crop marks, and set TrimBox/BleedBox. */
  printMarks?: boolean;
  /** Told about content that could not be drawn faithfully (e.g. SVG features svg-to-pdfkit lacks). */
  warn?: (message: string) => void;
}
