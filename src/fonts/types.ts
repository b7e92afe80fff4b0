/** One font file: a face of a family at a weight and style. */
export interface FontFace {
  /** Stable key, e.g. `Tinos-700-italic`; used as the PDF font name and EPUB file name. */
  id: string;
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** Absolute path of the TTF/OTF file. */
  path: string;
}

/** A family as declared in `fonts/fonts.json`. */
export interface FontFamily {
  name: string;
  /** Generic or alias names that resolve to this family (`serif`, `Times New Roman`). */
  aliases: string[];
  faces: FontFace[];
  /** Scripts the family covers, as read from its cmap (`Latin`, `Greek`, `Hangul`, …). */
  scripts?: string[];
}
