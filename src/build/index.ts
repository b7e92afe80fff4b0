import { basename, extname, join } from 'node:path';
import { PressroomError, PressroomErrors, formatDiagnostic, type Warning } from '../diagnostics.js';
import { loadRelease } from '../release/index.js';
import type { Limits } from '../limits.js';
import type { LoadedRelease } from '../release/types.js';
import { attributeWarning } from './attribute.js';
import type { RenderOptions } from './render.js';
import { writeFileAtomic } from './write.js';
import { expandInputs } from './inputs.js';
import { buildInPool } from './pool.js';

export { expandInputs } from './inputs.js';
export { writeFileAtomic } from './write.js';
export { parseShard, selectShard, shardOf, type Shard } from './shard.js';
// render.js (PDFKit, fontkit, epub) is imported when something is rendered, not with this module:
// the main process of a batch only hands inputs to workers, which write the files.
export type { RenderOptions } from './render.js';

export type OutputFormat = 'pdf' | 'epub';

export interface BuildOptions extends RenderOptions, Partial<Omit<Limits, 'maxPages'>> {
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
  // Anything else is pressroom's fault, not the input's: say so, and how to learn more.
  const message = error instanceof Error ? error.message : String(error);
  return [`${input}: unexpected error: ${message.split('\n')[0]} (this is a bug in pressroom; run again with --debug and report the output)`];
}

/** A built release before it is written: the result so far and the output files in memory. */
export interface RenderedOutputs {
  result: BuildResult;
  files: { path: string; data: Uint8Array }[];
}

/**
 * Renders one release file into the bytes of `outDir/<name>.pdf` and `.epub` without writing
 * them: both outputs are rendered before either is written (`writeOutputs`).
 */
export async function renderOutputs(input: string, options: BuildOptions = {}): Promise<RenderedOutputs> {
  const result: BuildResult = { input, outputs: [], warnings: [], errors: [] };
  const files: RenderedOutputs['files'] = [];
  const formats = options.formats ?? ['pdf', 'epub'];
  let loaded: LoadedRelease | undefined;
  const onWarning = (raw: Warning) => {
    const w = attributeWarning(raw, loaded);
    result.warnings.push(formatDiagnostic(w));
    options.onWarning?.(w);
  };
  try {
    const { epubOf, pdfOf, renderXhtml } = await import('./render.js');
    loaded = await loadRelease(input, { maxBytes: options.maxInputBytes, maxImageBytes: options.maxImageBytes, maxImagePixels: options.maxImagePixels });
    const rendered = renderXhtml(loaded, { ...options, onWarning });
    const name = basename(input, extname(input));
    const outDir = options.outDir ?? 'output';
    if (formats.includes('pdf')) files.push({ path: join(outDir, `${name}.pdf`), data: await pdfOf(rendered, { ...options, onWarning, source: input }) });
    if (formats.includes('epub')) files.push({ path: join(outDir, `${name}.epub`), data: await epubOf([rendered]) });
  } catch (error) {
    if (process.env.PRESSROOM_DEBUG && error instanceof Error) console.error(error.stack);
    result.errors.push(...errorLines(error, input));
    files.length = 0;
  }
  return { result, files };
}

/** Writes rendered outputs atomically; a write error becomes an error of that input. */
export function writeOutputs({ result, files }: RenderedOutputs): BuildResult {
  try {
    for (const { path, data } of files) {
      writeFileAtomic(path, data);
      result.outputs.push(path);
    }
  } catch (error) {
    result.errors.push(...errorLines(error, result.input));
  }
  return result;
}

/**
 * Builds one release file into `outDir/<name>.pdf` and `.epub`. Both outputs are rendered
 * in memory before either is written, so a failure leaves earlier outputs untouched.
 */
export async function buildRelease(input: string, options: BuildOptions = {}): Promise<BuildResult> {
  return writeOutputs(await renderOutputs(input, options));
}

/** How a batch is built. */
export interface BatchOptions {
  /** Worker processes; 1 (the default) builds in this process. With more, `onWarning` is not
   *  called across processes: warnings arrive in each result's `warnings`. */
  jobs?: number;
  /** Told about each input as it is done (in completion order), e.g. for a progress bar. */
  onResult?: (result: BuildResult) => void;
}

/**
 * Builds every input, in `jobs` worker processes or in turn; one bad input does not stop the
 * others. Results are in the order of `inputs`.
 */
export async function build(inputs: string[], options: BuildOptions & BatchOptions = {}): Promise<BuildResult[]> {
  const { jobs = 1, onResult, onWarning, ...rest } = options;
  // Library callers may pass folders and globs as the command line does.
  const { files, missing } = expandInputs(inputs);
  const unmatched = missing.map((e): BuildResult => ({ input: e.position.file, outputs: [], warnings: [], errors: [e.format()] }));
  if (jobs > 1 && files.length > 1) return [...unmatched, ...(await buildInPool(files, rest, jobs, onResult))];
  const results: BuildResult[] = [...unmatched];
  for (const input of files) {
    results.push(await buildRelease(input, { ...rest, onWarning }));
    onResult?.(results[results.length - 1]);
    // A release is read, rendered and written without waiting on I/O: let a Ctrl-C in between.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return results;
}
