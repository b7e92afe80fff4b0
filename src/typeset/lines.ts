import type { BlockStyle } from '../document/types.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { GlyphRun } from './types.js';
import { forcedBreak, type Item } from './items.js';
import type { RunStyle } from './itemise.js';
import { fillLine } from './justify.js';
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

/** Font expansion limit of justified lines: glyphs up to 2% wider or narrower (microtype's default). */
export const expansionLimit = 0.02;

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
export function setLines(items: Item[], breaks: BrokenLine[], align: BlockStyle['textAlign'], measure: number, fonts: FontRegistry, expansion = 0): SetLine[] {
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
        if (justify) current.glue = it; // read, never changed: the glue item serves
      }
    }
    let hyphenated = false;
    if (endItem.kind === 'penalty' && endItem.hyphen) {
      const h = endItem.hyphen;
      if (current && current.style === h.style) current.text += h.text;
      else drafts.push({ text: h.text, style: h.style });
      hyphenated = true;
    }
    lines.push(placeDrafts(drafts, { justify, stretch: !lastOrForced, align, measure, hyphenated, expansion }, fonts));
    start = br.end + 1;
  }
  return lines;
}

interface PlaceOptions {
  justify: boolean;
  /** Whether the line may stretch (not a last line): any justified line may shrink. */
  stretch: boolean;
  align: BlockStyle['textAlign'];
  measure: number;
  hyphenated: boolean;
  /** Font expansion limit (0 for none). */
  expansion: number;
}

/**
 * A draft's advance split into what font expansion scales (its glyphs, trailing spaces aside)
 * and what it does not (the trailing spaces, which are glue), each with its glyph count.
 */
interface DraftWidth {
  glyphs: number;
  glyphCount: number;
  spaces: number;
  spaceCount: number;
}

function measureDrafts(drafts: Draft[], fonts: FontRegistry): DraftWidth[] {
  // A justified line's drafts are words with their space, mostly in one style: the space is
  // measured once per style.
  let spaceStyle: RunStyle | undefined;
  let space = 0;
  return drafts.map((d) => {
    if (!d.style) return { glyphs: d.indent ?? 0, glyphCount: 0, spaces: 0, spaceCount: 0 };
    const { face, size, letterSpacing } = d.style;
    const all = fonts.measureGlyphs(face, size, d.text);
    let spaceCount = 0;
    while (spaceCount < d.text.length && d.text.charCodeAt(d.text.length - 1 - spaceCount) === 32) spaceCount++;
    if (spaceCount > 0 && d.style !== spaceStyle) {
      space = fonts.measure(face, size, ' ');
      spaceStyle = d.style;
    }
    // A kern between a word's last letter and its space stays with the word (as it is drawn).
    const spaces = spaceCount === 0 ? 0 : spaceCount * (space + letterSpacing);
    return { glyphs: all.width + letterSpacing * all.glyphs - spaces, glyphCount: all.glyphs - spaceCount, spaces, spaceCount };
  });
}

/** A draft's width at expansion `e` with `tracking` more letter-spacing (expanded with its glyph). */
const drawnWidth = (w: DraftWidth, e: number, tracking: number) =>
  e * (w.glyphs + tracking * w.glyphCount) + w.spaces + tracking * w.spaceCount;

function placeDrafts(drafts: Draft[], opts: PlaceOptions, fonts: FontRegistry): SetLine {
  const { justify, stretch, align, measure, hyphenated } = opts;
  const last = drafts[drafts.length - 1];
  if (last) {
    let end = last.text.length;
    while (end > 0 && last.text.charCodeAt(end - 1) === 32) end--;
    if (end < last.text.length) last.text = last.text.slice(0, end); // the line's end drops its spaces
    last.glue = undefined;
  }
  const measured = measureDrafts(drafts, fonts);
  let natural = 0;
  let glyphWidths = 0;
  let glyphCount = 0;
  let spaceCount = 0;
  let stretchTotal = 0;
  let shrinkTotal = 0;
  let gaps = 0;
  let size = Infinity;
  drafts.forEach((d, i) => {
    const w = measured[i];
    natural += w.glyphs + w.spaces;
    if (d.glue) {
      stretchTotal += d.glue.stretch;
      shrinkTotal += d.glue.shrink;
      gaps++;
    }
    if (!d.style) return;
    glyphWidths += w.glyphs;
    glyphCount += w.glyphCount;
    spaceCount += w.spaceCount;
    size = Math.min(size, d.style.size);
  });
  let e = 1;
  let tracking = 0;
  if (justify) {
    const trackedGlyphs = (f: number) => f * glyphCount + spaceCount;
    const flex = { short: measure - natural, stretch: stretchTotal, shrink: shrinkTotal, font: opts.expansion * glyphWidths, gaps, size, mayStretch: stretch, trackedGlyphs };
    const fill = fillLine(flex, opts.expansion);
    e = 1 + opts.expansion * fill.fontRatio;
    tracking = fill.tracking;
  }
  const widths = measured.map((w, i) => (drafts[i].style ? drawnWidth(w, e, tracking) : w.glyphs));
  let diff = measure;
  for (const w of widths) diff -= w;
  // A draft has at most one glue (`gaps` in all): its adjustment is kept by draft.
  const adjustments: (number | undefined)[] = [];
  let adjusted = 0;
  if (justify && gaps > 0 && (stretch || diff < 0)) {
    let total = 0;
    for (const d of drafts) if (d.glue) total += diff >= 0 ? d.glue.stretch : d.glue.shrink;
    drafts.forEach((d, i) => {
      if (!d.glue) return;
      const g = d.glue;
      adjustments[i] = total > 0 ? (diff * (diff >= 0 ? g.stretch : g.shrink)) / total : diff / gaps;
      adjusted += adjustments[i]!;
    });
  }
  const width = measure - diff + adjusted;
  let x = align === 'right' ? measure - width : align === 'center' ? (measure - width) / 2 : 0;
  const runs: GlyphRun[] = [];
  let ascent = 0;
  let descent = 0;
  // A justified line has a run per word, mostly in one style: its metrics are read once.
  let metricsOf: RunStyle | undefined;
  drafts.forEach((d, i) => {
    if (d.style && d.text !== '') {
      const s = d.style;
      const letterSpacing = s.letterSpacing + tracking;
      // The expansion (most justified lines have one) is in the literal, not added after: an
      // added property needs a backing store of its own, one per word run.
      const run: GlyphRun =
        e !== 1
          ? { x, width: widths[i], text: d.text, font: s.face, size: s.size, color: s.color, letterSpacing, underline: s.underline, expansion: e }
          : { x, width: widths[i], text: d.text, font: s.face, size: s.size, color: s.color, letterSpacing, underline: s.underline };
      if (s.link !== undefined) run.link = s.link;
      runs.push(run);
      if (s !== metricsOf) {
        const m = fonts.metrics(s.face, s.size);
        ascent = Math.max(ascent, m.ascent);
        descent = Math.max(descent, m.descent);
        metricsOf = s;
      }
    }
    x += widths[i] + (d.glue ? adjustments[i] ?? 0 : 0);
  });
  const spaceStretch = gaps > 0 ? adjusted / gaps : 0;
  return { runs, width, ascent, descent, hyphenated, spaceStretch, justified: justify && stretch };
}
