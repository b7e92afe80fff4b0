import { setFlagsFromString } from 'node:v8';
import yargs, { type Argv } from 'yargs';
import { PressroomError, PressroomErrors } from '../diagnostics.js';
import { UsageError } from './usage-error.js';
import { processConsole, type Console } from './output.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { simpleBuildArgs } from './simple-build.js';
import type { BuildArgs } from './build.js';
import type { BuildFlags } from './config.js';

/** Flags that raise the limits (src/limits.ts); each is also a key of the configuration file. */
const LIMIT_OPTIONS = {
  'max-pages': { type: 'number', describe: `most pages of one PDF [default: ${DEFAULT_LIMITS.maxPages}]` },
  'max-input-bytes': { type: 'number', describe: `largest release file [default: ${DEFAULT_LIMITS.maxInputBytes}]` },
  'max-image-bytes': { type: 'number', describe: `largest image file [default: ${DEFAULT_LIMITS.maxImageBytes}]` },
  'max-image-pixels': { type: 'number', describe: `most pixels of a PNG or JPEG [default: ${DEFAULT_LIMITS.maxImagePixels}]` },
} as const;

/**
 * What to make and how, shared by `build` and `watch`. No yargs defaults: a flag left out
 * falls back to pressroom.config.* (see config.ts).
 */
const OUTPUT_OPTIONS = {
  out: { alias: 'o', type: 'string', describe: 'output folder [default: output]' },
  format: { alias: 'f', type: 'string', array: true, describe: 'pdf, epub or pdf,epub [default: both]' },
  template: { alias: 't', type: 'string', describe: 'template name or folder (overrides the release)' },
  'page-size': { type: 'string', describe: 'A4, letter, or "210mm 297mm" (overrides @page)' },
  'print-marks': { type: 'boolean', describe: 'crop marks and 3 mm bleed' },
  config: { type: 'string', describe: 'configuration file [default: ./pressroom.config.json or .yaml]' },
} as const;

/** The arguments of `build`; exported for the test that holds simpleBuildArgs to yargs. */
export function buildOptions<T>(y: Argv<T>) {
  return y
    .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'release files, folders or globs' })
    .options(OUTPUT_OPTIONS)
    .option('json', { type: 'boolean', describe: 'one JSON result per input on stdout' })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'errors and the summary only' })
    .option('jobs', { alias: 'j', type: 'number', describe: 'worker processes [default: none up to 200 inputs, then up to one per CPU]' })
    .option('shard', { type: 'string', describe: 'I/N: build only shard I of N (stable, by a hash of each path)' })
    .option('bundle', { type: 'string', describe: 'one NAME.pdf and NAME.epub of all inputs' })
    .option('bundle-title', { type: 'string', describe: "the bundle's title [default: NAME]" })
    .option('bundle-publisher', { type: 'string', describe: "the bundle's publisher [default: the issuers]" })
    .option('bundle-lang', { type: 'string', describe: "the bundle's language [default: the releases' most common]" })
    .options(LIMIT_OPTIONS)
    .example('$0 build examples', 'every release in examples/ into output/')
    .example('$0 build release.md -f pdf -t newswire', 'a PDF only, with the newswire template');
}

/** Runs the command line; resolves to the exit status (0 ok, 1 some input failed, 2 usage). */
export async function main(argv: string[], io: Console = processConsole): Promise<number> {
  const debug = argv.includes('--debug');
  // Read where a build catches an input's error (here, or in a worker process, which inherits it).
  if (debug) process.env.PRESSROOM_DEBUG = '1';
  const simple = simpleBuildArgs(argv);
  if (simple) {
    try {
      return await buildCommand(simple, io);
    } catch (error) {
      return reportError(error, io, debug);
    }
  }
  let status = 0;
  const parser = yargs(argv)
    .scriptName('pressroom')
    .usage('$0 <command> [options]\n\nTypesets press releases into a print-ready PDF and an EPUB.')
    .command(
      'build <inputs..>',
      'build releases into PDF and EPUB',
      buildOptions,
      async (a) => {
        status = await buildCommand({ ...a, format: a.format as string[] | undefined, inputs: a.inputs as string[] }, io);
      },
    )
    .command(
      'watch <inputs..>',
      'build, then rebuild on every change of a release, its template or the fonts',
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true, describe: 'release files, folders or globs' })
          .options(OUTPUT_OPTIONS)
          .option('quiet', { alias: 'q', type: 'boolean', describe: 'errors only' }),
      async (a) => {
        const [{ runWatch }, { checkFormats }, { loadConfig, settingsOf }] = await Promise.all([import('./watch.js'), import('./build.js'), import('./config.js')]);
        const settings = settingsOf({ ...a, format: a.format as string[] | undefined }, loadConfig(a.config).config);
        const formats = checkFormats(settings.format);
        const options = { outDir: settings.out, formats, template: settings.template, pageSize: settings.pageSize, printMarks: settings.printMarks };
        status = await runWatch({ ...a, ...settings, inputs: a.inputs as string[] }, io, options);
      },
    )
    .command(
      'validate <inputs..>',
      'check releases and report every error',
      (y) =>
        y
          .positional('inputs', { type: 'string', array: true, demandOption: true })
          .option('json', { type: 'boolean' })
          .option('config', { type: 'string', describe: 'configuration file [default: ./pressroom.config.json or .yaml]' })
          .options(LIMIT_OPTIONS)
          .example('$0 validate examples/*.yaml', 'check without building'),
      async (a) => {
        const [{ runValidate }, { loadConfig, settingsOf }] = await Promise.all([import('./validate.js'), import('./config.js')]);
        const settings = settingsOf({ ...a, format: undefined }, loadConfig(a.config).config);
        status = await runValidate({ inputs: a.inputs as string[], json: a.json, limits: settings.limits }, io);
      },
    )
    .command(
      'import <file>',
      'turn a received release (text or Markdown) into release data',
      (y) =>
        y
          .positional('file', { type: 'string', demandOption: true })
          .option('out', { alias: 'o', type: 'string', describe: 'where to write the YAML (default: beside the input)' })
          .option('year', { type: 'number', describe: 'year of the release date when the text has none' })
          .option('force', { type: 'boolean', describe: 'replace an existing output' })
          .example('$0 import received.txt -o release.yaml', ''),
      async (a) => {
        const { runImport } = await import('./import.js');
        status = runImport({ file: a.file, out: a.out, year: a.year, force: a.force }, io);
      },
    )
    .command(
      'init [dir]',
      'write a starter release (and with --template a copy of the default template)',
      (y) => y.positional('dir', { type: 'string', default: '.' }).option('template', { type: 'boolean' }),
      async (a) => {
        const { runInit } = await import('./init.js');
        status = runInit({ dir: a.dir, template: a.template }, io);
      },
    )
    .command('templates', 'list the built-in templates', {}, async () => {
      const { runTemplates } = await import('./info.js');
      status = runTemplates(io);
    })
    .command('fonts', 'list the font families and the scripts they cover', {}, async () => {
      const { runFonts } = await import('./info.js');
      status = await runFonts(io);
    })
    .option('debug', { type: 'boolean', describe: 'show stack traces' })
    .demandCommand(1, 'name a command: build, watch, validate, import, init, templates, fonts')
    .strict()
    .help()
    .alias('h', 'help')
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
  } catch (error) {
    return reportError(error, io, debug);
  }
  return status;
}

/** `build`, from yargs's arguments or `simpleBuildArgs`'s. */
async function buildCommand(a: BuildFlags & Partial<BuildArgs> & { inputs: string[]; config?: string }, io: Console): Promise<number> {
  // Each command loads only its own modules: `templates` or a usage error load no PDFKit.
  const [{ runBuild }, { loadConfig, settingsOf }] = await Promise.all([import('./build.js'), import('./config.js')]);
  const settings = settingsOf(a, loadConfig(a.config).config);
  return runBuild({ ...a, ...settings }, io);
}

/** The part of yargs's internal methods that skipHelpCache uses (yargs 17 and 18). */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * As it starts a command's handler, yargs lays out the whole help text in case the handler
 * fails (~20 ms of a one-release build in cold code, with an Intl.Segmenter made for it). Ours
 * never shows that text: a failure is one line through .fail(); --help lays it out itself.
 */
function skipHelpCache(parser: object): void {
  const usage = (parser as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => undefined;
}

/**
 * Runs the command line as this process (bin/pressroom.js, and the startup snapshot of
 * bin/pressroom): sets the exit status, and exits as soon as main() is done.
 */
export function runProcess(argv: string[]): void {
  // subset-font runs HarfBuzz as WebAssembly, which V8 also compiles to optimised code on
  // background threads that a process waits for before it can exit (~0.4 s after the last EPUB).
  // Baseline (Liftoff) code alone subsets as fast here (2.4 against 3.1-3.9 ms per subset), so
  // the optimising tier is skipped. Batch workers are started with the same flag (build/pool.ts).
  setFlagsFromString('--liftoff-only');
  void main(argv).then((code) => {
    process.exitCode = code;
    // Exiting here rather than letting the event loop drain skips tearing down the V8 heap and
    // the workers (~50 ms of a one-release build). Only with nothing left to write; `watch`
    // resolves only when it stops.
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
  });
}

function reportError(error: unknown, io: Console, debug: boolean): number {
  if (debug && error instanceof Error) io.err(error.stack ?? error.message);
  // A ConfigError (config.js, loaded only by commands that read the file) carries its lines.
  if (error instanceof UsageError && 'lines' in error && Array.isArray(error.lines)) {
    for (const line of error.lines as string[]) io.err(line);
    return 2;
  }
  if (error instanceof UsageError) {
    io.err(`pressroom: ${error.message} (see pressroom --help)`);
    return 2;
  }
  if (error instanceof PressroomErrors) {
    for (const e of error.errors) io.err(e.format());
    return 1;
  }
  if (error instanceof PressroomError) {
    io.err(error.format());
    return 1;
  }
  io.err(`pressroom: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  return 1;
}
