import { join } from 'node:path';
import { formatDiagnostic, type Warning } from '../diagnostics.js';
import { loadRelease } from '../release/index.js';
import type { RenderedRelease } from '../template/index.js';
import type { Pages } from '../typeset/types.js';
import { PdfWriter } from '../pdf/index.js';
import { renderEpub } from '../epub/index.js';
import { errorLines, type BuildOptions, type BuildResult } from './index.js';
import { renderXhtml, typesetRelease } from './render.js';
import { writeFileAtomic } from './write.js';

/** Releases in the order a reader of the bundle expects: by date, then title. */
export function bundleOrder<T extends { meta: { date: string; title: string } }>(list: readonly T[]): T[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...list].sort((a, b) => compare(a.meta.date, b.meta.date) || compare(a.meta.title, b.meta.title));
}

/** What a bundle says about itself; each part defaults from its releases. */
export interface BundleMeta {
  /** Default: the bundle's name. */
  title?: string;
  /** Default: the issuers of the releases. */
  publisher?: string;
  /** Default: the language most releases share. */
  lang?: string;
}

function commonLang(langs: string[]): string {
  const counts = new Map<string, number>();
  for (const lang of langs) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/** A bundle made but not written: each input's result, and the files with their bytes. */
interface RenderedBundle {
  results: BuildResult[];
  files: [string, Uint8Array][];
}

/**
 * Builds one `outDir/<name>.pdf` and `.epub` of all inputs, ordered by date then title. An
 * input that fails is reported and left out; the others are still bundled. Every bundled
 * input lists the bundle's files.
 */
export async function buildBundle(inputs: string[], name: string, options: BuildOptions = {}, meta: BundleMeta = {}): Promise<BuildResult[]> {
  const { results, files } = await renderBundle(inputs, name, options, meta);
  const bundled = results.filter((result) => result.errors.length === 0);
  try {
    for (const [path, data] of files) writeFileAtomic(path, data);
  } catch (error) {
    for (const result of bundled) result.errors.push(...errorLines(error, join(options.outDir ?? 'output', name)));
    return results;
  }
  for (const result of bundled) result.outputs.push(...files.map(([path]) => path));
  return results;
}

/** Makes the bundle's files in memory (see `buildBundle`). */
async function renderBundle(inputs: string[], name: string, options: BuildOptions = {}, meta: BundleMeta = {}): Promise<RenderedBundle> {
  const formats = options.formats ?? ['pdf', 'epub'];
  const outDir = options.outDir ?? 'output';
  const results: BuildResult[] = [];
  // Rendered XHTML is small; typeset pages (~0.3 MB a release) are made one release at a time below.
  const included: { rendered: RenderedRelease; result: BuildResult }[] = [];
  for (const input of inputs) {
    const result: BuildResult = { input, outputs: [], warnings: [], errors: [] };
    results.push(result);
    const onWarning = (w: Warning) => result.warnings.push(formatDiagnostic(w));
    try {
      included.push({ rendered: renderXhtml(await loadRelease(input), { ...options, onWarning }), result });
    } catch (error) {
      result.errors.push(...errorLines(error, input));
    }
  }
  if (included.length === 0) return { results, files: [] };
  const ordered = bundleOrder(included.map((i) => ({ ...i, meta: i.rendered.meta })));
  /** Releases that could not be typeset: reported, and left out of the PDF and the EPUB. */
  const failed = new Set<(typeof ordered)[number]>();
  const bundled = () => ordered.filter((i) => !failed.has(i));
  const bundleWarning = (w: Warning) => {
    const list = bundled();
    const owner = list.find((i) => i.result.input === w.file) ?? list[0] ?? ordered[0];
    owner.result.warnings.push(formatDiagnostic(w));
  };
  // Decided before typesetting, so the PDF can be started: a release that fails to typeset
  // still counts here (its issuer, language and date), though its pages are left out.
  const title = meta.title ?? name;
  const publisher = meta.publisher ?? [...new Set(ordered.map((i) => i.rendered.meta.issuer))].join('; ');
  const lang = meta.lang ?? commonLang(ordered.map((i) => i.rendered.lang));
  const files: [string, Uint8Array][] = [];
  try {
    if (formats.includes('pdf')) {
      // In a function of its own, so the writer (PDFKit's document and structure tree) can be
      // collected before the EPUB is made.
      const drawBundle = async (): Promise<Buffer | undefined> => {
        const writer = new PdfWriter(
          {
            title,
            author: publisher,
            lang,
            date: ordered[ordered.length - 1].meta.date,
            printMarks: options.printMarks,
            warn: (message) => bundleWarning({ file: join(outDir, `${name}.pdf`), message }),
          },
          { sections: true },
        );
        for (const item of ordered) {
          const onWarning = (w: Warning) => item.result.warnings.push(formatDiagnostic(w));
          let pages: Pages;
          try {
            pages = typesetRelease(item.rendered, { ...options, onWarning });
          } catch (error) {
            item.result.errors.push(...errorLines(error, item.result.input));
            failed.add(item);
            continue;
          }
          // The writer keeps what the outline needs; the pages go once drawn.
          await writer.add(pages);
        }
        if (failed.size === ordered.length) return undefined;
        return writer.end();
      };
      const pdf = await drawBundle();
      if (!pdf) return { results, files: [] };
      files.push([join(outDir, `${name}.pdf`), pdf]);
    }
    if (formats.includes('epub')) {
      const epub = await renderEpub(bundled().map((i) => i.rendered), { bundle: { title, publisher, lang }, onWarning: bundleWarning });
      files.push([join(outDir, `${name}.epub`), epub]);
    }
  } catch (error) {
    for (const { result } of bundled()) result.errors.push(...errorLines(error, join(outDir, name)));
    return { results, files: [] };
  }
  return { results, files };
}
