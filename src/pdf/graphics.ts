import { readFileSync } from 'node:fs';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ImageItem, RuleItem } from '../typeset/types.js';

/** Strokes a rule (a CSS border edge) centred on `rule.y`, in the edge's style. */
export function drawRule(doc: PDFKit.PDFDocument, rule: RuleItem): void {
  const { width: w, style, color } = rule.edge;
  if (!(w > 0) || !(rule.width > 0)) return;
  doc.save();
  doc.strokeColor(color);
  const stroke = (y: number, lineWidth: number) => {
    doc.lineWidth(lineWidth).moveTo(rule.x, y).lineTo(rule.x + rule.width, y).stroke();
  };
  if (style === 'double') {
    // CSS double: two lines and the gap between them each take a third of the width.
    stroke(rule.y - w / 3, w / 3);
    stroke(rule.y + w / 3, w / 3);
  } else if (style === 'dotted') {
    // Round caps on near-zero dashes draw dots of the rule's width, one width apart.
    doc.lineCap('round').dash(0.001, { space: 2 * w });
    stroke(rule.y, w);
  } else if (style === 'dashed') {
    doc.lineCap('butt').dash(3 * w, { space: 3 * w });
    stroke(rule.y, w);
  } else {
    stroke(rule.y, w);
  }
  doc.restore();
}

/** SVG by extension, or by content for a file whose name does not say. */
function isSvg(path: string): { svg: true; text: string } | { svg: false } {
  if (/\.(png|jpe?g)$/i.test(path)) return { svg: false };
  const bytes = readFileSync(path);
  const head = bytes.subarray(0, 1024).toString('utf8').trimStart();
  if (/\.svg$/i.test(path) || head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) {
    return { svg: true, text: bytes.toString('utf8') };
  }
  return { svg: false };
}

export interface ImageContext {
  /** The face SVG text is set in (never a standard font), or undefined when there is none. */
  svgFont: string | undefined;
  warn: (message: string) => void;
  /** Where the trim sits in the media (print marks), for figure bounding boxes. */
  offset: number;
}

/** PDFKit's per-document image registry; `openImage` is how svg-to-pdfkit reaches it too. */
interface ImageRegistry {
  openImage(src: string): { imgData?: Uint8Array | null };
}

/**
 * Draws a PNG/JPEG as an image XObject, an SVG as vector paths, scaled into the item's box.
 *
 * PDFKit decodes PNGs with alpha (or interlaced) on zlib's thread pool and writes the image
 * objects when that finishes, so two such images could land in either order and the bytes
 * would differ between runs. The returned promise settles once this image is written (PDFKit
 * drops `imgData` then); awaiting it before drawing on keeps the output deterministic.
 */
export function drawImage(doc: PDFKit.PDFDocument, item: ImageItem, context: ImageContext): Promise<void> | undefined {
  const kind = isSvg(item.path);
  if (!kind.svg) {
    // By path, so PDFKit embeds an image used on several pages once.
    doc.image(item.path, item.x, item.y, { width: item.width, height: item.height });
    const opened = (doc as unknown as ImageRegistry).openImage(item.path);
    if (!opened.imgData) return undefined;
    return new Promise((resolve) => {
      const poll = () => (opened.imgData ? setImmediate(poll) : resolve());
      setImmediate(poll);
    });
  }
  SVGtoPDF(doc, kind.text, item.x, item.y, {
    width: item.width,
    height: item.height,
    preserveAspectRatio: 'xMidYMid meet',
    warningCallback: (message) => context.warn(`${item.path}: ${message}`),
    fontCallback: () => {
      if (context.svgFont === undefined) throw new Error(`${item.path}: SVG text needs a font and the release has none`);
      return context.svgFont;
    },
    // Only inline (data:) images: nothing is fetched, and no file outside the release is read.
    imageCallback: (link) => {
      if (link.startsWith('data:')) return link;
      context.warn(`${item.path}: image ${link.slice(0, 80)} is not inline (data:) and is left out`);
      return '';
    },
  });
  return undefined;
}
