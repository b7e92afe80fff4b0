import type { Block, BlockStyle, BorderEdge, Inline } from '../document/types.js';
import { fitImage, imageSize } from './images.js';
import { glyphWidth } from './items.js';
import { itemise, type TypesetContext } from './itemise.js';
import { setParagraph } from './paragraph.js';
import type { SetLine } from './lines.js';
import { breakKeep, breakWidowOrphan, Flow } from './flow.js';
import type { Artifact, GlyphRun, ImageItem, LineItem, StructNode } from './types.js';

export interface BlockContext extends TypesetContext {
  /** Null for running heads and footers, which are artifacts outside the structure tree. */
  structure: StructNode[] | null;
  artifact?: Artifact;
  /** Height of a page's body: a `break-inside: avoid` block taller than this may still break. */
  bodyHeight: number;
  warn(message: string): void;
}

const defaultRule: BorderEdge = { width: 0.75, style: 'solid', color: '#000000' };

/** Adds `blocks` to the flow within the content box [x, x + width]. */
export function flowBlocks(blocks: Block[], x: number, width: number, parent: number, flow: Flow, ctx: BlockContext): void {
  for (const block of blocks) flowBlock(block, x, width, parent, flow, ctx);
}

function flowBlock(block: Block, x: number, width: number, parent: number, flow: Flow, ctx: BlockContext): void {
  const st = block.style;
  const first = flow.elements.length;
  if (st.breakBefore === 'page') flow.breakBeforeNext();
  if (st.breakBefore === 'avoid') flow.keepWithNext(breakKeep);
  flow.margin(st.margin.top);
  const bx = x + st.margin.left;
  const bw = width - st.margin.left - st.margin.right;
  const rule = (edge: BorderEdge) => ({ kind: 'rule' as const, x: bx, y: edge.width / 2, width: bw, edge, artifact: ctx.artifact ?? ('layout' as const) });

  if (block.kind === 'rule') {
    const edge = st.borderTop ?? defaultRule;
    flow.push(edge.width, [rule(edge)]);
  } else {
    if (st.borderTop) {
      flow.push(st.borderTop.width, [rule(st.borderTop)]);
      flow.keepWithNext(breakKeep);
    }
    flow.space(st.padding.top);
    const cx = bx + st.padding.left;
    const cw = bw - st.padding.left - st.padding.right;
    const id = addStruct(ctx, block, parent);
    if (block.kind === 'text') flowText(block.inlines, st, block.role, cx, cw, id, block.marker, flow, ctx);
    else if (block.kind === 'container') flowBlocks(block.children, cx, cw, id, flow, ctx);
    else flowImage(block.path, block.alt, st, cx, cw, id, flow, ctx);
    flow.space(st.padding.bottom);
    if (st.borderBottom) flow.push(st.borderBottom.width, [rule(st.borderBottom)], breakKeep);
  }
  flow.margin(st.margin.bottom);
  if (st.breakInside === 'avoid' && flow.elements.length > first && flow.heightFrom(first) <= ctx.bodyHeight) flow.avoidBreaksFrom(first);
  if (st.breakAfter === 'page') flow.breakBeforeNext();
  if (st.breakAfter === 'avoid') flow.keepWithNext(breakKeep);
}

function addStruct(ctx: BlockContext, block: Block, parent: number): number {
  if (!ctx.structure || block.kind === 'rule') return 0;
  const node: StructNode = { id: ctx.structure.length, role: block.role, parent };
  if (block.kind === 'image') node.alt = block.alt;
  if (block.kind === 'text') {
    // A paragraph wholly in another language says so (the PDF's /Lang on its element).
    const langs = new Set(block.inlines.map((i) => (i.kind === 'text' ? i.lang ?? ctx.lang : ctx.lang)));
    const [only] = langs;
    if (langs.size === 1 && only !== ctx.lang) node.lang = only;
  }
  ctx.structure.push(node);
  return node.id;
}

function flowText(inlines: Inline[], st: BlockStyle, role: string, x: number, measure: number, struct: number, marker: string | undefined, flow: Flow, ctx: BlockContext): void {
  const lines = setParagraph(inlines, st, measure, ctx);
  const strut = ctx.fonts.metrics(ctx.fonts.resolve(st.fontFamily, st.fontWeight, st.fontStyle)[0], st.fontSize);
  const heading = /^H([1-6])$/.exec(role);
  const n = lines.length;
  lines.forEach((line, k) => {
    const { above, below } = lineBox(line, st, strut.ascent, strut.descent);
    // The paragraph's lines are this block's alone: their runs move to the block's x in place.
    const runs = line.runs;
    for (const run of runs) run.x += x;
    if (k === 0 && marker) runs.unshift(...markerRuns(marker, st, x, ctx));
    const item: LineItem = {
      kind: 'line',
      x,
      y: above,
      measure,
      width: line.width,
      ascent: line.ascent,
      descent: line.descent,
      runs,
      struct,
      hyphenated: line.hyphenated,
      spaceStretch: line.spaceStretch,
    };
    if (ctx.artifact) item.artifact = ctx.artifact;
    const level = k > 0 && (k < st.orphans || n - k < st.widows) ? breakWidowOrphan : 0;
    const outline = k === 0 && heading && !ctx.artifact ? { title: plainText(inlines), level: Number(heading[1]) } : undefined;
    flow.push(above + below, [item], level, outline);
  });
}

/**
 * CSS line box: the strut's half-leading model at the block's line-height; an inline in a larger
 * size (line-height scaled with it) grows the box, a fallback face at the same size does not.
 */
function lineBox(line: SetLine, st: BlockStyle, ascent: number, descent: number): { above: number; below: number } {
  const halfLeading = (st.lineHeight - (ascent + descent)) / 2;
  let above = halfLeading + ascent;
  let below = halfLeading + descent;
  for (const run of line.runs) {
    if (run.size <= st.fontSize * 1.01) continue;
    const scale = run.size / st.fontSize;
    const runHalf = (st.lineHeight * scale - (ascent + descent) * scale) / 2;
    above = Math.max(above, runHalf + ascent * scale);
    below = Math.max(below, runHalf + descent * scale);
  }
  return { above, below };
}

/** A list item's marker, set right-aligned in the left margin half an em from the text. */
function markerRuns(marker: string, st: BlockStyle, x: number, ctx: BlockContext): GlyphRun[] {
  const segments = itemise([{ kind: 'text', text: marker, style: st }], st, ctx);
  const widths = segments.map((s) => glyphWidth(ctx.fonts, s.style, s.text));
  let left = x - st.fontSize / 2 - widths.reduce((a, b) => a + b, 0);
  return segments.map((s, i) => {
    const run: GlyphRun = { x: left, width: widths[i], text: s.text, font: s.style.face, size: s.style.size, color: s.style.color, letterSpacing: s.style.letterSpacing, underline: false };
    left += widths[i];
    return run;
  });
}

function flowImage(path: string, alt: string, st: BlockStyle, x: number, width: number, struct: number, flow: Flow, ctx: BlockContext): void {
  const intrinsic = imageSize(path);
  if (!intrinsic && st.width === undefined && st.height === undefined) ctx.warn(`cannot read the size of image ${path}; drawn 1 inch square`);
  const size = fitImage(intrinsic, st.width, st.height, width, ctx.bodyHeight);
  const left = st.textAlign === 'center' ? x + (width - size.width) / 2 : st.textAlign === 'right' ? x + width - size.width : x;
  const item: ImageItem = { kind: 'image', x: left, y: 0, width: size.width, height: size.height, path, alt, struct };
  if (ctx.artifact) item.artifact = ctx.artifact;
  flow.push(size.height, [item]);
}

/** A heading's text for the outline: the source text, spaces collapsed, breaks as spaces. */
export function plainText(inlines: Inline[]): string {
  return inlines
    .map((i) => (i.kind === 'text' ? i.text : ' '))
    .join('')
    .replace(/[\u00AD\u200B]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
