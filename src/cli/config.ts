import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { closestName } from '../release/suggest.js';
import { UsageError } from './usage-error.js';
import { LIMIT_KEYS, limitFlag, type Limits } from '../limits.js';

/** Defaults a press office keeps beside its releases, in `pressroom.config.json` or `.yaml`. */
export interface Config extends Partial<Limits> {
  template?: string;
  formats?: string[];
  out?: string;
  pageSize?: string;
  jobs?: number;
  printMarks?: boolean;
}

/** Where the file is looked for in the working folder, in this order. */
export const CONFIG_NAMES = ['pressroom.config.json', 'pressroom.config.yaml', 'pressroom.config.yml'];

/** Problems in a configuration file: one line each, `file:line:col: key: message`; exit status 2. */
export class ConfigError extends UsageError {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

type Checker = (node: Node, where: string) => { value?: unknown; error?: string };

const text: Checker = (node) =>
  isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '' ? { value: node.value } : { error: 'must be a text' };

const formatList: Checker = (node) => {
  const items = isSeq(node) ? node.items : [node];
  const values: string[] = [];
  for (const item of items) {
    if (!isScalar(item) || typeof item.value !== 'string') return { error: 'must be "pdf", "epub", or a list of them' };
    values.push(...item.value.split(',').map((f) => f.trim().toLowerCase()));
  }
  const unknown = values.find((f) => f !== 'pdf' && f !== 'epub');
  return unknown === undefined ? { value: values } : { error: `unknown format '${unknown}' (use pdf, epub or both)` };
};

const positiveInteger: Checker = (node) =>
  isScalar(node) && Number.isInteger(node.value) && (node.value as number) >= 1 ? { value: node.value } : { error: 'must be a whole number, at least 1' };

const checkers: Record<keyof Config, Checker> = {
  template: text,
  formats: formatList,
  out: text,
  pageSize: text,
  jobs: (node) =>
    isScalar(node) && Number.isInteger(node.value) && (node.value as number) >= 1 ? { value: node.value } : { error: 'must be a whole number, at least 1' },
  printMarks: (node) => (isScalar(node) && typeof node.value === 'boolean' ? { value: node.value } : { error: 'must be true or false' }),
  maxPages: positiveInteger,
  maxInputBytes: positiveInteger,
  maxImageBytes: positiveInteger,
  maxImagePixels: positiveInteger,
};
const KEYS = Object.keys(checkers);

/** Reads and checks a configuration file; every problem is reported at once. */
export function parseConfig(source: string, file: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return `${file}:${line}:${col}`;
  };
  if (doc.errors.length > 0) throw new ConfigError(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split('\n')[0]}`));
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw new ConfigError([`${at(doc.contents.range?.[0])}: the configuration must be a mapping of keys to values`]);
  const config: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as Node | null;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    const where = at(keyNode?.range?.[0]);
    if (!(key in checkers)) {
      const guess = closestName(key, KEYS);
      problems.push(`${where}: unknown key '${key}'${guess ? ` (did you mean '${guess}'?)` : ` (known keys: ${KEYS.join(', ')})`}`);
      continue;
    }
    const valueNode = pair.value as Node | null;
    const checked = valueNode ? checkers[key as keyof Config](valueNode, where) : { error: 'has no value' };
    if (checked.error) problems.push(`${valueNode ? at(valueNode.range?.[0]) : where}: ${key}: ${checked.error}`);
    else config[key] = checked.value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as Config;
}

/**
 * Loads `--config FILE`, or the first of CONFIG_NAMES in `cwd`, or nothing. Paths in the file
 * (`out`, a template path) are relative to the file's folder, and returned relative to `cwd`.
 */
export function loadConfig(explicit: string | undefined, cwd = process.cwd()): { config: Config; file?: string } {
  let file: string | undefined;
  if (explicit !== undefined) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError(`--config ${explicit}: no such file`);
  } else {
    const found = CONFIG_NAMES.filter((name) => existsSync(resolve(cwd, name)));
    if (found.length > 1) throw new UsageError(`both ${found.join(' and ')} are here; keep one`);
    if (found.length === 1) file = resolve(cwd, found[0]);
  }
  if (file === undefined) return { config: {} };
  const shown = relative(cwd, file) || file;
  const config = parseConfig(readFileSync(file, 'utf8'), shown.startsWith('..') ? file : shown);
  const fromConfig = (path: string) => {
    const abs = resolve(dirname(file), path);
    const rel = relative(cwd, abs);
    return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  };
  if (config.out) config.out = fromConfig(config.out);
  if (config.template && /[/\\]|^\./.test(config.template)) config.template = fromConfig(config.template);
  return { config, file };
}

/** Command-line values as given: undefined where the flag was not used. */
export type BuildFlags = Omit<Config, 'formats'> & { format?: string[] };

/** The settings of a build: a flag wins over the configuration file, which wins over defaults. */
export function settingsOf(flags: BuildFlags, config: Config) {
  return {
    template: flags.template ?? config.template,
    format: flags.format ?? config.formats ?? ['pdf,epub'],
    out: flags.out ?? config.out ?? 'output',
    pageSize: flags.pageSize ?? config.pageSize,
    // Left undefined when neither says: the build then picks by the size of the batch.
    jobs: flags.jobs ?? config.jobs,
    printMarks: flags.printMarks ?? config.printMarks ?? false,
    limits: limitsOf(flags, config),
  };
}

/** Each limit from its flag, else the configuration file; a flag that is not a whole number ≥ 1 is a usage error. */
function limitsOf(flags: BuildFlags, config: Config): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const key of LIMIT_KEYS) {
    const flag = flags[key];
    if (flag !== undefined && !(Number.isInteger(flag) && flag >= 1)) throw new UsageError(`${limitFlag(key)} ${flag}: use a whole number, at least 1`);
    const value = flag ?? config[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
