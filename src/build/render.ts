import { PressroomError, type Warning } from '../diagnostics.js';
import type { LoadedRelease } from '../release/types.js';
import { toReleaseView } from '../markup/index.js';
import { loadTemplate, renderRelease, resolveTemplateDir, type RenderedRelease } from '../template/index.js';
import { buildDocument } from '../document/index.js';
import { loadFontRegistry } from '../fonts/index.js';
import { typeset } from '../typeset/index.js';
import type { Pages } from '../typeset/types.js';
import { drawPdf } from '../pdf/index.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { checkPageRoom, leastPages, tooManyPages } from './layout.js';
import { renderEpub } from '../epub/index.js';

/** Choices that shape the outputs of one release. */
export interface RenderOptions {
  /** Template name or path; wins over the release's own `template` field. Default `embassy`. */
  template?: string;
  /** Page size overriding the stylesheet's `@page size` (`A4`, `letter`, `210mm 297mm`). */
  pageSize?: string;
  /** Crop marks and a 3 mm bleed for a print shop. */
  printMarks?: boolean;
  /** Receives every warning (unsupported CSS, missing glyphs, …). */
  onWarning?: (warning: Warning) => void;
  /** Most pages of one PDF (default 100); more is a 'limit' error. */
  maxPages?: number;
  /** The release file, to name in errors about its pages. */
  source?: string;
}

/** Runs the stages up to the XHTML document that both outputs are made from. */
export function renderXhtml(loaded: LoadedRelease, options: RenderOptions = {}): RenderedRelease {
  const requested = options.template ?? loaded.release.template ?? 'embassy';
  // A template path in data is relative to the release; on the command line, to the working folder.
  const base = options.template ? process.cwd() : loaded.source.dir;
  const template = loadTemplate(templateDir(loaded, requested, base, options.template !== undefined));
  const rendered = renderRelease(toReleaseView(loaded), template);
  for (const w of [...(loaded.warnings ?? []), ...rendered.warnings]) options.onWarning?.(w);
  return rendered;
}

/** The template's folder; a template the data names that does not exist is an error of that field. */
function templateDir(loaded: LoadedRelease, requested: string, base: string, fromOptions: boolean): string {
  try {
    return resolveTemplateDir(requested, base);
  } catch (error) {
    const at = loaded.source.positions.template;
    if (fromOptions || !at || !(error instanceof PressroomError)) throw error;
    throw new PressroomError(error.kind, error.message, at, 'template', error.hint);
  }
}

/** Typesets a rendered release into pages: the data the PDF is drawn from. */
export function typesetRelease(rendered: RenderedRelease, options: RenderOptions = {}): Pages {
  const document = buildDocument(rendered, { pageSize: options.pageSize });
  checkPageRoom(document, rendered.template.stylesheet.path);
  const maxPages = options.maxPages ?? DEFAULT_LIMITS.maxPages;
  const source = options.source ?? rendered.meta.title;
  // Refused before typesetting when even a lower bound is over: a 5 MB paragraph fails in a moment.
  const least = leastPages(document);
  if (least > maxPages) throw tooManyPages(source, least, maxPages, true);
  const pages = typeset(document, loadFontRegistry());
  if (pages.pages.length > maxPages) throw tooManyPages(source, pages.pages.length, maxPages, false);
  // Read after typesetting: running heads add their warnings as each page is set.
  for (const w of document.warnings) options.onWarning?.(w);
  for (const w of pages.warnings) options.onWarning?.(w);
  return pages;
}

export async function pdfOf(rendered: RenderedRelease, options: RenderOptions = {}): Promise<Buffer> {
  const pages = typesetRelease(rendered, options);
  return drawPdf(pages, {
    title: rendered.meta.title,
    subtitle: rendered.meta.subtitle,
    author: rendered.meta.issuer,
    subject: rendered.meta.subtitle,
    lang: rendered.lang,
    date: rendered.meta.date,
    printMarks: options.printMarks,
  });
}

export async function epubOf(rendered: RenderedRelease[]): Promise<Buffer> {
  return renderEpub(rendered);
}
