export { loadFontRegistry, defaultFontsJson, nearestFace, type FontRegistry } from './registry.js';
export { describeFonts } from './describe.js';
export { fontkitFont, type FontMetrics, type TextMeasure } from './measure.js';
export type { FontFace, FontFamily } from './types.js';
