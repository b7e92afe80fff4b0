import { basename, extname, join } from 'node:path';
import { PressroomError, PressroomErrors, formatDiagnostic, type Warning } from '../diagnostics.js';
import { loadRelease } from '../release/index.js';
import { epubOf, pdfOf, renderXhtml, type RenderOptions } from './render.js';
import { writeFileAtomic } from './write.js';

export { expandInputs } from './inputs.js';
export { writeFileAtomic } from './write.js';
export { renderXhtml, typesetRelease, pdfOf, epubOf, type RenderOptions } from './render.js';

export type OutputFormat = 'pdf' | 'epub';

export interface BuildOptions extends RenderOptions {
  /** Folder the outputs go to; default `output`. */
  outDir?: string;
  /** Which outputs to make; default both. */
  formats?: OutputFormat[];
}

/** What happened to one input: the files written, and every warning and error as one line each. */
export interface BuildResult {
  input: string;
  outputs: string[];
  warnings: string[];
  errors: string[];
}

/** One-line messages for anything thrown while building one input. */
export function errorLines(error: unknown, input: string): string[] {
  if (error instanceof PressroomErrors) return error.errors.map((e) => e.format());
  if (error instanceof PressroomError) return [error.format()];
  const message = error instanceof Error ? error.message : String(error);
  return [`${input}: ${message.split('\n')[0]}`];
}

/**
 * Builds one release file into `outDir/<name>.pdf` and `.epub`. Both outputs are rendered
 * in memory before either is written, so a failure leaves earlier outputs untouched.
 */
export async function buildRelease(input: string, options: BuildOptions = {}): Promise<BuildResult> {
  const result: BuildResult = { input, outputs: [], warnings: [], errors: [] };
  const formats = options.formats ?? ['pdf', 'epub'];
  const onWarning = (w: Warning) => {
    result.warnings.push(formatDiagnostic(w));
    options.onWarning?.(w);
  };
  try {
    const loaded = await loadRelease(input);
    const rendered = renderXhtml(loaded, { ...options, onWarning });
    const files: [string, Buffer][] = [];
    const name = basename(input, extname(input));
    const outDir = options.outDir ?? 'output';
    if (formats.includes('pdf')) files.push([join(outDir, `${name}.pdf`), await pdfOf(rendered, { ...options, onWarning })]);
    if (formats.includes('epub')) files.push([join(outDir, `${name}.epub`), await epubOf([rendered])]);
    for (const [path, data] of files) {
      writeFileAtomic(path, data);
      result.outputs.push(path);
    }
  } catch (error) {
    if (process.env.PRESSROOM_DEBUG && error instanceof Error) console.error(error.stack);
    result.errors.push(...errorLines(error, input));
  }
  return result;
}

/** Builds every input in turn; one bad input does not stop the others. */
export async function build(inputs: string[], options: BuildOptions = {}): Promise<BuildResult[]> {
  const results: BuildResult[] = [];
  for (const input of inputs) results.push(await buildRelease(input, options));
  return results;
}
