import type { FontRegistry } from '../fonts/registry.js';
import type { LineItem, Pages } from './types.js';

/** Inter-word spacing of justified lines, as a multiple of the font's normal space. */
export interface SpacingStats {
  lines: number;
  mean: number;
  max: number;
  /** Lines whose spaces are stretched past 1.5 × normal. */
  loose: number;
  hyphenated: number;
}

/** Space ratio of a justified line (one set to its full measure), or null for other lines. */
export function spaceRatio(line: LineItem, fonts: FontRegistry): number | null {
  if (line.artifact || line.runs.length < 2 || Math.abs(line.width - line.measure) > 0.01) return null;
  const run = line.runs.find((r) => r.text.endsWith(' ')) ?? line.runs[0];
  const normal = fonts.measure(run.font, run.size, ' ');
  // The gap between two words' glyphs: the space, its stretch, and the letter-spacing after the
  // word's last glyph (expanded with it) and after the space. Justified text is taken to have
  // no letter-spacing of its own, so all of it counts (as a PDF reader measures it).
  return (normal + run.letterSpacing * (1 + (run.expansion ?? 1)) + line.spaceStretch) / normal;
}

export function spacingStats(pages: Pages, fonts: FontRegistry): SpacingStats {
  const ratios: number[] = [];
  let hyphenated = 0;
  for (const page of pages.pages) {
    for (const item of page.items) {
      if (item.kind !== 'line') continue;
      if (item.hyphenated) hyphenated++;
      const r = spaceRatio(item, fonts);
      if (r !== null) ratios.push(r);
    }
  }
  const mean = ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : 1;
  return { lines: ratios.length, mean, max: ratios.length ? Math.max(...ratios) : 1, loose: ratios.filter((r) => r > 1.5).length, hyphenated };
}
