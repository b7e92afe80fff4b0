import type { BlockStyle } from '../document/types.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { TextMeasure } from '../fonts/measure.js';
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

type Glue = Extract<Item, { kind: 'glue' }>;
type Box = Extract<Item, { kind: 'box' }>;

/**
 * The drafts of the line being set (pieces of text in one style, or an indent): parallel arrays
 * kept between lines, written over rather than made per word. `glyphs` is what font expansion
 * scales (an indent's width for an indent), `spaces` the trailing spaces' width, which it does
 * not; `glue` is the glue ending the draft, whose adjustment moves everything after it.
 * `box` is the draft's one box when its text is that box's, maybe with a space after it.
 */
const draft = {
  count: 0,
  text: [] as string[],
  style: [] as (RunStyle | null)[],
  glue: [] as (Glue | null)[],
  box: [] as (Box | null)[],
  glyphs: new Float64Array(64),
  glyphCount: new Int32Array(64),
  spaces: new Float64Array(64),
  spaceCount: new Int32Array(64),
  width: new Float64Array(64),
  adjustment: new Float64Array(64),
};

/** Starts a draft (returning its index), making room for it in the typed arrays. */
function addDraft(text: string, style: RunStyle | null, indent: number): number {
  const i = draft.count++;
  if (i === draft.glyphs.length) {
    const grow = <T extends Float64Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(2 * a.length);
      b.set(a);
      return b;
    };
    draft.glyphs = grow(draft.glyphs);
    draft.glyphCount = grow(draft.glyphCount);
    draft.spaces = grow(draft.spaces);
    draft.spaceCount = grow(draft.spaceCount);
    draft.width = grow(draft.width);
    draft.adjustment = grow(draft.adjustment);
  }
  draft.text[i] = text;
  draft.style[i] = style;
  draft.glue[i] = null;
  draft.box[i] = null;
  draft.glyphs[i] = indent;
  return i;
}

/**
 * Turns chosen breaks into lines of runs. Widths are measured again on the final run texts so
 * that what the drawing stage shapes is exactly what was placed; justified lines get one run
 * per word (its space included) so each can be drawn at its own x.
 */
export function setLines(items: Item[], breaks: BrokenLine[], align: BlockStyle['textAlign'], measure: number, fonts: FontRegistry, expansion = 0): SetLine[] {
  const lines: SetLine[] = [];
  // Justified paragraphs keep one run per word on every line: a last line may still need to
  // shrink its spaces (as TeX's may), though it never stretches.
  const justify = align === 'justify';
  const { text, style, glue, box } = draft;
  let start = 0;
  for (const br of breaks) {
    while (start < br.end && items[start].kind !== 'box') start++;
    const endItem = items[br.end];
    const lastOrForced = endItem.kind === 'penalty' && endItem.penalty === forcedBreak;
    draft.count = 0;
    let current = -1;
    for (let j = start; j < br.end; j++) {
      const it = items[j];
      if (it.kind === 'box') {
        if (it.style === null) {
          addDraft('', null, it.width);
          current = -1;
        } else if (current >= 0 && style[current] === it.style && glue[current] === null) {
          text[current] += it.text;
          box[current] = null;
        } else {
          current = addDraft(it.text, it.style, 0);
          box[current] = it;
        }
      } else if (it.kind === 'glue' && it.style) {
        // A space belongs to its own inline: a link or underline does not run on past the word.
        if (current < 0 || style[current] !== it.style || glue[current] !== null) current = addDraft('', it.style, 0);
        text[current] += it.text;
        if (justify) glue[current] = it; // read, never changed: the glue item serves
      }
    }
    let hyphenated = false;
    if (endItem.kind === 'penalty' && endItem.hyphen) {
      const h = endItem.hyphen;
      if (current >= 0 && style[current] === h.style) {
        text[current] += h.text;
        box[current] = null;
      } else {
        addDraft(h.text, h.style, 0);
      }
      hyphenated = true;
    }
    lines.push(placeDrafts({ justify, stretch: !lastOrForced, align, measure, hyphenated, expansion }, fonts));
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

/** What measureDrafts reads of each draft, kept for the process: one object, filled per draft. */
const shapedDraft: TextMeasure = { width: 0, glyphs: 0 };

/**
 * Each draft's advance split into what font expansion scales (its glyphs, trailing spaces aside)
 * and what it does not (the trailing spaces, which are glue), each with its glyph count.
 */
function measureDrafts(fonts: FontRegistry): void {
  // A justified line's drafts are words with their space, mostly in one style: the space is
  // measured once per style.
  let spaceStyle: RunStyle | undefined;
  let space = 0;
  for (let i = 0; i < draft.count; i++) {
    const s = draft.style[i];
    if (!s) {
      draft.glyphCount[i] = 0;
      draft.spaces[i] = 0;
      draft.spaceCount[i] = 0;
      continue;
    }
    const text = draft.text[i];
    const { face, size, letterSpacing } = s;
    const all = measureDraft(fonts, draft.box[i], s, text);
    let spaceCount = 0;
    while (spaceCount < text.length && text.charCodeAt(text.length - 1 - spaceCount) === 32) spaceCount++;
    if (spaceCount > 0 && s !== spaceStyle) {
      space = fonts.measure(face, size, ' ');
      spaceStyle = s;
    }
    // A kern between a word's last letter and its space stays with the word (as it is drawn).
    const spaces = spaceCount === 0 ? 0 : spaceCount * (space + letterSpacing);
    draft.glyphs[i] = all.width + letterSpacing * all.glyphs - spaces;
    draft.glyphCount[i] = all.glyphs - spaceCount;
    draft.spaces[i] = spaces;
    draft.spaceCount[i] = spaceCount;
  }
}

/**
 * A draft's measure. A word's draft (its box, maybe with one space after: drafts hold nothing
 * else with it) is measured from the shape its box kept, with no look-up of its text.
 */
function measureDraft(fonts: FontRegistry, box: Box | null, s: RunStyle, text: string): TextMeasure {
  if (box !== null && box.shape !== null) {
    if (text.length === box.text.length) return fonts.measureShapeInto(s.face, s.size, box.shape, shapedDraft);
    if (text.length === box.text.length + 1 && text.charCodeAt(box.text.length) === 32) {
      return fonts.measureShapeInto(s.face, s.size, fonts.shapeWithSpace(s.face, box.text, box.shape), shapedDraft);
    }
  }
  return fonts.measureInto(s.face, s.size, text, shapedDraft);
}

function placeDrafts(opts: PlaceOptions, fonts: FontRegistry): SetLine {
  const { justify, stretch, align, measure, hyphenated } = opts;
  const { count, text: texts, style: styles, glue: glues, glyphs, spaces, width: widths, adjustment } = draft;
  if (count > 0) {
    const last = texts[count - 1];
    let end = last.length;
    while (end > 0 && last.charCodeAt(end - 1) === 32) end--;
    if (end < last.length) texts[count - 1] = last.slice(0, end); // the line's end drops its spaces
    glues[count - 1] = null;
  }
  measureDrafts(fonts);
  let natural = 0;
  let glyphWidths = 0;
  let glyphCount = 0;
  let spaceCount = 0;
  let stretchTotal = 0;
  let shrinkTotal = 0;
  let gaps = 0;
  let size = Infinity;
  for (let i = 0; i < count; i++) {
    natural += glyphs[i] + spaces[i];
    const g = glues[i];
    if (g !== null) {
      stretchTotal += g.stretch;
      shrinkTotal += g.shrink;
      gaps++;
    }
    const s = styles[i];
    if (!s) continue;
    glyphWidths += glyphs[i];
    glyphCount += draft.glyphCount[i];
    spaceCount += draft.spaceCount[i];
    size = Math.min(size, s.size);
  }
  let e = 1;
  let tracking = 0;
  if (justify) {
    const flex = { short: measure - natural, stretch: stretchTotal, shrink: shrinkTotal, font: opts.expansion * glyphWidths, gaps, size, mayStretch: stretch, glyphCount, spaceCount };
    const fill = fillLine(flex, opts.expansion);
    e = 1 + opts.expansion * fill.fontRatio;
    tracking = fill.tracking;
  }
  let diff = measure;
  for (let i = 0; i < count; i++) {
    // A draft's width at expansion `e` with `tracking` more letter-spacing (expanded with its glyph).
    widths[i] = styles[i] ? e * (glyphs[i] + tracking * draft.glyphCount[i]) + spaces[i] + tracking * draft.spaceCount[i] : glyphs[i];
    diff -= widths[i];
  }
  // A draft has at most one glue (`gaps` in all): its adjustment is kept by draft.
  let adjusted = 0;
  const adjust = justify && gaps > 0 && (stretch || diff < 0);
  if (adjust) {
    let total = 0;
    for (let i = 0; i < count; i++) {
      const g = glues[i];
      if (g !== null) total += diff >= 0 ? g.stretch : g.shrink;
    }
    for (let i = 0; i < count; i++) {
      const g = glues[i];
      if (g === null) continue;
      adjustment[i] = total > 0 ? (diff * (diff >= 0 ? g.stretch : g.shrink)) / total : diff / gaps;
      adjusted += adjustment[i];
    }
  }
  const width = measure - diff + adjusted;
  let x = align === 'right' ? measure - width : align === 'center' ? (measure - width) / 2 : 0;
  const runs: GlyphRun[] = [];
  let ascent = 0;
  let descent = 0;
  // A justified line has a run per word, mostly in one style: its metrics are read once.
  let metricsOf: RunStyle | undefined;
  for (let i = 0; i < count; i++) {
    const s = styles[i];
    const text = texts[i];
    if (s && text !== '') {
      const letterSpacing = s.letterSpacing + tracking;
      // The expansion (most justified lines have one) is in the literal, not added after: an
      // added property needs a backing store of its own, one per word run.
      const run: GlyphRun =
        e !== 1
          ? { x, width: widths[i], text, font: s.face, size: s.size, color: s.color, letterSpacing, underline: s.underline, expansion: e }
          : { x, width: widths[i], text, font: s.face, size: s.size, color: s.color, letterSpacing, underline: s.underline };
      if (s.link !== undefined) run.link = s.link;
      runs.push(run);
      if (s !== metricsOf) {
        const m = fonts.metrics(s.face, s.size);
        ascent = Math.max(ascent, m.ascent);
        descent = Math.max(descent, m.descent);
        metricsOf = s;
      }
    }
    x += widths[i] + (adjust && glues[i] !== null ? adjustment[i] : 0);
  }
  const spaceStretch = gaps > 0 ? adjusted / gaps : 0;
  return { runs, width, ascent, descent, hyphenated, spaceStretch, justified: justify && stretch };
}
