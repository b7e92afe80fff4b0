import { realpathSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import Handlebars from 'handlebars';
import { PressroomError } from '../diagnostics.js';

/**
 * Reads of a template stay in its folder: a file that is a symbolic link to somewhere else
 * is refused, so a template handed over by a designer cannot pull in files from elsewhere.
 */
export function checkInsideTemplate(dir: string, file: string): void {
  let real: string;
  let realDir: string;
  try {
    real = realpathSync(file);
    realDir = realpathSync(dir);
  } catch {
    throw new PressroomError('template', 'file not found (a link to nowhere?)', { file });
  }
  const rel = relative(realDir, real);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new PressroomError('path', "is a link to a file outside the template's folder", { file }, undefined, 'copy the file into the template folder');
  }
}

interface Node {
  type: string;
  loc?: { start: { line: number; column: number } };
  name?: Node & { original?: unknown };
  [key: string]: unknown;
}

/** Every partial call (`{{> name}}`, `{{#> name}}`) in the template, with its position. */
function partialCalls(node: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const child of node) partialCalls(child, out);
  else if (node && typeof node === 'object') {
    const n = node as Node;
    if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') out.push(n);
    for (const key of ['body', 'program', 'inverse']) if (key in n) partialCalls(n[key], out);
  }
  return out;
}

/**
 * Partials come only from the template's own `partials/` folder: a call to any other name
 * (a path, a missing file) is an error at its line, found when the template loads.
 */
export function checkPartialCalls(source: string, file: string, known: Set<string>): void {
  let ast: unknown;
  try {
    ast = Handlebars.parse(source);
  } catch {
    return; // the compiler reports syntax errors with their line
  }
  for (const call of partialCalls(ast)) {
    const name = call.name;
    if (name?.type !== 'PathExpression' && name?.type !== 'StringLiteral') continue; // dynamic: checked when rendering
    const written = String(name.original);
    if (known.has(written)) continue;
    const at = { file, line: call.loc?.start.line, col: call.loc ? call.loc.start.column + 1 : undefined };
    const why = /[/\\]|^\./.test(written) ? "partials come only from the template's partials/ folder" : `no partial '${written}' in the template's partials/ folder`;
    throw new PressroomError('template', `{{> ${written}}}: ${why}`, at, undefined, known.size ? `partials: ${[...known].sort().join(', ')}` : undefined);
  }
}

/**
 * The stylesheet is the EPUB's as it is, so whatever it loads an e-reader would fetch:
 * `@import` and any `url()` that is not inline (`data:`) or a fragment are refused.
 */
export function checkStylesheetRefs(css: string, file: string): void {
  // Comments become spaces (keeping line ends) so that commented-out rules do not count.
  const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (c) => c.replace(/[^\n]/g, ' '));
  const found = /@import\b|url\(\s*(["']?)\s*(?!data:|#)([^"')]*)/gi;
  for (let m = found.exec(text); m; m = found.exec(text)) {
    const before = text.slice(0, m.index).split('\n');
    const at = { file, line: before.length, col: before[before.length - 1].length + 1 };
    if (m[0].startsWith('@')) {
      throw new PressroomError('path', '@import is not followed: a template has one stylesheet', at, undefined, 'copy the rules into style.css');
    }
    const target = m[2].trim();
    const remote = /^[a-z][a-z0-9+.-]*:|^\/\//i.test(target);
    const message = remote ? `url(${target.slice(0, 80)}): remote files are not fetched` : `url(${target.slice(0, 80)}): the stylesheet may not load files`;
    throw new PressroomError('path', message, at, undefined, 'fonts come from fonts/fonts.json; images from the release data');
  }
}
