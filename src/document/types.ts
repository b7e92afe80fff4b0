import type { Warning } from '../diagnostics.js';

/** A CSS border edge used for rules (border-top / border-bottom). */
export interface BorderEdge {
  width: number; // pt
  style: 'solid' | 'double' | 'dotted' | 'dashed';
  color: string; // #rrggbb
}

export interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Style properties that apply to a run of text. Lengths are in points. */
export interface TextStyle {
  /** The fallback chain, most preferred first, as written in `font-family`. */
  fontFamily: string[];
  fontSize: number;
  fontWeight: number; // 100..900
  fontStyle: 'normal' | 'italic';
  color: string; // #rrggbb
  textTransform: 'none' | 'uppercase' | 'lowercase' | 'capitalize';
  letterSpacing: number;
  textDecoration: 'none' | 'underline';
}

/** Style computed for a block from the template's stylesheet (the CSS subset of the README). */
export interface BlockStyle extends TextStyle {
  /** Absolute line height in points. */
  lineHeight: number;
  textAlign: 'left' | 'right' | 'center' | 'justify';
  textIndent: number;
  margin: Box;
  padding: Box;
  borderTop?: BorderEdge;
  borderBottom?: BorderEdge;
  breakBefore: 'auto' | 'page' | 'avoid';
  breakAfter: 'auto' | 'page' | 'avoid';
  breakInside: 'auto' | 'avoid';
  widows: number;
  orphans: number;
  hyphens: 'none' | 'manual' | 'auto';
  /** Explicit width/height (images, logos), in points, when the stylesheet sets them. */
  width?: number;
  height?: number;
}

/** Logical structure roles, named as PDF standard structure types (PDF/UA). */
export type BlockRole =
  | 'Div'
  | 'Sect'
  | 'P'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'BlockQuote'
  | 'Figure';

export type Inline =
  | {
      kind: 'text';
      text: string; // white space already collapsed as CSS `white-space: normal` would
      style: TextStyle;
      /** Target of the enclosing `<a href>`, if any. */
      link?: string;
      /** `lang` of the nearest element that set one, when it differs from the document's. */
      lang?: string;
    }
  | { kind: 'break' }; // <br/>

export type Block =
  | {
      kind: 'text'; // a block whose content is inline: p, h1-h6, li's text, div with text
      role: BlockRole;
      style: BlockStyle;
      inlines: Inline[];
      /** The element's id and classes, for outline entries and debugging dumps. */
      id?: string;
      classes: string[];
      /** List marker ("1.", "•") drawn in the left margin, for list items. */
      marker?: string;
    }
  | {
      kind: 'container'; // div, section, ul/ol, li with blocks, blockquote, header, footer
      role: BlockRole;
      style: BlockStyle;
      children: Block[];
      id?: string;
      classes: string[];
    }
  | {
      kind: 'rule'; // <hr/>, drawn from its border-top (or 0.75pt solid black)
      style: BlockStyle;
      classes: string[];
    }
  | {
      kind: 'image'; // <img/> (the logo)
      role: 'Figure';
      style: BlockStyle;
      /** Absolute path of the local file. */
      path: string;
      alt: string;
      classes: string[];
    };

/** `@page` rules: size and margins, with `:first` overrides. */
export interface PageStyle {
  width: number; // pt
  height: number; // pt
  margin: Box;
  firstMargin: Box;
}

/** The typed tree of one release: what the typesetter lays out. */
export interface Document {
  lang: string;
  dir: 'ltr' | 'rtl';
  title: string;
  blocks: Block[];
  page: PageStyle;
  /** Running head and footer of a page, as blocks, or [] when the template has none. */
  running(part: 'header' | 'footer', page: number, pages: number): Block[];
  warnings: Warning[];
}
