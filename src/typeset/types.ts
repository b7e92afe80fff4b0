import type { Warning } from '../diagnostics.js';
import type { BlockRole, BorderEdge } from '../document/types.js';
import type { FontFace } from '../fonts/types.js';

/**
 * A piece of a line set in one face, size and colour. Drawn at (x, line.y) exactly as it is:
 * the typesetter has already decided every position, drawing adds no spacing of its own.
 * `text` may end in a space so that extracted text keeps its word spaces.
 */
export interface GlyphRun {
  x: number;
  /** Advance width of `text` as measured by the typesetter, in points. */
  width: number;
  text: string;
  font: FontFace;
  size: number;
  color: string;
  letterSpacing: number;
  /**
   * Font expansion (pdfTeX's hz) of a justified line's runs: the glyphs, with the letter-spacing
   * after each, are drawn this much wider (PDF `Tz`); trailing word spaces are not. `width`
   * already includes it. Absent means 1.
   */
  expansion?: number;
  underline: boolean;
  /** Link target: the drawing stage makes a live link annotation over the run. */
  link?: string;
  /**
   * Set right to left (an odd bidi level): `text` stays in logical order, its glyphs are drawn
   * from the right. Absent means left to right.
   */
  rtl?: boolean;
}

/** Marks content that is not part of the release's text (running heads, footers, marks). */
export type Artifact = 'header' | 'footer' | 'layout';

/** Coordinates are points from the top-left corner of the page; y grows downwards. */
export interface LineItem {
  kind: 'line';
  x: number;
  /** Baseline. */
  y: number;
  /** The measure the line was set in, and the width of its content. */
  measure: number;
  width: number;
  ascent: number;
  descent: number;
  runs: GlyphRun[];
  /** Index into `Pages.structure` of the block the line belongs to. */
  struct: number;
  hyphenated: boolean;
  /** Justified lines: the stretch applied to each inter-word space, in points (0 when none). */
  spaceStretch: number;
  artifact?: Artifact;
}

export interface RuleItem {
  kind: 'rule';
  x: number;
  /** Centre of the stroke. */
  y: number;
  width: number;
  edge: BorderEdge;
  artifact?: Artifact;
}

export interface ImageItem {
  kind: 'image';
  x: number;
  y: number; // top
  width: number;
  height: number;
  path: string;
  alt: string;
  struct: number;
  /** Set for images in running heads and footers (a logo in the letterhead of every page). */
  artifact?: Artifact;
}

export type PageItem = LineItem | RuleItem | ImageItem;

export interface Page {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PageItem[];
}

/** A node of the logical structure: what becomes the PDF structure tree. */
export interface StructNode {
  id: number;
  role: BlockRole | 'Document';
  parent: number | null;
  /** Alternative text for figures. */
  alt?: string;
  lang?: string;
}

export interface OutlineEntry {
  title: string;
  level: number; // 1 = title
  page: number;
  y: number;
}

/** The typeset release: pure data, everything the drawing stage needs and nothing more. */
export interface Pages {
  lang: string;
  title: string;
  pages: Page[];
  structure: StructNode[];
  outline: OutlineEntry[];
  /** Every face a run uses, in first-use order (the drawing stage embeds exactly these). */
  fonts: FontFace[];
  warnings: Warning[];
}
