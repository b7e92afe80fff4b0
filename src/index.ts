/**
 * pressroom's library API. A release is loaded and validated once, then typeset into a PDF
 * and an EPUB from one template:
 *
 * ```ts
 * import { loadRelease, renderPdf, renderEpub, build } from 'pressroom';
 * const release = await loadRelease('examples/maritime-forum.yaml');
 * const pdf = await renderPdf(release);            // Buffer
 * const epub = await renderEpub(release);          // Buffer
 * await build(['examples'], { outDir: 'output' }); // writes output/<name>.pdf and .epub
 * ```
 */
import { loadRelease } from './release/index.js';
import type { LoadedRelease } from './release/types.js';
import { epubOf, pdfOf, renderXhtml, type RenderOptions } from './build/render.js';

export { loadRelease, parseRelease, validateRelease } from './release/index.js';
export {
  build,
  buildRelease,
  expandInputs,
  type BatchOptions,
  type BuildOptions,
  type BuildResult,
  type OutputFormat,
} from './build/index.js';
/** One PDF and one EPUB of many releases (`pressroom build --bundle NAME`). */
export { buildBundle } from './build/bundle.js';
export type { RenderOptions } from './build/render.js';
export type { Release, LoadedRelease, Issuer, Dateline, Contact } from './release/types.js';
export { PressroomError, PressroomErrors, type Warning } from './diagnostics.js';

async function loaded(release: LoadedRelease | string): Promise<LoadedRelease> {
  return typeof release === 'string' ? loadRelease(release) : release;
}

/** Typesets a release (a loaded one, or the path of a release file) into a PDF. */
export async function renderPdf(release: LoadedRelease | string, options: RenderOptions = {}): Promise<Buffer> {
  return pdfOf(renderXhtml(await loaded(release), options), options);
}

/**
 * Makes an EPUB of a release, or of several releases as one book with a chapter each
 * (in the order given).
 */
export async function renderEpub(
  release: LoadedRelease | string | (LoadedRelease | string)[],
  options: RenderOptions = {},
): Promise<Buffer> {
  const list = Array.isArray(release) ? release : [release];
  const rendered = [];
  for (const item of list) rendered.push(renderXhtml(await loaded(item), options));
  return epubOf(rendered);
}
