import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { PressroomError } from '../diagnostics.js';
import type { Template } from './types.js';
import { HELPER_NAMES, registerHelpers } from './helpers.js';
import { checkInsideTemplate, checkPartialCalls, checkStylesheetRefs } from './guard.js';

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
  checkInsideTemplate(dir, path);
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
  let first = message.split('\n')[0].replace(/ - \d+:\d+$/, '').replace(/ in (?:\[object Object\]|undefined|null)$/, '');
  const at = { file, line: Number.isNaN(line) ? undefined : line, col: column };
  // Strict mode names only the last part of a path; the mustache shows the whole expression.
  const mustache = at.line !== undefined && at.col !== undefined ? mustacheAt(file, at.line, at.col) : undefined;
  const name = /^"([^"]*)" not defined$/.exec(first)?.[1];
  if (mustache && name !== undefined && !new RegExp(`^\\{\\{\\s*${name.replace(/\W/g, '\\$&')}\\s*\\}\\}$`).test(mustache)) first += ` in ${mustache}`;
  return new PressroomError('template', first, at);
}

/** The `{{…}}` at a line and column of a template file, when it can be read. */
function mustacheAt(file: string, line: number, col: number): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').split('\n')[line - 1] ?? '';
    const start = text.lastIndexOf('{{', col);
    const end = text.indexOf('}}', Math.max(start, 0));
    return start >= 0 && end > start ? text.slice(start, end + 2).slice(0, 80) : undefined;
  } catch {
    return undefined;
  }
}

type RenderFile = (context: object, options?: Handlebars.RuntimeOptions) => string;

function compileFile(hb: typeof Handlebars, dir: string, path: string, partialNames: Set<string>): RenderFile {
  let fn: Handlebars.TemplateDelegate;
  try {
    checkInsideTemplate(dir, path);
    const source = readFileSync(path, 'utf8');
    checkPartialCalls(source, path, partialNames);
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
    const files = readdirSync(partialDir).filter((f) => f.endsWith('.hbs')).sort();
    const names = new Set(files.map((f) => basename(f, '.hbs')));
    for (const file of files) {
      const name = basename(file, '.hbs');
      const render = compileFile(hb, dir, join(partialDir, file), names);
      partials.set(name, render);
      hb.registerPartial(name, render as unknown as Handlebars.Template);
    }
  }
  const stylesheetPath = join(dir, 'style.css');
  if (!existsSync(stylesheetPath)) {
    throw new PressroomError('template', 'template has no style.css', { file: stylesheetPath });
  }
  checkInsideTemplate(dir, stylesheetPath);
  const stylesheetText = readFileSync(stylesheetPath, 'utf8');
  checkStylesheetRefs(stylesheetText, stylesheetPath);
  const template: CompiledTemplate = {
    name: basename(dir),
    dir,
    description: manifest.description ?? '',
    stylesheet: { path: stylesheetPath, text: stylesheetText },
    render: compileFile(hb, dir, join(dir, 'release.hbs'), new Set(partials.keys())),
    renderPartial: (name, context) => partials.get(name)?.(context),
    strings,
    labels: manifest.labels ?? {},
  };
  cache.set(dir, template);
  return template;
}
