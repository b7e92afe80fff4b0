import { build, expandInputs, parseShard, selectShard, type BuildOptions, type BuildResult, type OutputFormat } from '../build/index.js';
import { parsePageSize } from '../document/page-rules.js';
import { colours, type Console } from './output.js';
import { defaultJobs } from '../build/pool.js';
import { Progress } from './progress.js';
import type { Limits } from '../limits.js';
import { UsageError } from './usage-error.js';

export interface BuildArgs {
  inputs: string[];
  out: string;
  format: string[];
  template?: string;
  pageSize?: string;
  printMarks?: boolean;
  json?: boolean;
  quiet?: boolean;
  /** Worker processes (1: build in this process). */
  jobs?: number;
  /** `I/N`: build only the I-th of N stable subsets of the inputs. */
  shard?: string;
  /** Make one NAME.pdf and NAME.epub of all inputs. */
  bundle?: string;
  bundleTitle?: string;
  bundlePublisher?: string;
  bundleLang?: string;
  /** Limits raised (or lowered) by flags or the configuration file. */
  limits?: Partial<Limits>;
}

const FORMATS: OutputFormat[] = ['pdf', 'epub'];

/** `-f pdf,epub` or `-f pdf -f epub` → the formats, or a usage error. */
export function checkFormats(format: string[]): OutputFormat[] {
  const formats = format.flatMap((f) => f.split(',')).map((f) => f.trim().toLowerCase());
  const unknown = formats.filter((f) => !FORMATS.includes(f as OutputFormat));
  if (unknown.length > 0) throw new UsageError(`unknown format '${unknown[0]}' (use pdf, epub or pdf,epub)`);
  return formats as OutputFormat[];
}

/** `pressroom build`: returns the exit status (0 all built, 1 some input failed). */
export async function runBuild(args: BuildArgs, io: Console): Promise<number> {
  const formats = checkFormats(args.format);
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) throw new UsageError(`--jobs ${args.jobs}: use a whole number, at least 1`);
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  if (shard && 'error' in shard) throw new UsageError(shard.error);
  if (args.pageSize !== undefined && !parsePageSize(args.pageSize)) {
    throw new UsageError(`--page-size '${args.pageSize}': use A4, A5, letter, legal, or two lengths such as "210mm 297mm"`);
  }
  if (args.bundle !== undefined && !/^[^/\\.][^/\\]*$/.test(args.bundle)) throw new UsageError(`--bundle '${args.bundle}': give a file name without a folder`);
  const started = performance.now();
  const expanded = expandInputs(args.inputs);
  const files = shard ? selectShard(expanded.files, shard) : expanded.files;
  const options: BuildOptions = {
    outDir: args.out,
    formats,
    template: args.template,
    pageSize: args.pageSize,
    printMarks: args.printMarks,
    ...args.limits,
  };
  const results: BuildResult[] = expanded.missing.map((e) => ({ input: e.position.file, outputs: [], warnings: [], errors: [e.format()] }));
  if (args.bundle !== undefined) {
    const { buildBundle } = await import('../build/bundle.js');
    results.push(...(await buildBundle(files, args.bundle, options, { title: args.bundleTitle, publisher: args.bundlePublisher, lang: args.bundleLang })));
  } else {
    const progress = new Progress(files.length, process.stderr, !args.quiet);
    const jobs = args.jobs ?? defaultJobs(files.length);
    results.push(...(await build(files, { ...options, jobs, onResult: (r) => progress.tick(r.errors.length === 0) })));
    progress.finish();
  }
  report(results, args, io, performance.now() - started);
  return results.some((r) => r.errors.length > 0) ? 1 : 0;
}

function report(results: BuildResult[], args: BuildArgs, io: Console, ms: number): void {
  const c = colours();
  // With --json stdout carries only the results; the summary still goes to stderr.
  for (const r of results) {
    if (args.json) {
      io.out(JSON.stringify(r));
      continue;
    }
    for (const e of r.errors) io.err(c.red('error: ') + e);
    if (!args.quiet) for (const w of r.warnings) io.err(c.yellow('warning: ') + w);
    if (!args.quiet) for (const o of r.outputs) io.out(`${r.input} → ${o}`);
  }
  const failed = results.filter((r) => r.errors.length > 0).length;
  const warnings = results.reduce((n, r) => n + r.warnings.length, 0);
  const summary = `${results.length - failed} built, ${failed} failed, ${warnings} warnings in ${(ms / 1000).toFixed(2)} s`;
  io.err(failed > 0 ? c.red(summary) : c.green(summary));
}

export { UsageError } from './usage-error.js';
