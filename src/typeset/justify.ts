/**
 * How a justified line takes up its shortfall: word spaces (glue), font expansion (pdfTeX's hz:
 * every glyph of the line a little wider or narrower, drawn with PDF `Tz`) and, last of all,
 * letter-spacing. Knuth–Plass chose the breaks with glue and expansion sharing one ratio; that
 * sharing is kept up to spaces of 1.35 × normal. A line that is looser still (no breaks avoid
 * it) is filled in this order, each step only when the one before is used up:
 *
 *   1. glue and expansion at one ratio, up to spaces of 1.35 × normal;
 *   2. the rest of the expansion;
 *   3. a hair of letter-spacing (≤ 0.5% em), the spaces held at 1.35 × normal;
 *   4. the spaces, up to 1.5 × normal;
 *   5. letter-spacing up to 2% em, the spaces held at 1.5 × normal;
 *   6. the spaces, without limit.
 *
 * Letter-spacing (PDF `Tc`) also lands after a word's last glyph and after its space, so it
 * widens every gap between words: the spaces are held by taking that back from their glue.
 */

/** What a line has to work with, in points. */
export interface LineFlex {
  /** Measure less the natural width (negative: the line is too long). */
  short: number;
  /** The line's glue stretch and shrink (stretch is half a space each: 1.5 × normal at most). */
  stretch: number;
  shrink: number;
  /** Stretch and shrink of font expansion at its limit: limit × the glyphs' width. */
  font: number;
  /** Word spaces (glues) on the line. */
  gaps: number;
  /**
   * Glyphs that letter-spacing widens, word glyphs and trailing spaces: at expansion e, each word
   * glyph counts e (it is expanded), each space 1.
   */
  glyphCount: number;
  spaceCount: number;
  /** Smallest type size on the line, in points, for the letter-spacing limits. */
  size: number;
  /** Whether the line may stretch: a last line may only shrink. */
  mayStretch: boolean;
}

export interface LineFill {
  /** Expansion ratio in [−1, 1]: glyphs are 1 + ratio × limit wide. */
  fontRatio: number;
  /** Letter-spacing added to every glyph, in points. */
  tracking: number;
}

/** Glue ratio kept while anything else can take up the shortfall: spaces of 1.35 × normal. */
const comfortableRatio = 0.7;
/** Letter-spacing used before spaces open past 1.35 × normal, and at most, per em. */
const hairTracking = 0.005;
const maxTracking = 0.02;

export function fillLine(flex: LineFlex, limit: number): LineFill {
  const { short, stretch, shrink, font } = flex;
  const none = { fontRatio: 0, tracking: 0 };
  if (short < 0) return font > 0 ? { fontRatio: Math.max(-1, short / (shrink + font)), tracking: 0 } : none;
  if (short === 0 || !flex.mayStretch) return none;
  // A line with no spaces that expansion cannot fill (a URL piece) is left as it is.
  if (flex.gaps === 0) return font > 0 && short <= font ? { fontRatio: short / font, tracking: 0 } : none;
  if (short <= comfortableRatio * (stretch + font)) return { fontRatio: font > 0 ? short / (stretch + font) : 0, tracking: 0 };
  const fontRatio = font > 0 ? Math.min(1, (short - comfortableRatio * stretch) / font) : 0;
  const rest = short - font * fontRatio;
  if (rest <= comfortableRatio * stretch) return { fontRatio, tracking: 0 };
  // Tracking t fills t × glyphs but widens each gap by t × (e + 1), which the glue gives back:
  // t × glyphs + (glue − gaps × t × (e + 1)) = rest.
  const e = 1 + limit * fontRatio;
  const room = e * flex.glyphCount + flex.spaceCount - flex.gaps * (e + 1);
  if (room <= 0) return { fontRatio, tracking: 0 };
  const hair = hairTracking * flex.size;
  const held = (glue: number) => (rest - glue) / room;
  if (held(comfortableRatio * stretch) <= hair) return { fontRatio, tracking: held(comfortableRatio * stretch) };
  if (rest - hair * room <= stretch) return { fontRatio, tracking: hair };
  return { fontRatio, tracking: Math.min(held(stretch), maxTracking * flex.size) };
}
