// A line's chunk `word ` measured from the chunk `word`, which the typesetter measured alone
// just before: shaping every word a second time with its space was half the shaping of a
// release started cold (from the snapshot, where every function first runs interpreted).
import type { Font } from 'fontkit';
import { positionedAdvance } from './positioning.js';
import { faceOf, simpleAdvanceOf, type SimpleAdvance } from './simple-shaper.js';
import type { Face } from './simple-face.js';

/** What a space adds after a run, by SimpleAdvance.spaced key, per face (null: shape it). */
const tails = new WeakMap<Face, Map<number, number | null>>();

/**
 * `simpleAdvance(font, text + ' ')` from `run = simpleAdvance(font, text)`, or undefined when it
 * must be shaped. `run.spaced` says no ligature or context starting in the run can read a space
 * (space-reads.ts); when the space starts no lookup either (no trigger) and no positioning
 * lookup skips base glyphs or ligatures, the space changes only what the pair adjustments do
 * at the run's last glyph, and adds its own advance: the same as after that glyph alone, so
 * one two-glyph run per script and last glyph answers for every word ending in it.
 */
export function advanceWithSpace(font: Font, run: SimpleAdvance): SimpleAdvance | undefined {
  if (run.spaced === undefined) return undefined;
  const face = faceOf(font);
  if (!face) return undefined;
  let known = tails.get(face);
  if (!known) tails.set(face, (known = new Map()));
  let tail = known.get(run.spaced);
  if (tail === undefined) {
    try {
      tail = spaceTail(face, Math.floor(run.spaced / 65536), run.spaced % 65536);
    } catch {
      tail = null;
    }
    known.set(run.spaced, tail);
  }
  if (tail === null) return undefined;
  // As shaping the whole chunk would, make the space's glyph object (its ToUnicode entry) now.
  face.glyph(face.glyphId(32), 32);
  return simpleAdvanceOf(run.advance + tail, run.glyphs + 1);
}

function spaceTail(face: Face, script: number, last: number): number | null {
  const space = face.glyphId(32);
  if (space <= 0 || space >= face.numGlyphs || face.glyphClass(space) === 3) return null;
  const plan = face.plan(script);
  if (!plan || plan.triggers[space] !== 0) return null;
  for (const lookup of plan.gpos) if (lookup.flags & 0x6) return null;
  return positionedAdvance(face, plan, [last, space]) - positionedAdvance(face, plan, [last]);
}
