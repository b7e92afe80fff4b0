import type { Font } from 'fontkit';
import { fontkitFont } from '../fonts/index.js';
import type { FontFace } from '../fonts/types.js';
import { BoundedMap } from '../fonts/bounded-map.js';

/** What drawing needs from a face beyond PDFKit: underline metrics, in em. */
export interface FaceMetrics {
  underlinePosition: number;
  underlineThickness: number;
}

interface OpenedFace {
  /** The parsed face with a layout cache shared by every document (see `withSharedLayout`). */
  source: Font;
  metrics: FaceMetrics;
}

type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
type Glyph = Font['layout'] extends (...args: never[]) => { glyphs: (infer G)[] } ? G : never;

/** A shaped piece of text as PDFKit reads it; PDFKit scales `positions` in place. */
class SharedRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

/** Words shaped so far, per face; the oldest goes when there are this many. */
const MAX_SHAPED_WORDS = 20_000;

/**
 * Shaping is the costliest step of drawing text (fontkit decodes GSUB/GPOS anew for each
 * word), and PDFKit's own cache lives only as long as one document. This face object keeps
 * shaped words for the process and hands PDFKit fresh positions each time, since PDFKit scales
 * them in place. Everything else is the fontkit face itself, through the prototype.
 */
function withSharedLayout(font: Font): Font {
  const shaped = new BoundedMap<string, { glyphs: Glyph[]; positions: Position[] }>(MAX_SHAPED_WORDS);
  const shared: Font = Object.create(font);
  shared.layout = ((text: string, features?: unknown) => {
    if (features !== undefined) return font.layout(text, features as string[]);
    let run = shaped.get(text);
    if (!run) {
      const fresh = font.layout(text);
      run = {
        glyphs: fresh.glyphs,
        positions: fresh.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
      };
      shaped.set(text, run);
    }
    return new SharedRun(run.glyphs, run.positions.map((position) => ({ ...position })));
  }) as unknown as Font['layout']; // PDFKit reads only glyphs, positions and advanceWidth of a run.
  return shared;
}

/**
 * Parsed faces, kept for the life of the process: parsing a font (14 MB for Noto Serif KR) is
 * costly. PDFKit accepts a fontkit font in place of a path and only reads from it (each
 * document makes its own subset), so one parsed face serves every document.
 */
const opened = new Map<string, OpenedFace>();

function openFace(face: FontFace): OpenedFace {
  let entry = opened.get(face.path);
  if (!entry) {
    // The face the typesetter measured with: one parse (and one GSUB/GPOS decoding) per process.
    const font = fontkitFont(face);
    const em = font.unitsPerEm;
    entry = {
      source: withSharedLayout(font),
      metrics: {
        // Fonts with no post-table values get the usual 10% below the baseline, 5% thick.
        underlinePosition: font.underlinePosition ? font.underlinePosition / em : -0.1,
        underlineThickness: font.underlineThickness ? font.underlineThickness / em : 0.05,
      },
    };
    opened.set(face.path, entry);
  }
  return entry;
}

/**
 * Registers every face under its id (PDFKit's font name, which also gives deterministic subset
 * tags) and returns their metrics by id. Faces used by runs but missing from `faces` are added.
 */
export function registerFaces(doc: PDFKit.PDFDocument, faces: Iterable<FontFace>): Map<string, FaceMetrics> {
  const metrics = new Map<string, FaceMetrics>();
  for (const face of faces) {
    if (metrics.has(face.id)) continue;
    const { source, metrics: faceMetrics } = openFace(face);
    // A fontkit Font is one of PDFKit's accepted font sources, though @types/pdfkit omits it.
    doc.registerFont(face.id, source as unknown as Uint8Array);
    metrics.set(face.id, faceMetrics);
  }
  return metrics;
}
