import type { BlockStyle, Inline } from '../document/types.js';
import { orderLines } from './bidi.js';
import { itemise, type TypesetContext } from './itemise.js';
import { hyphenateItems } from './hyphenated-items.js';
import { buildItems, fill, forcedBreak, type Item } from './items.js';
import { breakLines, type BreakOptions, type BrokenLine } from './knuth-plass.js';
import { expansionLimit, setLines, type SetLine } from './lines.js';

/** Quality a first pass without hyphenation must reach to be kept (space ratio 1 + r/2). */
const firstPassMaxRatio = 0.7; // spaces at most 1.35 × normal
const firstPassMeanRatio = 0.2; // mean at most 1.10 × normal
const strictTolerance = 35; // first try: no space looser than 1.35 × normal
const tolerance = 100; // then: no space looser than 1.5 × normal
/** Ragged Korean keeps its words whole on lines up to twice the ragged stretch short (badness 800). */
const raggedKeepAllTolerance = 800;

/** Sets a block's inlines into lines of `measure` points (the first indented by text-indent). */
export function setParagraph(inlines: Inline[], style: BlockStyle, measure: number, ctx: TypesetContext): SetLine[] {
  const segments = itemise(inlines, style, ctx);
  if (segments.every((s) => s.text.trim() === '' && s.text !== '\n')) return [];
  const justify = style.textAlign === 'justify';
  const centred = style.textAlign === 'center';
  const em = style.fontSize;
  // The first pass breaks at spaces only, so words are hyphenated only when it fails (a third of
  // the paragraphs of a release): soft hyphens count alike under `manual` and `auto`.
  const built = buildItems(segments, ctx.fonts, {
    measure,
    indent: style.textIndent,
    justify,
    hyphens: style.hyphens,
    // A centred last line gets no more room than the others: a title's lines come out balanced.
    fillStretch: centred ? 0 : fill,
  });
  let items = built.items;
  const ragged = justify ? 0 : centred ? measure : 3 * em;
  const expansion = justify ? expansionLimit : 0;
  const pass = (opts: Partial<BreakOptions>) =>
    breakLines(items, { measure, tolerance, hyphenate: false, syllables: false, raggedStretch: ragged, emergencyStretch: 0, rescue: false, expansion, ...opts });

  let breaks = fitsOnOneLine(items, measure);
  if (!breaks) {
    const first = pass({ tolerance: strictTolerance });
    if (first && (!justify || goodEnough(items, first))) breaks = first;
  }
  if (!breaks && style.hyphens === 'auto') items = hyphenateItems(built, ctx.fonts);
  breaks ??= pass({ hyphenate: true, tolerance: strictTolerance }) ?? pass({ hyphenate: true });
  // Korean words break between syllables only when spaces alone leave a line past 1.5 × normal
  // (or, ragged, a Korean word's length short: its words are long).
  const syllables = !breaks && items.some((it) => it.kind === 'penalty' && it.syllable);
  if (syllables && !justify) breaks = pass({ hyphenate: true, tolerance: raggedKeepAllTolerance });
  if (syllables) breaks ??= pass({ hyphenate: true, syllables });
  if (!breaks) {
    // Last resort: any lines at all. Emergency stretch spreads looseness over more lines; keep
    // whichever of the two leaves the loosest line tighter.
    const plain = pass({ hyphenate: true, syllables: true, tolerance: 10000, rescue: true })!;
    const spread = pass({ hyphenate: true, syllables: true, tolerance: 10000, rescue: true, emergencyStretch: em })!;
    breaks = loosest(items, spread) < loosest(items, plain) ? spread : plain;
  }
  const lines = setLines(items, breaks, style.textAlign, measure, ctx.fonts, expansion);
  return orderLines(lines, ctx.dir ?? 'ltr', style.textAlign, measure, ctx.fonts, built.text);
}

/** The common short case (titles, labels, address lines): no breaking needed. */
function fitsOnOneLine(items: Item[], measure: number): BrokenLine[] | null {
  let width = 0;
  for (let i = 0; i < items.length - 1; i++) {
    const it = items[i];
    if (it.kind === 'penalty' && it.penalty === forcedBreak) return null;
    if (it.kind !== 'penalty') width += it.width;
  }
  return width <= measure ? [{ end: items.length - 1, ratio: 0 }] : null;
}

/** Ratios of the lines that are justified (not ended by a forced break or the paragraph's end). */
function justifiedRatios(items: Item[], breaks: BrokenLine[]): number[] {
  return breaks
    .filter((b) => {
      const it = items[b.end];
      return !(it.kind === 'penalty' && it.penalty === forcedBreak);
    })
    .map((b) => b.ratio);
}

function loosest(items: Item[], breaks: BrokenLine[]): number {
  return Math.max(0, ...justifiedRatios(items, breaks).map((r) => (Number.isFinite(r) ? r : 1e9)));
}

function goodEnough(items: Item[], breaks: BrokenLine[]): boolean {
  const ratios = justifiedRatios(items, breaks);
  if (ratios.length === 0) return true;
  const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
  return Math.max(...ratios) <= firstPassMaxRatio && mean <= firstPassMeanRatio;
}
