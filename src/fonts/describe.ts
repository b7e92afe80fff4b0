import { fontkitFont } from './measure.js';
import type { FontRegistry } from './registry.js';
import type { FontFamily } from './types.js';

/** A script and the letters that show a font really covers it (not a stray glyph or two). */
const scriptSamples: [string, number, number][] = [
  ['Latin', 0x41, 0x7a],
  ['Greek', 0x391, 0x3c9],
  ['Cyrillic', 0x410, 0x44f],
  ['Armenian', 0x531, 0x556],
  ['Hebrew', 0x5d0, 0x5ea],
  ['Arabic', 0x621, 0x64a],
  ['Devanagari', 0x905, 0x939],
  ['Thai', 0xe01, 0xe2e],
  ['Georgian', 0x10d0, 0x10f0],
  ['Kana', 0x3041, 0x30fa],
  ['Han', 0x4e00, 0x9fa5],
  ['Hangul', 0xac00, 0xd7a3],
];

/** Share of a script's sample range a family must have to be said to cover it. */
const coverageNeeded = 0.9;

/** The families of `registry` with the scripts each covers, read from the regular face's cmap. */
export function describeFonts(registry: FontRegistry): FontFamily[] {
  return registry.families.map((family) => {
    const face = family.faces.find((f) => f.style === 'normal' && f.weight === 400) ?? family.faces[0];
    if (!face) return { ...family, scripts: [] };
    const covered = new Set(fontkitFont(face).characterSet);
    const scripts = scriptSamples
      .filter(([, first, last]) => {
        let have = 0;
        let total = 0;
        for (let cp = first; cp <= last; cp++) {
          if (!/\p{L}/u.test(String.fromCodePoint(cp))) continue;
          total++;
          if (covered.has(cp)) have++;
        }
        return total > 0 && have / total >= coverageNeeded;
      })
      .map(([name]) => name);
    return { ...family, scripts };
  });
}
