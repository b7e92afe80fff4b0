import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { PressroomError } from '../diagnostics.js';
import type { Template } from './types.js';
import { HELPER_NAMES, registerHelpers } from './helpers.js';

/** Folder of the built-in templates (`templates/` at the package root). */
export const BUILTIN_TEMPLATES = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

/** A template whose files are compiled and ready to render. */
export interface CompiledTemplate extends Template {
  render(context: object): string;
  /** Renders a partial by name with `context`, or undefined when the template has none. */
  renderPartial(name: string, context: object): string | undefined;
  strings(lang: string, key: string): string;
  labels: Record<string, string>;
}

interface TemplateManifest {
  description?: string;
  labels?: Record<string, string>;
  strings?: Record<string, Record<string, string>>;
}

const cache = new Map<string, CompiledTemplate>();

/** Forgets compiled templates (the watcher calls this when a template file changes). */
export function clearTemplateCache(): void {
  cache.clear();
}

/** Lists the built-in templates with their one-line descriptions. */
export function listTemplates(): { name: string; description: string; dir: string }[] {
  return readdirSync(BUILTIN_TEMPLATES)
    .filter((name) => existsSync(join(BUILTIN_TEMPLATES, name, 'release.hbs')))
    .sort()
    .map((name) => ({ name, dir: join(BUILTIN_TEMPLATES, name), description: readManifest(join(BUILTIN_TEMPLATES, name)).description ?? '' }));
}

/**
 * Finds a template: a bare name is a folder under the built-in templates; anything with a
 * slash or a leading dot is a path, resolved against `baseDir`.
 */
export function resolveTemplateDir(nameOrPath: string, baseDir: string): string {
  const isPath = nameOrPath.includes('/') || nameOrPath.includes('\\') || nameOrPath.startsWith('.');
  const dir = isPath ? (isAbsolute(nameOrPath) ? nameOrPath : resolve(baseDir, nameOrPath)) : join(BUILTIN_TEMPLATES, nameOrPath);
  if (!existsSync(join(dir, 'release.hbs'))) {
    const known = listTemplates().map((t) => t.name).join(', ');
    throw new PressroomError('template', `no template '${nameOrPath}' (a folder with release.hbs)`, { file: dir }, 'template', `built-in templates: ${known}`);
  }
  return dir;
}

function readManifest(dir: string): TemplateManifest {
  const path = join(dir, 'template.json');
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as TemplateManifest;
  } catch (error) {
    throw new PressroomError('syntax', `template.json does not parse: ${(error as Error).message.split('\n')[0]}`, { file: path });
  }
}

/** Turns a Handlebars error into one line that names the template file and line. */
export function templateError(error: unknown, file: string): PressroomError {
  if (error instanceof PressroomError) return error;
  const e = error as { message?: string; lineNumber?: number; column?: number };
  const message = String(e.message ?? error);
  const line = e.lineNumber ?? Number(/on line (\d+)/.exec(message)?.[1] ?? NaN);
  const column = typeof e.column === 'number' ? e.column + 1 : undefined;
  const first = message.split('\n')[0].replace(/ - \d+:\d+$/, '').replace(/ in \[object Object\]/, '');
  return new PressroomError('template', first, { file, line: Number.isNaN(line) ? undefined : line, col: column });
}

type RenderFile = (context: object, options?: Handlebars.RuntimeOptions) => string;

function compileFile(hb: typeof Handlebars, path: string): RenderFile {
  let fn: Handlebars.TemplateDelegate;
  try {
    const source = readFileSync(path, 'utf8');
    const options = {
      strict: true,
      knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])),
      knownHelpersOnly: true,
      preventIndent: true,
    };
    // compile() is lazy; precompile() surfaces syntax errors and unknown helpers at load time.
    hb.precompile(source, options);
    fn = hb.compile(source, options);
  } catch (error) {
    throw templateError(error, path);
  }
  // Options pass through so that a partial keeps @root and the data frame of its caller.
  return (context, options) => {
    try {
      return fn(context, { ...options, allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      throw templateError(error, path);
    }
  };
}

/** Loads and compiles a template folder once per process (cached by folder). */
export function loadTemplate(dir: string): CompiledTemplate {
  const cached = cache.get(dir);
  if (cached) return cached;
  const manifest = readManifest(dir);
  const hb = Handlebars.create();
  const strings = (lang: string, key: string): string => {
    const table = manifest.strings ?? {};
    return table[lang]?.[key] ?? table[lang.split('-')[0]]?.[key] ?? table.en?.[key] ?? key;
  };
  registerHelpers(hb, strings);
  const partials = new Map<string, RenderFile>();
  const partialDir = join(dir, 'partials');
  if (existsSync(partialDir) && statSync(partialDir).isDirectory()) {
    for (const file of readdirSync(partialDir).filter((f) => f.endsWith('.hbs')).sort()) {
      const name = basename(file, '.hbs');
      const render = compileFile(hb, join(partialDir, file));
      partials.set(name, render);
      hb.registerPartial(name, render as unknown as Handlebars.Template);
    }
  }
  const stylesheetPath = join(dir, 'style.css');
  if (!existsSync(stylesheetPath)) {
    throw new PressroomError('template', 'template has no style.css', { file: stylesheetPath });
  }
  const template: CompiledTemplate = {
    name: basename(dir),
    dir,
    description: manifest.description ?? '',
    stylesheet: { path: stylesheetPath, text: readFileSync(stylesheetPath, 'utf8') },
    render: compileFile(hb, join(dir, 'release.hbs')),
    renderPartial: (name, context) => partials.get(name)?.(context),
    strings,
    labels: manifest.labels ?? {},
  };
  cache.set(dir, template);
  return template;
}
