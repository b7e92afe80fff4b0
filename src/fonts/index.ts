import { forgetFontRegistries } from './registry.js';
import { forgetOpenFaces } from './measure.js';

export { loadFontRegistry, defaultFontsJson, nearestFace, type FontRegistry } from './registry.js';
export { describeFonts } from './describe.js';
export { fontkitFont, type FontMetrics, type TextMeasure } from './measure.js';
export type { FontFace, FontFamily } from './types.js';

/** Drops every font read so far: declarations and parsed files (for `pressroom watch`). */
export function clearFontCache(): void {
  forgetFontRegistries();
  forgetOpenFaces();
}
