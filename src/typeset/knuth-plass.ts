import { forcedBreak, type Item } from './items.js';

export interface BreakOptions {
  measure: number;
  /** Largest badness accepted for a line (100 ≈ spaces stretched by their whole stretchability). */
  tolerance: number;
  /** Whether automatic hyphenation points are breaks in this pass. */
  hyphenate: boolean;
  /** Whether breaks between Hangul syllables inside a word are breaks in this pass. */
  syllables: boolean;
  /** Stretch every line end has besides its glue: what makes ragged setting work. */
  raggedStretch: number;
  /** Extra stretch counted for badness only (TeX's \emergencystretch), for the last pass. */
  emergencyStretch: number;
  /** Never fail: when no feasible break remains, accept an awful one (TeX's final pass). */
  rescue: boolean;
  /**
   * Font expansion limit (pdfTeX's hz), e.g. 0.02 for ±2%: each box on a line adds this share of
   * its width to the line's stretch and shrink, used at the same ratio as the glue's.
   */
  expansion: number;
}

/** Demerits of the paragraph's shape (TeX's \linepenalty, \doublehyphendemerits, \adjdemerits, \finalhyphendemerits). */
export const shape = {
  linePenalty: 10,
  flaggedDemerits: 3000,
  fitnessDemerits: 3000,
  finalHyphenDemerits: 5000,
};
const maxHyphenatedLines = 2;
const infiniteBadness = 10000;

/** One line of a chosen break sequence: it ends at item `end`, set at adjustment `ratio` (stretch or shrink used / available). */
export interface BrokenLine {
  end: number;
  ratio: number;
}

interface Node {
  pos: number;
  fitness: number;
  hyphens: number;
  width: number;
  stretch: number;
  shrink: number;
  /** Width of the text boxes before the line (what font expansion scales). */
  boxes: number;
  demerits: number;
  ratio: number;
  prev: Node | null;
}

export function badness(ratio: number): number {
  const r = Math.abs(ratio);
  const b = 100 * r * r * r;
  return b > infiniteBadness ? infiniteBadness : b;
}

/**
 * Adjustment ratio of a line `short` points short of the measure (negative: too long). Glue and
 * font expansion share one ratio up to the expansion's limit; past it only the glue stretches,
 * so the ratio is the glue's alone and keeps saying how wide the spaces are (1 + ratio / 2).
 */
function adjustmentRatio(short: number, glueStretch: number, glueShrink: number, font: number): number {
  if (short > 0) {
    const total = glueStretch + font;
    if (short <= total) return short / total;
    return glueStretch > 0 ? (short - font) / glueStretch : Infinity;
  }
  if (short < 0) {
    const total = glueShrink + font;
    return total > 0 ? short / total : -Infinity;
  }
  return 0;
}

function fitnessClass(ratio: number): number {
  if (ratio < -0.5) return 0;
  if (ratio <= 0.5) return 1;
  if (ratio <= 1) return 2;
  return 3;
}

const WIDTH = 0;
const STRETCH = 1;
const SHRINK = 2;
const BOXES = 3;
/** breakLines' running sums, kept for the process (it never runs inside itself). */
const running = new Float64Array(4);

/**
 * Knuth–Plass total-fit line breaking: the breaks that minimise the paragraph's total demerits,
 * or null when no sequence of lines stays within the tolerance.
 */
export function breakLines(items: Item[], opts: BreakOptions): BrokenLine[] | null {
  // The active nodes are active[0, activeCount): two arrays take turns, written over rather
  // than made or emptied at each of the paragraph's hundreds of breaks.
  let active: Node[] = [{ pos: -1, fitness: 1, hyphens: 0, width: 0, stretch: 0, shrink: 0, boxes: 0, demerits: 0, ratio: 0, prev: null }];
  let activeCount = 1;
  let spare: Node[] = [];
  // The running sums (width, stretch, shrink, boxes) in a typed array: as variables that
  // tryBreak reads, each change made a heap number, one per item and sum.
  const sums = running;
  sums.fill(0);
  const best: (Node | undefined)[] = new Array(4 * (maxHyphenatedLines + 1)).fill(undefined);

  const tryBreak = (i: number) => {
    const width = sums[WIDTH];
    const stretch = sums[STRETCH];
    const shrink = sums[SHRINK];
    const boxes = sums[BOXES];
    const item = items[i];
    const penalty = item.kind === 'penalty' ? item.penalty : 0;
    const flagged = item.kind === 'penalty' && item.flagged;
    const forced = penalty === forcedBreak;
    const extraWidth = item.kind === 'penalty' ? item.width : 0;
    let bestCount = 0;
    const survivors = spare;
    let survivorCount = 0;
    let dropped: Node | undefined;
    for (let k = 0; k < activeCount; k++) {
      const a = active[k];
      const length = width - a.width + extraWidth;
      const glueStretch = stretch - a.stretch + opts.raggedStretch;
      const lineShrink = shrink - a.shrink;
      const font = opts.expansion * (boxes - a.boxes + extraWidth);
      const ratio = adjustmentRatio(opts.measure - length, glueStretch + opts.emergencyStretch, lineShrink, font);
      if (ratio < -1) {
        if (!dropped || a.demerits < dropped.demerits) dropped = a;
        continue;
      }
      if (!forced) survivors[survivorCount++] = a;
      const bad = badness(ratio);
      if (bad > opts.tolerance) continue;
      if (flagged && a.hyphens >= maxHyphenatedLines) continue;
      let demerits = (shape.linePenalty + bad) ** 2;
      if (penalty > 0) demerits += penalty ** 2;
      else if (penalty > forcedBreak) demerits -= penalty ** 2;
      if (flagged && a.hyphens > 0) demerits += shape.flaggedDemerits;
      if (forced && a.hyphens > 0) demerits += shape.finalHyphenDemerits;
      const fitness = fitnessClass(ratio);
      if (Math.abs(fitness - a.fitness) > 1) demerits += shape.fitnessDemerits;
      const hyphens = flagged ? a.hyphens + 1 : 0;
      const key = fitness * (maxHyphenatedLines + 1) + hyphens;
      const total = a.demerits + demerits;
      if (!best[key]) bestCount++;
      if (!best[key] || total < best[key]!.demerits) {
        // The ratio reported is the real one: emergency stretch only eases the badness.
        const real = opts.emergencyStretch > 0 ? adjustmentRatio(opts.measure - length, glueStretch, lineShrink, font) : ratio;
        best[key] = { pos: i, fitness, hyphens, width: 0, stretch: 0, shrink: 0, boxes: 0, demerits: total, ratio: real, prev: a };
      }
    }
    spare = active;
    active = survivors;
    activeCount = survivorCount;
    if (bestCount === 0 && activeCount === 0 && opts.rescue && dropped) {
      // The only node of this break: alone in the (empty) slots.
      best[0] = { pos: i, fitness: 1, hyphens: 0, width: 0, stretch: 0, shrink: 0, boxes: 0, demerits: dropped.demerits + infiniteBadness ** 2, ratio: -1, prev: dropped };
      bestCount = 1;
    }
    if (bestCount === 0) return;
    // The next line starts after the glue and penalties that vanish at a break.
    let w = width;
    let y = stretch;
    let z = shrink;
    for (let j = i; j < items.length; j++) {
      const it = items[j];
      if (it.kind === 'box' || (j > i && it.kind === 'penalty' && it.penalty === forcedBreak)) break;
      if (it.kind === 'glue') {
        w += it.width;
        y += it.stretch;
        z += it.shrink;
      }
    }
    // The best node of each fitness class and hyphen count, in that order; the slots are
    // emptied for the next break.
    for (let k = 0; bestCount > 0 && k < best.length; k++) {
      const n = best[k];
      if (n === undefined) continue;
      n.width = w;
      n.stretch = y;
      n.shrink = z;
      n.boxes = boxes;
      active[activeCount++] = n;
      best[k] = undefined;
      bestCount--;
    }
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind === 'box') {
      sums[WIDTH] += item.width;
      if (item.style) sums[BOXES] += item.width;
    } else if (item.kind === 'glue') {
      if (i > 0 && items[i - 1].kind === 'box') tryBreak(i);
      sums[WIDTH] += item.width;
      sums[STRETCH] += item.stretch;
      sums[SHRINK] += item.shrink;
    } else if (item.penalty !== Infinity && (opts.hyphenate || !item.auto) && (opts.syllables || !item.syllable)) {
      tryBreak(i);
    }
    if (activeCount === 0) return null;
  }

  let winner: Node | undefined;
  for (let k = 0; k < activeCount; k++) {
    const n = active[k];
    if (n.pos === items.length - 1 && (!winner || n.demerits < winner.demerits)) winner = n;
  }
  if (!winner) return null;
  const lines: BrokenLine[] = [];
  for (let n: Node | null = winner; n && n.prev; n = n.prev) lines.push({ end: n.pos, ratio: n.ratio });
  return lines.reverse();
}
