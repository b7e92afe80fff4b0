// Font subsets made once per glyph set, by copying glyph records (truetype-subset.ts) rather
// than through fontkit, which decodes and re-encodes every glyph; releases of one issuer mostly
// use the same glyphs, so a subset is encoded once per glyph set and face for the process.
import type { Font } from 'fontkit';
import type { Pages } from '../typeset/types.js';
import type { LineItem } from '../typeset/types.js';
import { collectPieces, documentFont, encodeInOrder, runPieces, type DocumentFont, type EmbeddedFont, type Glyph, type TextDocument } from './show-text.js';
import { drawnText, type DrawnRun } from './text.js';
import { encodeTrueTypeSubset } from './truetype-subset.js';

/** Encoded subsets per parsed face, by glyph list; a face keeps at most this many. */
const MAX_SUBSETS_PER_FACE = 32;
const encodedByFace = new WeakMap<Font, Map<string, Uint8Array>>();
/** Subsets whose `encode` already answers from the cache: a document's releases share its subsets. */
const shared = new WeakSet<EmbeddedFont['subset']>();

/** Makes `pdfFont.subset.encode()` answer from the cache when the glyph list was seen before. */
function shareEncoding(pdfFont: EmbeddedFont): void {
  const { subset } = pdfFont;
  if (shared.has(subset)) return;
  shared.add(subset);
  const trueType = (pdfFont.font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables.glyf !== undefined;
  const encode = trueType ? () => encodeTrueTypeSubset(pdfFont.font, subset) : subset.encode.bind(subset);
  let encoded = encodedByFace.get(pdfFont.font);
  if (!encoded) encodedByFace.set(pdfFont.font, (encoded = new Map()));
  const cache = encoded;
  subset.encode = () => {
    // The list before encoding decides the bytes: encode() appends composite components itself.
    const key = subset.glyphs.join(',');
    let bytes = cache.get(key);
    if (!bytes) {
      bytes = encode();
      if (cache.size >= MAX_SUBSETS_PER_FACE) cache.delete(cache.keys().next().value!);
      cache.set(key, bytes);
    }
    return bytes;
  };
}

/**
 * Opens every font the pages draw with, puts the glyphs they use into each subset in glyph-id
 * order (PDFKit adds them in order of first use, which differs with every text) and lets the
 * subset's encoding be shared. Fonts with nothing to draw are not opened, so not embedded.
 * Returns what each run with something to draw draws, split into pieces here once, by line.
 *
 * A document drawn a release at a time calls this for each release's pages: glyphs already in
 * a subset keep their codes, new ones follow in glyph-id order, and `encode` is wrapped once.
 */
export function prepareSubsets(doc: PDFKit.PDFDocument, pages: Pages): Map<LineItem, (DrawnRun | undefined)[]> {
  // By line, not by run: a Map keyed by ~1,500 run objects a release costs each an identity hash.
  const drawn = new Map<LineItem, (DrawnRun | undefined)[]>();
  const used = new Map<EmbeddedFont, { document: DocumentFont; glyphs: Glyph[] }>();
  const pdf = doc as unknown as TextDocument & PDFKit.PDFDocument;
  // Runs in a row mostly share a face: PDFKit is asked for it only when the face changes.
  let faceId: string | undefined;
  let font: EmbeddedFont | undefined;
  let fontUse: { document: DocumentFont; glyphs: Glyph[] } | undefined;
  const drawnOf = { leading: 0, spaced: false };
  for (const page of pages.pages) {
    for (const item of page.items) {
      if (item.kind !== 'line') continue;
      const lineRuns: (DrawnRun | undefined)[] = [];
      drawn.set(item, lineRuns);
      for (let k = 0; k < item.runs.length; k++) {
        const run = item.runs[k];
        const text = drawnText(run, item, drawnOf);
        if (text === '') continue;
        if (run.font.id !== faceId || !font || !fontUse) {
          pdf.font(run.font.id);
          faceId = run.font.id;
          font = pdf._font;
          fontUse = used.get(font);
          if (!fontUse) used.set(font, (fontUse = { document: documentFont(font), glyphs: [] }));
        }
        const { leading, spaced } = drawnOf;
        const pieces = runPieces(font, text, spaced ? item.spaceStretch : 0, fontUse.document.face);
        collectPieces(fontUse.document, pieces, fontUse.glyphs);
        lineRuns[k] = { leading, spaced, pieces };
      }
    }
  }
  for (const [font, { document, glyphs }] of used) {
    if (glyphs.length === 0) continue;
    encodeInOrder(font, document, glyphs);
    shareEncoding(font);
  }
  return drawn;
}
