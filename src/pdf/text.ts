import type { GlyphRun, LineItem } from '../typeset/types.js';
import { isWhiteSpace } from '../typeset/white-space.js';
import type { FaceMetrics } from './fonts.js';
import { LineText, spaceWidth, type Piece, type TextDocument } from './show-text.js';
import type { Box, Tagger } from './tags.js';

/** Per-document drawing state for text; `fill` is reset at each page (a fresh content stream). */
export interface TextContext {
  doc: PDFKit.PDFDocument;
  tagger: Tagger;
  metrics: Map<string, FaceMetrics>;
  /** What each run of a line draws, by index (`prepareSubsets`); a run without has nothing to draw. */
  drawn: Map<LineItem, (DrawnRun | undefined)[]>;
  fill: string | null;
  /** The text writer, begun again for each line (one object a document, not one a line). */
  text?: LineText;
}

/**
 * A run's text as drawn: its leading spaces dropped (`leading` of them), its pieces, and
 * whether its inner spaces stretch by the line's `spaceStretch` (a flag, not the number:
 * a double field would be one more heap number per run).
 */
export interface DrawnRun {
  leading: number;
  spaced: boolean;
  pieces: Piece[];
}

/** PDFKit's private font state is what the text writer reads; the public types do not declare it. */
const textDoc = (doc: PDFKit.PDFDocument) => doc as unknown as TextDocument;

/**
 * Draws a line's runs where the typesetter put them, tagged as content of the line's block (or
 * as an artifact), with consecutive runs that share a link drawn as one Link element.
 */
export function drawLine(context: TextContext, line: LineItem): void {
  const { runs } = line;
  const drawnRuns = context.drawn.get(line) ?? [];
  for (let i = 0; i < runs.length; ) {
    const url = runs[i].link;
    let end = i + 1;
    // Runs without a link share the line's tag, so they go into one text object together.
    while (end < runs.length && runs[end].link === url) end++;
    if (url === undefined) {
      if (line.artifact) context.tagger.artifact(line.artifact);
      else context.tagger.content(line.struct);
      drawRuns(context, line, drawnRuns, i, end);
    } else if (line.artifact) {
      context.tagger.artifact(line.artifact);
      const box = drawLinked(context, line, drawnRuns, i, end);
      context.doc.link(box.x, box.y, box.width, box.height, url);
    } else {
      const [from, to] = [i, end];
      const label =
        runs
          .slice(from, to)
          .map((run) => run.text)
          .join('')
          .trim() || url;
      context.tagger.link(line.struct, url, label, () => drawLinked(context, line, drawnRuns, from, to));
    }
    i = end;
  }
}

function drawLinked(context: TextContext, line: LineItem, drawn: (DrawnRun | undefined)[], from: number, to: number): Box {
  drawRuns(context, line, drawn, from, to);
  const first = line.runs[from];
  const last = line.runs[to - 1];
  const descent = Math.abs(line.descent);
  return { x: first.x, y: line.y - line.ascent, width: last.x + last.width - first.x, height: line.ascent + descent };
}

/**
 * What of a run is drawn: justified runs drop leading spaces (their count goes to
 * `into.leading`) and stretch the inner ones (`into.spaced`). Returns the text.
 */
export function drawnText(run: GlyphRun, line: LineItem, into: { leading: number; spaced: boolean }): string {
  // A line feed cannot be in a run the typesetter made; dropped as PDFKit drops it.
  let text = run.text.includes('\n') ? run.text.replace(/\n/g, '') : run.text;
  into.leading = 0;
  into.spaced = false;
  if (!(line.spaceStretch > 0)) return text;
  let leading = 0;
  while (leading < text.length && isWhiteSpace(text.charCodeAt(leading))) leading++;
  if (leading > 0) text = text.slice(leading);
  let end = text.length;
  while (end > 0 && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  let inner = false;
  for (let i = 0; i < end && !inner; i++) inner = isWhiteSpace(text.charCodeAt(i));
  into.leading = leading;
  into.spaced = inner;
  return text;
}

/** Draws runs `from`-`to` of a line as one text object (`drawnRuns`: what each draws), then their underlines. */
function drawRuns(context: TextContext, line: LineItem, drawnRuns: (DrawnRun | undefined)[], from: number, to: number): void {
  const { doc } = context;
  const text = (context.text ??= new LineText(textDoc(doc)));
  text.begin(line.y);
  for (let k = from; k < to; k++) {
    const run = line.runs[k];
    doc.font(run.font.id, run.size);
    if (context.fill !== run.color) {
      text.flush();
      doc.fillColor(run.color);
      context.fill = run.color;
    }
    const drawn = drawnRuns[k];
    if (!drawn) continue;
    const wordSpacing = drawn.spaced ? line.spaceStretch : 0;
    // Leading spaces of a justified run are not drawn: they become a shift (on the right of a
    // right-to-left run, where its glyphs end, so its start stays put).
    const x = run.rtl || drawn.leading === 0 ? run.x : run.x + drawn.leading * (spaceWidth(textDoc(doc)) + run.letterSpacing + line.spaceStretch);
    text.run(drawn.pieces, x, run.letterSpacing, wordSpacing, run.expansion ?? 1, run.rtl ?? false);
  }
  text.end();
  for (let k = from; k < to; k++) if (line.runs[k].underline) underline(context, line.runs[k], line);
}

/** A CSS-like underline: the face's own position and thickness, not under trailing spaces. */
function underline(context: TextContext, run: GlyphRun, line: LineItem): void {
  const { doc } = context;
  const metrics = context.metrics.get(run.font.id);
  if (!metrics) return;
  doc.font(run.font.id, run.size);
  const trailing = run.text.length - run.text.trimEnd().length;
  // Trailing spaces are in the run's width at their natural advance (the stretch is not).
  const width = run.width - trailing * (spaceWidth(textDoc(doc)) + run.letterSpacing);
  if (width <= 0) return;
  const y = line.y - metrics.underlinePosition * run.size;
  doc.save();
  doc
    .lineWidth(metrics.underlineThickness * run.size)
    .strokeColor(run.color)
    .moveTo(run.x, y)
    .lineTo(run.x + width, y)
    .stroke();
  doc.restore();
}
