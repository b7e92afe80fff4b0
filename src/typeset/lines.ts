import type { BlockStyle } from '../document/types.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { GlyphRun } from './types.js';
import { forcedBreak, type Item } from './items.js';
import type { RunStyle } from './itemise.js';
import type { BrokenLine } from './knuth-plass.js';

/** A line set in its measure: run x positions are relative to the measure's left edge. */
export interface SetLine {
  runs: GlyphRun[];
  width: number;
  ascent: number;
  descent: number;
  hyphenated: boolean;
  spaceStretch: number;
  /** Whether the line was justified to the full measure (not a last line or one ended by `<br>`). */
  justified: boolean;
}

/** Most letter-spacing added to a line whose spaces would otherwise pass 1.5 × normal, per em. */
const maxTracking = 0.02;

interface Draft {
  text: string;
  style: RunStyle | null;
  /** Glue ending the draft, whose adjustment moves everything after it. */
  glue?: { stretch: number; shrink: number };
  indent?: number;
}

/**
 * Turns chosen breaks into lines of runs. Widths are measured again on the final run texts so
 * that what the drawing stage shapes is exactly what was placed; justified lines get one run
 * per word (its space included) so each can be drawn at its own x.
 */
export function setLines(items: Item[], breaks: BrokenLine[], align: BlockStyle['textAlign'], measure: number, fonts: FontRegistry): SetLine[] {
  const lines: SetLine[] = [];
  let start = 0;
  for (const br of breaks) {
    while (start < br.end && items[start].kind !== 'box') start++;
    const endItem = items[br.end];
    const lastOrForced = endItem.kind === 'penalty' && endItem.penalty === forcedBreak;
    // Justified paragraphs keep one run per word on every line: a last line may still need to
    // shrink its spaces (as TeX's may), though it never stretches.
    const justify = align === 'justify';
    const drafts: Draft[] = [];
    let current: Draft | undefined;
    for (let j = start; j < br.end; j++) {
      const it = items[j];
      if (it.kind === 'box') {
        if (it.style === null) {
          drafts.push({ text: '', style: null, indent: it.width });
          current = undefined;
        } else if (current && current.style === it.style && !current.glue) {
          current.text += it.text;
        } else {
          current = { text: it.text, style: it.style };
          drafts.push(current);
        }
      } else if (it.kind === 'glue' && it.style) {
        // A space belongs to its own inline: a link or underline does not run on past the word.
        if (!current || current.style !== it.style || current.glue) {
          current = { text: '', style: it.style };
          drafts.push(current);
        }
        current.text += it.text;
        if (justify) current.glue = { stretch: it.stretch, shrink: it.shrink };
      }
    }
    let hyphenated = false;
    if (endItem.kind === 'penalty' && endItem.hyphen) {
      const h = endItem.hyphen;
      if (current && current.style === h.style) current.text += h.text;
      else drafts.push({ text: h.text, style: h.style });
      hyphenated = true;
    }
    lines.push(placeDrafts(drafts, justify, !lastOrForced, align, measure, hyphenated, fonts));
    start = br.end + 1;
  }
  return lines;
}

function placeDrafts(drafts: Draft[], justify: boolean, stretch: boolean, align: BlockStyle['textAlign'], measure: number, hyphenated: boolean, fonts: FontRegistry): SetLine {
  const last = drafts[drafts.length - 1];
  if (last) {
    last.text = last.text.replace(/ +$/, '');
    last.glue = undefined;
  }
  const tracking = drafts.map(() => 0);
  const measureDraft = (d: Draft, i: number) => {
    if (!d.style) return d.indent ?? 0;
    const m = fonts.measureGlyphs(d.style.face, d.style.size, d.text);
    return m.width + (d.style.letterSpacing + tracking[i]) * m.glyphs;
  };
  let widths = drafts.map(measureDraft);
  let natural = widths.reduce((a, b) => a + b, 0);
  const glues = drafts.filter((d) => d.glue).map((d) => d.glue!);
  let diff = measure - natural;
  if (justify && stretch && glues.length > 0) {
    // Spaces past 1.5 × normal open holes: give the excess to letter-spacing first, a little.
    const stretchable = glues.reduce((s, g) => s + g.stretch, 0);
    const excess = diff - stretchable;
    if (excess > 0) {
      const glyphs = drafts.map((d) => (d.style ? fonts.measureGlyphs(d.style.face, d.style.size, d.text).glyphs : 0));
      const count = glyphs.reduce((a, b) => a + b, 0);
      drafts.forEach((d, i) => {
        if (d.style && count > 0) tracking[i] = Math.min(excess / count, maxTracking * d.style.size);
      });
      widths = drafts.map(measureDraft);
      natural = widths.reduce((a, b) => a + b, 0);
      diff = measure - natural;
    }
  }
  const adjustments = new Map<Draft['glue'], number>();
  if (justify && glues.length > 0 && (stretch || diff < 0)) {
    const total = glues.reduce((s, g) => s + (diff >= 0 ? g.stretch : g.shrink), 0);
    for (const g of glues) adjustments.set(g, total > 0 ? (diff * (diff >= 0 ? g.stretch : g.shrink)) / total : diff / glues.length);
  }
  const stretchTotal = [...adjustments.values()].reduce((a, b) => a + b, 0);
  const width = natural + stretchTotal;
  let x = align === 'right' ? measure - width : align === 'center' ? (measure - width) / 2 : 0;
  const runs: GlyphRun[] = [];
  let ascent = 0;
  let descent = 0;
  drafts.forEach((d, i) => {
    if (d.style && d.text !== '') {
      const s = d.style;
      const run: GlyphRun = { x, width: widths[i], text: d.text, font: s.face, size: s.size, color: s.color, letterSpacing: s.letterSpacing + tracking[i], underline: s.underline };
      if (s.link !== undefined) run.link = s.link;
      runs.push(run);
      const m = fonts.metrics(s.face, s.size);
      ascent = Math.max(ascent, m.ascent);
      descent = Math.max(descent, m.descent);
    }
    x += widths[i] + (d.glue ? adjustments.get(d.glue) ?? 0 : 0);
  });
  const spaceStretch = glues.length > 0 ? stretchTotal / glues.length : 0;
  return { runs, width, ascent, descent, hyphenated, spaceStretch, justified: justify && stretch };
}
