import type { GlyphRun, LineItem } from '../typeset/types.js';
import type { FaceMetrics } from './fonts.js';
import type { Box, Tagger } from './tags.js';

/** Per-document drawing state for text; `fill` is reset at each page (a fresh content stream). */
export interface TextContext {
  doc: PDFKit.PDFDocument;
  tagger: Tagger;
  metrics: Map<string, FaceMetrics>;
  fill: string | null;
}

/**
 * Draws a line's runs where the typesetter put them, tagged as content of the line's block (or
 * as an artifact), with consecutive runs that share a link drawn as one Link element.
 */
export function drawLine(context: TextContext, line: LineItem): void {
  const { runs } = line;
  for (let i = 0; i < runs.length; ) {
    const url = runs[i].link;
    let end = i + 1;
    if (url !== undefined) {
      while (end < runs.length && runs[end].link === url) end++;
    }
    const group = runs.slice(i, end);
    if (url === undefined) {
      if (line.artifact) context.tagger.artifact(line.artifact);
      else context.tagger.content(line.struct);
      drawRun(context, group[0], line);
    } else if (line.artifact) {
      context.tagger.artifact(line.artifact);
      const box = drawLinked(context, group, line);
      context.doc.link(box.x, box.y, box.width, box.height, url);
    } else {
      const label = group.map((run) => run.text).join('').trim() || url;
      context.tagger.link(line.struct, url, label, () => drawLinked(context, group, line));
    }
    i = end;
  }
}

function drawLinked(context: TextContext, group: GlyphRun[], line: LineItem): Box {
  for (const run of group) drawRun(context, run, line);
  const first = group[0];
  const last = group[group.length - 1];
  const descent = Math.abs(line.descent);
  return { x: first.x, y: line.y - line.ascent, width: last.x + last.width - first.x, height: line.ascent + descent };
}

function drawRun(context: TextContext, run: GlyphRun, line: LineItem): void {
  const { doc } = context;
  doc.font(run.font.id, run.size);
  if (context.fill !== run.color) {
    doc.fillColor(run.color);
    context.fill = run.color;
  }
  let { text, x } = run;
  const options: PDFKit.Mixins.TextOptions = { lineBreak: false, baseline: 'alphabetic' };
  if (run.letterSpacing) options.characterSpacing = run.letterSpacing;
  const stretch = line.spaceStretch;
  if (stretch > 0) {
    // PDFKit's wordSpacing sets words apart by space + stretch but drops leading spaces.
    const leading = text.length - text.trimStart().length;
    if (leading > 0) {
      x += leading * (doc.widthOfString(' ') + run.letterSpacing + stretch);
      text = text.slice(leading);
    }
    if (/\s/.test(text.trimEnd())) options.wordSpacing = stretch;
  }
  // 'alphabetic' puts the baseline at y itself, so no ascender compensation is needed.
  doc.text(text, x, line.y, options);
  if (run.underline) underline(context, run, line);
}

/** A CSS-like underline: the face's own position and thickness, not under trailing spaces. */
function underline(context: TextContext, run: GlyphRun, line: LineItem): void {
  const { doc } = context;
  const metrics = context.metrics.get(run.font.id);
  if (!metrics) return;
  const trailing = run.text.length - run.text.trimEnd().length;
  const spaceAdvance = doc.widthOfString(' ') + run.letterSpacing + line.spaceStretch;
  const width = run.width - trailing * spaceAdvance;
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
