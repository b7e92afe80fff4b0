import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BuildOptions } from '../../../src/build/index.js';

/** What a hostile case must end in. */
export type Expected =
  /** Built: a PDF and an EPUB; `warning` must appear among the warnings, `contains` in the EPUB's XHTML. */
  | { built: true; warning?: RegExp; contains?: string }
  /**
   * Refused: some error line starts with `at` (a file named relative to the case folder,
   * optionally `:line`), and matches every pattern of `says`. `validate` says whether
   * `pressroom validate` (data only, no template) must find it too.
   */
  | { built: false; at: string; says: RegExp[]; validate?: boolean };

/** A file of a case: text, bytes (or a function making them), a copy of a built-in template, or a symbolic link. */
export type CaseFile = string | Uint8Array | (() => Uint8Array) | { template: 'embassy' | 'newswire' } | { symlink: string };

export interface HostileCase {
  /** `category/what`: the category groups the report. */
  name: string;
  /** Files written into a fresh folder, by path inside it. */
  files: Record<string, CaseFile>;
  /** The release file to build, inside the folder. */
  input: string;
  expect: Expected;
  /** Build options beyond the defaults (paths in them are not rewritten). */
  options?: BuildOptions;
}

const TEMPLATES = resolve('templates');

/** Writes a case's files under `dir`. */
export function writeCase(dir: string, files: Record<string, CaseFile>): void {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    // A later entry replaces a file an earlier one (a template copy) wrote.
    rmSync(target, { force: true });
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(target, content);
    else if (typeof content === 'function') writeFileSync(target, content());
    else if ('template' in content) cpSync(join(TEMPLATES, content.template), target, { recursive: true });
    else symlinkSync(content.symlink, target);
  }
}

/** The fields of a valid release; cases replace or add some. */
export const BASE: Record<string, unknown> = {
  lang: 'en',
  issuer: { name: 'Embassy of Testland', address: '1 Test Road, Testville' },
  date: '2024-03-12',
  title: 'A Hostile **Test**',
  body: 'A short paragraph for the hostile corpus.',
};

/** A release as JSON (every string escaped exactly), with `changes` merged over BASE; undefined drops a field. */
export function releaseJson(changes: Record<string, unknown> = {}): string {
  return JSON.stringify(merge(BASE, changes), null, 2) + '\n';
}

function merge(base: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete out[key];
    else if (isPlain(value) && isPlain(out[key])) out[key] = merge(out[key] as Record<string, unknown>, value as Record<string, unknown>);
    else out[key] = value;
  }
  return out;
}

function isPlain(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The valid release in YAML, one field a line, with `extra` lines appended. */
export function releaseYaml(extra = ''): string {
  return [
    'lang: en',
    'issuer:',
    '  name: Embassy of Testland',
    '  address: 1 Test Road, Testville',
    'date: 2024-03-12',
    'title: A Hostile **Test**',
    'body: A short paragraph for the hostile corpus.',
    extra,
  ].join('\n');
}

/** A Markdown release: front matter of BASE without the body, then `body`. */
export function releaseMarkdown(body: string, frontExtra = ''): string {
  return `---\nlang: en\nissuer:\n  name: Embassy of Testland\n  address: 1 Test Road, Testville\ndate: 2024-03-12\ntitle: A Hostile Test\n${frontExtra}---\n${body}`;
}

export const built = (warning?: RegExp, contains?: string): Expected => ({ built: true, warning, contains });
export const refused = (at: string, says: RegExp[], validate = true): Expected => ({ built: false, at, says, validate });
