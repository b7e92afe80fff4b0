// What pdfkit 0.20 does that @types/pdfkit 0.17 does not declare; only what src/pdf uses.
declare namespace PDFKit {
  interface PDFStructureElement {
    /** The element's dictionary reference (its /S, /Alt … live in `.data`). */
    dictionary: PDFKitReference;
  }

  interface OutlineItemOptions {
    expanded?: boolean;
    /** 0-based index of the destination page among the pages added so far. */
    pageNumber?: number;
    /** false: an XYZ destination at (width - left, height - top) instead of Fit. */
    fit?: boolean;
    top?: number;
    left?: number;
    zoom?: number;
  }

  interface PDFOutline {
    addItem(title: string, options?: OutlineItemOptions): PDFOutline;
  }

}

declare namespace PDFKit.Mixins {
  interface StructureElementOptions {
    /** Layout attribute BBox: [left, top, right, bottom] in page units from the top-left. */
    bbox?: [number, number, number, number];
  }

  interface AnnotationOption {
    /** Structure element (a Link) that the annotation belongs to: PDFKit adds the OBJR and StructParent. */
    structParent?: PDFStructureElement;
  }
}

declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    precision?: number;
    warningCallback?: (message: string) => void;
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: object) => string;
    imageCallback?: (link: string) => string;
  }
  function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x?: number, y?: number, options?: SvgToPdfOptions): void;
  export default SVGtoPDF;
}
