import { dirname, extname, resolve } from 'node:path';
import { DEFAULT_LIMITS, describeSize, raiseHint, type Limits } from '../limits.js';
import { PressroomErrors, type PressroomError, type SourcePosition } from '../diagnostics.js';
import { buildRelease } from './build-release.js';
import type { DataNode, MapNode, Place } from './data-tree.js';
import { splitFrontMatter } from './front-matter.js';
import { parseJson } from './json-source.js';
import { Problems } from './problems.js';
import { normaliseLineEnds } from './text.js';
import type { LoadedRelease, SourceFormat } from './types.js';
import { checkRelease, type Fields } from './validate.js';
import { parseYaml } from './yaml-source.js';

export interface ReleaseOptions extends Partial<Pick<Limits, 'maxImageBytes' | 'maxImagePixels'>> {
  /** Largest accepted file in bytes; 10 MiB when absent (the `maxInputBytes` limit). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = DEFAULT_LIMITS.maxInputBytes;

/** What validation found: the release when there were no errors, and every error otherwise. */
export interface ReleaseCheck {
  loaded?: LoadedRelease;
  errors: PressroomError[];
}

const FORMATS: Record<string, SourceFormat> = { '.yaml': 'yaml', '.yml': 'yaml', '.json': 'json', '.md': 'markdown', '.markdown': 'markdown' };

export function formatOf(path: string): SourceFormat | undefined {
  const extension = extname(path).toLowerCase();
  return Object.hasOwn(FORMATS, extension) ? FORMATS[extension] : undefined;
}

export { describeSize };

/** Problems for input that is too large or empty, shared with the file reader. */
export function checkSize(bytes: number, problems: Problems, maxBytes: number): void {
  if (bytes === 0) problems.add('syntax', 'file is empty', undefined);
  else if (bytes > maxBytes) {
    problems.add('limit', `file is ${describeSize(bytes)}, more than the limit of ${describeSize(maxBytes)}`, undefined, undefined, raiseHint('maxInputBytes'));
  }
}

/**
 * Parses and validates release text. Throws `PressroomErrors` with every error found;
 * `path` names the file in messages, picks the format by extension and anchors relative paths.
 */
export function parseRelease(text: string, path: string, options: ReleaseOptions = {}): LoadedRelease {
  const { loaded, errors } = checkReleaseText(text, path, options);
  if (!loaded) throw new PressroomErrors(errors);
  return loaded;
}

/** Like `parseRelease`, but returns the errors instead of throwing them. */
export function checkReleaseText(text: string, path: string, options: ReleaseOptions = {}): ReleaseCheck {
  const problems = new Problems(path);
  const format = formatOf(path);
  if (!format) {
    problems.add('syntax', 'not a release file', undefined, undefined, 'use a .yaml, .yml, .json, .md or .markdown file');
    return { errors: problems.sorted() };
  }
  const content = text.startsWith('\uFEFF') ? text.slice(1) : text;
  checkSize(Buffer.byteLength(content, 'utf8'), problems, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (problems.count > 0) return { errors: problems.sorted() };

  const positions: Record<string, SourcePosition> = {};
  const dir = dirname(resolve(path));
  let fields: Fields | undefined;
  try {
    const root = parseSource(normaliseLineEnds(content), format, problems);
    // After a syntax error the tree is not what the user meant; schema errors on it would mislead.
    const unreadable = problems.errors.some((e) => e.kind === 'syntax' || e.kind === 'limit');
    if (root && !unreadable) fields = checkRelease(root, {
        problems,
        dir,
        positions,
        images: { maxImageBytes: options.maxImageBytes ?? DEFAULT_LIMITS.maxImageBytes, maxImagePixels: options.maxImagePixels ?? DEFAULT_LIMITS.maxImagePixels },
      });
  } catch (error) {
    // The parsers are iterative or depth-limited; this is a last guard against exhausting the stack.
    if (!(error instanceof RangeError)) throw error;
    problems.add('limit', 'the data is nested too deeply', undefined);
  }
  if (!fields || problems.count > 0) return { errors: problems.sorted() };
  const loaded: LoadedRelease = { release: buildRelease(fields), source: { path, dir, format, positions } };
  if (problems.warnings.length > 0) loaded.warnings = problems.warnings;
  return { loaded, errors: [] };
}

function parseSource(text: string, format: SourceFormat, problems: Problems): DataNode | undefined {
  if (format === 'json') return parseJson(text, problems);
  if (format === 'yaml') return orEmptyMap(parseYaml(text, problems), { line: 1, col: 1 });
  const parts = splitFrontMatter(text, problems);
  if (!parts) return undefined;
  const root = orEmptyMap(parseYaml(parts.frontMatter, problems, parts.frontMatterLineOffset), { line: 1, col: 1 });
  if (root?.type !== 'map') return root;
  return withMarkdownBody(root, parts.body, parts.bodyLine, problems);
}

/** A YAML file or front matter holding only comments is an empty release, so each missing field is named. */
function orEmptyMap(root: DataNode | undefined, at: Place): DataNode | undefined {
  if (root?.type === 'scalar' && root.value === null) return { type: 'map', entries: [], at };
  return root;
}

/** The Markdown after the front matter becomes the `body` field, positioned at its first line. */
function withMarkdownBody(root: MapNode, body: string, bodyLine: number, problems: Problems): MapNode {
  const inFrontMatter = root.entries.find((entry) => entry.key === 'body');
  const leadingBlank = /^(?:[ \t]*\n)*/.exec(body)![0];
  const blankLines = leadingBlank.split('\n').length - 1;
  if (inFrontMatter) {
    if (body.trim() !== '') {
      problems.add('schema', 'given both in the front matter and after it', inFrontMatter.keyAt, 'body', 'keep one of the two');
    }
    return root;
  }
  // An empty body is pointed at the closing fence rather than past the end of the file.
  const at = body.trim() === '' ? { line: bodyLine - 1, col: 1 } : { line: bodyLine + blankLines, col: 1 };
  const text = body.slice(leadingBlank.length);
  return { ...root, entries: [...root.entries, { key: 'body', keyAt: at, value: { type: 'scalar', value: text, text, at, verbatim: true } }] };
}
