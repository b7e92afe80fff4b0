import type { Warning } from '../diagnostics.js';

/** Context of a running head or footer partial. */
export interface RunningContext {
  page: number;
  pages: number;
}

/** A template's files, loaded and compiled once and reused for every release. */
export interface Template {
  name: string;
  /** Absolute folder of the template. */
  dir: string;
  /** One-line description from `template.json`. */
  description: string;
  stylesheet: { path: string; text: string };
}

/** What the template stage produces: one XHTML document, the single source of both outputs. */
export interface RenderedRelease {
  template: Template;
  /** A complete XHTML 1.1 / EPUB 3 content document (`<html xmlns=…>`), stylesheet not inlined. */
  xhtml: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** Plain-text metadata for PDF info/XMP and the EPUB package. */
  meta: {
    title: string;
    subtitle?: string;
    issuer: string;
    /** The letterhead's name lines as the template shows them (EPUB cover); `issuer` when absent. */
    issuerLines?: string[];
    /** The label shown above the title ("Press Release", in `lang`); the EPUB cover draws it. */
    label?: string;
    date: string;
    identifier: string;
    reference?: string;
  };
  /**
   * Renders the `header` or `footer` partial for one page into an XHTML fragment (the
   * content of a `<div>`), or returns '' when the template has no such partial.
   */
  renderRunning(part: 'header' | 'footer', ctx: RunningContext): string;
  /** Local files the XHTML refers to, by the `src` written in it: absolute paths. */
  assets: Record<string, string>;
  warnings: Warning[];
}
