// Whether a ligature or contextual lookup starting in a word could read a space set after it:
// when none can, the word and its space shape as the word does, plus what the space adds after
// the word's last glyph (word-space.ts).
import type { FontData, Subtable } from './opentype-layout.js';
import type { Face, Plan } from './simple-face.js';

/** Per plan, by glyph: 1 when a ligature or context starting at it may read a space after the word, else 0. */
const reading = new WeakMap<Plan, Map<number, number>>();

/**
 * Whether a space after the glyphs `ids` (a run the simple shaper set under `plan`) may be read
 * by a ligature or context starting at one of them. Glyphs where nothing starts read nothing.
 */
export function spaceMayBeRead(face: Face, plan: Plan, ids: readonly number[], count: number): boolean {
  let byGlyph = reading.get(plan);
  for (let i = 0; i < count; i++) {
    const starts = plan.starts.get(ids[i]);
    if (!starts) continue;
    if (!byGlyph) reading.set(plan, (byGlyph = new Map()));
    let reads = byGlyph.get(ids[i]);
    if (reads === undefined) {
      const space = face.glyphId(32);
      reads = 0;
      try {
        for (const { st } of starts) if (readsSpace(face.d, st, space)) reads = 1;
      } catch {
        reads = 1;
      }
      byGlyph.set(ids[i], reads);
    }
    if (reads === 1) return true;
  }
  return false;
}

/**
 * Whether a ligature or contextual subtable started in a word may read a space after it: a
 * ligature component, an input or lookahead coverage, glyph or class holding the space. A match
 * that reads past the word's end fails there whether nothing or a space is there, unless the
 * space can match; backtracks read only before where they start.
 */
function readsSpace(d: FontData, st: Subtable, space: number): boolean {
  const { at, type } = st;
  const format = d.u16(at);
  if (type === 4) {
    if (format !== 1) return true;
    return someRule(d, at + 4, at, (lig) => listHas(d, lig + 4, d.u16(lig + 2) - 1, space));
  }
  const context = type === 5 || type === 7;
  if (!context && type !== 6 && type !== 8) return true;
  if (format === 3) {
    const covers = (list: number, count: number) => {
      for (let k = 0; k < count; k++) if (d.coverage(d.offset(at, list + 2 * k)).has(space)) return true;
      return false;
    };
    if (context) return covers(at + 6, d.u16(at + 2));
    const inputs = at + 4 + 2 * d.u16(at + 2);
    const lookahead = inputs + 2 + 2 * d.u16(inputs);
    return covers(inputs + 2, d.u16(inputs)) || covers(lookahead + 2, d.u16(lookahead));
  }
  if (format !== 1 && format !== 2) return true;
  // Format 1 compares glyphs, format 2 classes: what the space is, where input and lookahead read.
  const inputValue = format === 1 ? space : d.classOf(d.offset(at, at + (context ? 4 : 6)), space);
  const lookaheadValue = format === 1 || context ? inputValue : d.classOf(d.offset(at, at + 8), space);
  const sets = format === 1 ? at + 4 : context ? at + 6 : at + 10;
  return someRule(d, sets, at, (rule) => {
    if (context) return listHas(d, rule + 4, d.u16(rule) - 1, inputValue);
    const input = rule + 2 + 2 * d.u16(rule);
    const lookahead = input + 2 + 2 * Math.max(0, d.u16(input) - 1);
    return listHas(d, input + 2, d.u16(input) - 1, inputValue) || listHas(d, lookahead + 2, d.u16(lookahead), lookaheadValue);
  });
}

/** Whether `count` u16 values from `at` hold `value`. */
function listHas(d: FontData, at: number, count: number, value: number): boolean {
  for (let k = 0; k < count; k++) if (d.u16(at + 2 * k) === value) return true;
  return false;
}

/** Whether a rule of any set (offsets from `base`, counted at `sets`; null ones skipped) passes `test`. */
function someRule(d: FontData, sets: number, base: number, test: (rule: number) => boolean): boolean {
  for (let s = 0, n = d.u16(sets); s < n; s++) {
    const off = d.u16(sets + 2 + 2 * s);
    if (off === 0) continue;
    const set = base + off;
    for (let r = 0, m = d.u16(set); r < m; r++) if (test(d.offset(set, set + 2 + 2 * r))) return true;
  }
  return false;
}
