import { build, expandInputs, type BuildOptions, type BuildResult, type OutputFormat } from '../build/index.js';
import { colours, type Console } from './output.js';

export interface BuildArgs {
  inputs: string[];
  out: string;
  format: string[];
  template?: string;
  pageSize?: string;
  printMarks?: boolean;
  json?: boolean;
  quiet?: boolean;
}

const FORMATS: OutputFormat[] = ['pdf', 'epub'];

/** `pressroom build`: returns the exit status (0 all built, 1 some input failed). */
export async function runBuild(args: BuildArgs, io: Console): Promise<number> {
  const formats = args.format.flatMap((f) => f.split(',')).map((f) => f.trim().toLowerCase());
  const unknown = formats.filter((f) => !FORMATS.includes(f as OutputFormat));
  if (unknown.length > 0) throw new UsageError(`unknown format '${unknown[0]}' (use pdf, epub or pdf,epub)`);
  const started = performance.now();
  const { files, missing } = expandInputs(args.inputs);
  const options: BuildOptions = {
    outDir: args.out,
    formats: formats as OutputFormat[],
    template: args.template,
    pageSize: args.pageSize,
    printMarks: args.printMarks,
  };
  const results: BuildResult[] = missing.map((e) => ({ input: e.position.file, outputs: [], warnings: [], errors: [e.format()] }));
  results.push(...(await build(files, options)));
  report(results, args, io, performance.now() - started);
  return results.some((r) => r.errors.length > 0) ? 1 : 0;
}

function report(results: BuildResult[], args: BuildArgs, io: Console, ms: number): void {
  if (args.json) {
    for (const r of results) io.out(JSON.stringify(r));
    return;
  }
  const c = colours();
  for (const r of results) {
    for (const e of r.errors) io.err(c.red('error: ') + e);
    if (!args.quiet) for (const w of r.warnings) io.err(c.yellow('warning: ') + w);
    if (!args.quiet) for (const o of r.outputs) io.out(`${r.input} → ${o}`);
  }
  const failed = results.filter((r) => r.errors.length > 0).length;
  const warnings = results.reduce((n, r) => n + r.warnings.length, 0);
  const summary = `${results.length - failed} built, ${failed} failed, ${warnings} warnings in ${(ms / 1000).toFixed(2)} s`;
  io.err(failed > 0 ? c.red(summary) : c.green(summary));
}

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {}
