// Visual order of a line's runs by the Unicode Bidirectional Algorithm (UAX #9). Lines are broken
// in logical order; only then is each line's content reordered for display (rule L2), so Latin
// words and numbers inside Hebrew or Arabic keep their own left-to-right order. bidi-js is a
// small, dependency-free implementation of the algorithm that is kept up to date with Unicode
// (it passes the conformance tests): resolving levels by hand would be a few hundred lines more.
import bidiModule from 'bidi-js';
import type { FontRegistry } from '../fonts/registry.js';
import type { BlockStyle } from '../document/types.js';
import type { GlyphRun } from './types.js';
import type { SetLine } from './lines.js';

export type Direction = 'ltr' | 'rtl';

// bidi-js is CommonJS whose module.exports is the factory, while its types declare an ES default
// export: under NodeNext the default import is typed as the module, but at run time it is the factory.
const bidiFactory = bidiModule as unknown as typeof bidiModule.default;
const bidi = bidiFactory();

/**
 * Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation
 * forms). One class, not an alternation of three: every paragraph's text is tested, and the
 * class is twice as fast on text that has none.
 */
const rightToLeft = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\p{Script=Hebrew}\p{Script=Arabic}]/u;

/** A piece of a run at one embedding level, with the room it had in logical order. */
interface Piece {
  run: GlyphRun;
  level: number;
  /** Space after it in logical order (a justified line's stretched glue), in points. */
  gap: number;
}

/**
 * Reorders the runs of each line of a paragraph whose base direction is `dir` for display.
 * Lines without right-to-left letters in a left-to-right paragraph are left exactly as they
 * are, so Latin-only output does not change. `text` is the paragraph's, when known.
 */
export function orderLines(lines: SetLine[], dir: Direction, align: BlockStyle['textAlign'], measure: number, fonts: FontRegistry, text?: string): SetLine[] {
  // A left-to-right paragraph without right-to-left letters (most): one test of its text.
  if (dir === 'ltr' && text !== undefined && !rightToLeft.test(text)) return lines;
  return lines.map((line) => {
    if (line.runs.length === 0) return line;
    // The pattern matches single letters, so a run holds one if the line does.
    if (dir === 'ltr' && !line.runs.some((r) => rightToLeft.test(r.text))) return line;
    const text = line.runs.map((r) => r.text).join('');
    let runs = visualRuns(line.runs, text, dir, fonts);
    // An rtl justified paragraph's last line is set flush with its start, the right edge.
    if (dir === 'rtl' && align === 'justify' && !line.justified) {
      const shift = measure - line.width - runs.reduce((m, r) => Math.min(m, r.x), Infinity);
      if (shift > 0) runs = runs.map((r) => ({ ...r, x: r.x + shift }));
    }
    return { ...line, runs };
  });
}

function visualRuns(runs: GlyphRun[], text: string, dir: Direction, fonts: FontRegistry): GlyphRun[] {
  const { levels } = bidi.getEmbeddingLevels(text, dir);
  const pieces: Piece[] = [];
  let at = 0;
  runs.forEach((run, i) => {
    const next = runs[i + 1];
    const gap = next ? next.x - (run.x + run.width) : 0;
    const split = splitByLevel(run, levels, at, fonts);
    split.forEach((p, k) => pieces.push({ ...p, gap: k === split.length - 1 ? gap : 0 }));
    at += run.text.length;
  });
  const ordered = reorder(pieces);
  // Pieces fill the room the line had, from its left end; a right-to-left piece's gap (its
  // stretched space) falls on its left, where its logical successor now is.
  let x = runs[0].x;
  return ordered.map((p) => {
    const odd = p.level % 2 === 1;
    const run: GlyphRun = { ...p.run, x: odd ? x + p.gap : x };
    if (odd) run.rtl = true;
    x += p.run.width + p.gap;
    return run;
  });
}

/** Cuts a run where the embedding level changes; widths are shared out by natural advance. */
function splitByLevel(run: GlyphRun, levels: Uint8Array, start: number, fonts: FontRegistry): Omit<Piece, 'gap'>[] {
  const cuts: { text: string; level: number }[] = [];
  for (let i = 0; i < run.text.length; i++) {
    const level = levels[start + i];
    const last = cuts[cuts.length - 1];
    if (last && last.level === level) last.text += run.text[i];
    else cuts.push({ text: run.text[i], level });
  }
  if (cuts.length === 1) return [{ run, level: cuts[0].level }];
  const natural = cuts.map((c) => fonts.measure(run.font, run.size, c.text));
  const total = natural.reduce((a, b) => a + b, 0);
  let x = run.x;
  return cuts.map((c, k) => {
    const width = total > 0 ? (run.width * natural[k]) / total : run.width / cuts.length;
    const piece = { run: { ...run, x, width, text: c.text }, level: c.level };
    x += width;
    return piece;
  });
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every sequence at or above it. */
function reorder(pieces: Piece[]): Piece[] {
  const out = pieces.slice();
  const highest = Math.max(...out.map((p) => p.level));
  const lowestOdd = Math.min(...out.map((p) => (p.level % 2 === 1 ? p.level : p.level + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length; ) {
      if (out[i].level < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < out.length && out[end].level >= level) end++;
      const reversed = out.slice(i, end).reverse();
      out.splice(i, end - i, ...reversed);
      i = end;
    }
  }
  return out;
}
