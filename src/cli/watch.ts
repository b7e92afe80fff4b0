import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { buildRelease, expandInputs, type BuildOptions, type BuildResult } from '../build/index.js';
import { RELEASE_EXTENSIONS } from '../build/inputs.js';
import { clearFontCache, defaultFontsJson } from '../fonts/index.js';
import { clearEpubFontCaches } from '../epub/index.js';
import { loadRelease } from '../release/index.js';
import { clearTemplateCache, resolveTemplateDir } from '../template/index.js';
import { colours, type Console } from './output.js';
import type { BuildArgs } from './build.js';

/** Editors save in bursts (write, rename, chmod); one rebuild per burst. */
export const DEBOUNCE_MS = 100;

/** The part of `build`'s arguments that `watch` takes too. */
export type WatchArgs = Pick<BuildArgs, 'inputs' | 'out' | 'format' | 'template' | 'pageSize' | 'printMarks' | 'quiet'>;

/** What one round of changes asks for. */
interface Changes {
  releases: Set<string>;
  templates: Set<string>;
  fonts: boolean;
  /** A release file appeared or went in a watched input folder: expand the inputs again. */
  rescan: boolean;
}

const noChanges = (): Changes => ({ releases: new Set(), templates: new Set(), fonts: false, rescan: false });

/** Our own temporary files and editors' swap files are not changes worth a rebuild. */
function isNoise(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || name.endsWith('.tmp') || name.endsWith('.swp');
}

/**
 * `pressroom watch`: builds every input, then rebuilds what a change touches: the release
 * itself, every release using a changed template (after clearing the template cache), or
 * everything when fonts change. Resolves with 130 on Ctrl-C.
 */
export async function runWatch(args: WatchArgs, io: Console, options: BuildOptions): Promise<number> {
  const c = colours();
  const fontsDir = dirname(defaultFontsJson);
  /** Absolute release path → the template folder it was last built with. */
  const templateOf = new Map<string, string>();
  let inputs: string[] = [];
  const watchers = new Map<string, FSWatcher>();
  let pending = noChanges();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const say = (result: BuildResult) => {
    for (const e of result.errors) io.err(c.red('error: ') + e);
    if (!args.quiet) for (const w of result.warnings) io.err(c.yellow('warning: ') + w);
    if (result.errors.length === 0) io.out(`built ${result.input} → ${result.outputs.join(', ')}`);
  };

  const templateDirOf = async (input: string): Promise<string | undefined> => {
    try {
      if (options.template) return resolveTemplateDir(options.template, process.cwd());
      const loaded = await loadRelease(input);
      return resolveTemplateDir(loaded.release.template ?? 'embassy', loaded.source.dir);
    } catch {
      return undefined; // the build has reported why; the default template is watched meanwhile
    }
  };

  const rebuild = async (list: Iterable<string>) => {
    for (const input of list) {
      if (stopped) return;
      say(await buildRelease(input, options));
      const dir = await templateDirOf(input);
      if (dir) {
        templateOf.set(resolve(input), dir);
        watchFolder(dir, (name) => !isNoise(name) && pending.templates.add(dir));
        watchFolder(join(dir, 'partials'), (name) => !isNoise(name) && pending.templates.add(dir));
      }
    }
  };

  const watchFolder = (dir: string, onChange: (name: string) => void) => {
    if (watchers.has(dir) || !existsSync(dir) || stopped) return;
    try {
      const watcher = watch(dir, (_event, name) => {
        onChange(name === null ? '' : basename(name.toString()));
        schedule();
      });
      watcher.on('error', (error) => io.err(c.red('error: ') + `${dir}: ${error.message.split('\n')[0]}`));
      watchers.set(dir, watcher);
    } catch (error) {
      io.err(c.red('error: ') + `${dir}: cannot watch (${(error as Error).message.split('\n')[0]})`);
    }
  };

  const watchInputs = () => {
    const { files, missing } = expandInputs(args.inputs);
    for (const e of missing) io.err(c.red('error: ') + e.format());
    inputs = files;
    const inputFolders = args.inputs.filter((i) => existsSync(i) && statSync(i).isDirectory()).map((i) => resolve(i));
    const folders = new Set([...inputFolders, ...files.map((f) => dirname(resolve(f)))]);
    for (const folder of folders) {
      watchFolder(folder, (name) => {
        if (name === '' || !RELEASE_EXTENSIONS.has(extname(name).toLowerCase())) return;
        const changed = inputs.find((f) => resolve(f) === join(folder, name));
        if (changed) pending.releases.add(changed);
        else pending.rescan = true;
      });
    }
  };

  /** One round: what the changes since the last round ask for, each input built once. */
  const round = async () => {
    const changes = pending;
    pending = noChanges();
    const todo = new Set<string>();
    if (changes.rescan) {
      const before = new Set(inputs);
      watchInputs();
      for (const f of inputs) if (!before.has(f)) todo.add(f);
    }
    if (changes.templates.size > 0) {
      clearTemplateCache();
      for (const f of inputs) if (changes.templates.has(templateOf.get(resolve(f)) ?? '')) todo.add(f);
    }
    if (changes.fonts) {
      clearFontCache();
      clearEpubFontCaches();
      for (const f of inputs) todo.add(f);
    }
    for (const f of changes.releases) if (existsSync(f)) todo.add(f);
    await rebuild(inputs.filter((f) => todo.has(f)));
  };

  /** Runs one piece of work after the one before it: builds never overlap. */
  const enqueue = (work: () => Promise<void>) => {
    running = (running ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => io.err(c.red('error: ') + (error instanceof Error ? error.message.split('\n')[0] : String(error))));
  };

  const schedule = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => enqueue(round), DEBOUNCE_MS);
  };

  return new Promise<number>((resolveWatch) => {
    // Registered before the first build writes anything, so this runs before writeFileAtomic's
    // own handler, which then removes any temporary file and exits with the same status.
    process.once('SIGINT', () => {
      stopped = true;
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      io.err('pressroom: watch stopped');
      process.exitCode = 130;
      resolveWatch(130);
    });
    watchInputs();
    watchFolder(fontsDir, (name) => {
      if (!isNoise(name)) pending.fonts = true;
    });
    enqueue(async () => {
      await rebuild(inputs);
      if (!stopped) io.err(c.dim(`watching ${inputs.length} release${inputs.length === 1 ? '' : 's'}; Ctrl-C stops`));
    });
  });
}
