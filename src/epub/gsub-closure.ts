// The glyphs a font's substitutions can put in place of a set of glyphs: a subset that keeps the
// font's GSUB must keep those glyphs' outlines too, or a reader applying a feature (a language's
// `locl`, `liga`, discretionary ligatures, alternates, vertical forms) would draw nothing.
// Every lookup is taken as able to act, whatever its feature and context, so the set may be a
// little larger than a shaper could reach, never smaller.
import { FontData, forEachCoverage } from '../fonts/opentype-layout.js';

/** What the substitutions of a face can produce, from the glyphs they start at. */
export interface Substitutions {
  /** Glyph → glyphs a single, multiple, alternate or reverse-chaining substitution may put in its place. */
  replacements: Map<number, number[]>;
  /** First component → ligatures formed from it (the other components and the ligature glyph). */
  ligatures: Map<number, { rest: number[]; glyph: number }[]>;
}

const EXTENSION = 7;

/**
 * Reads every substitution of the GSUB table at `gsub` (absolute offset in `bytes`); glyph ids
 * at or above `numGlyphs` are left out. Throws on a table it cannot read.
 */
export function readSubstitutions(bytes: Uint8Array, gsub: number, numGlyphs: number): Substitutions {
  const d = new FontData(bytes);
  const replacements = new Map<number, number[]>();
  const ligatures = new Map<number, { rest: number[]; glyph: number }[]>();
  const replace = (from: number, to: number) => {
    if (from >= numGlyphs || to >= numGlyphs) return;
    const list = replacements.get(from);
    if (!list) replacements.set(from, [to]);
    else list.push(to);
  };
  const major = d.u16(gsub);
  if (major !== 1) throw new Error(`GSUB version ${major}`);
  const list = gsub + d.u16(gsub + 8);
  if (list === gsub) return { replacements, ligatures };
  for (let l = 0, lookups = d.u16(list); l < lookups; l++) {
    const lookup = d.offset(list, list + 2 + 2 * l);
    const lookupType = d.u16(lookup);
    for (let s = 0, n = d.u16(lookup + 4); s < n; s++) {
      let at = d.offset(lookup, lookup + 6 + 2 * s);
      let type = lookupType;
      if (type === EXTENSION) {
        type = d.u16(at + 2);
        at += d.u32(at + 4);
        if (type === EXTENSION) throw new Error('extension of an extension');
      }
      const format = d.u16(at);
      const coverage = () => d.offset(at, at + 2);
      switch (type) {
        case 1:
          if (format === 1) {
            const delta = d.u16(at + 4);
            forEachCoverage(d, coverage(), (g) => replace(g, (g + delta) & 0xffff));
          } else if (format === 2) {
            const count = d.u16(at + 4);
            forEachCoverage(d, coverage(), (g, i) => {
              if (i < count) replace(g, d.u16(at + 6 + 2 * i));
            });
          } else {
            throw new Error(`single substitution format ${format}`);
          }
          break;
        case 2: // multiple: a sequence of glyphs
        case 3: {
          // alternate: one of a set of glyphs
          if (format !== 1) throw new Error(`GSUB type ${type} format ${format}`);
          const count = d.u16(at + 4);
          forEachCoverage(d, coverage(), (g, i) => {
            if (i >= count) return;
            const set = d.offset(at, at + 6 + 2 * i);
            for (let k = 0, m = d.u16(set); k < m; k++) replace(g, d.u16(set + 2 + 2 * k));
          });
          break;
        }
        case 4: {
          if (format !== 1) throw new Error(`ligature substitution format ${format}`);
          const count = d.u16(at + 4);
          forEachCoverage(d, coverage(), (first, i) => {
            if (i >= count || first >= numGlyphs) return;
            const set = d.offset(at, at + 6 + 2 * i);
            for (let k = 0, m = d.u16(set); k < m; k++) {
              const lig = d.offset(set, set + 2 + 2 * k);
              const glyph = d.u16(lig);
              const rest: number[] = [];
              for (let c = 1, components = d.u16(lig + 2); c < components; c++) rest.push(d.u16(lig + 4 + 2 * (c - 1)));
              if (glyph >= numGlyphs || rest.some((g) => g >= numGlyphs)) continue;
              let forFirst = ligatures.get(first);
              if (!forFirst) ligatures.set(first, (forFirst = []));
              forFirst.push({ rest, glyph });
            }
          });
          break;
        }
        case 5:
        case 6:
          // Contexts only call lookups of this same list, which are all read here.
          break;
        case 8: {
          if (format !== 1) throw new Error(`reverse chaining substitution format ${format}`);
          let p = at + 4;
          p += 2 + 2 * d.u16(p); // backtrack coverages
          p += 2 + 2 * d.u16(p); // lookahead coverages
          const count = d.u16(p);
          forEachCoverage(d, coverage(), (g, i) => {
            if (i < count) replace(g, d.u16(p + 2 + 2 * i));
          });
          break;
        }
        default:
          throw new Error(`GSUB lookup type ${type}`);
      }
    }
  }
  return { replacements, ligatures };
}

/** Adds to `glyphs` every glyph the substitutions can reach from them, until none is new. */
export function closeOverSubstitutions(glyphs: Set<number>, subs: Substitutions): void {
  let queue = [...glyphs];
  while (queue.length) {
    while (queue.length) {
      const g = queue.pop()!;
      for (const to of subs.replacements.get(g) ?? []) {
        if (!glyphs.has(to)) {
          glyphs.add(to);
          queue.push(to);
        }
      }
    }
    // A ligature needs all its components: look again after each round of replacements.
    for (const g of glyphs) {
      for (const { rest, glyph } of subs.ligatures.get(g) ?? []) {
        if (!glyphs.has(glyph) && rest.every((c) => glyphs.has(c))) queue.push(glyph);
      }
    }
    for (const g of queue) glyphs.add(g);
  }
}
