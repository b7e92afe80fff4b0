import type { SourcePosition } from '../diagnostics.js';
import type { Limits } from '../limits.js';
import { describeNode, placeWithin, type DataNode, type MapEntry, type Place } from './data-tree.js';
import { checkImage, checkTemplatePath } from './logo.js';
import { quote, type Problems } from './problems.js';
import { ReleaseSchema, schemaPaths, type FieldSpec } from './schema.js';
import { closestName } from './suggest.js';
import { markdownBlock, oneLine, textProblem } from './text.js';
import { checkDate, checkEmail, checkLang, checkTiming, checkWebsite, type Checked, type Timing } from './values.js';

export type FieldValue = string | string[] | Timing | Fields | Fields[];
/** Checked values by schema name. A Map, so no key can ever reach an object prototype. */
export type Fields = Map<string, FieldValue>;

export interface WalkContext {
  problems: Problems;
  /** Absolute folder of the release file, for relative paths in the data. */
  dir: string;
  /** Filled with the position of every known field path present. */
  positions: Record<string, SourcePosition>;
  /** Limits on the images the data names. */
  images: Pick<Limits, 'maxImageBytes' | 'maxImagePixels'>;
}

/** Walks the data against `ReleaseSchema`, reporting every problem; the result holds only checked values. */
export function checkRelease(root: DataNode, context: WalkContext): Fields | undefined {
  return checkGroup(root, ReleaseSchema, '', root.at, context);
}

function childPath(parent: string, key: string): string {
  const name = /^[A-Za-z0-9_$-]+$/.test(key) ? key : quote(key);
  return parent ? `${parent}.${name}` : name;
}

function checkGroup(node: DataNode, spec: FieldSpec, path: string, ownerAt: Place, context: WalkContext): Fields | undefined {
  const { problems } = context;
  if (node.type !== 'map') {
    problems.add('schema', `expected a mapping of fields, found ${describeNode(node)}`, node.at, path || undefined);
    return undefined;
  }
  const children = spec.children ?? [];
  const fields: Fields = new Map();
  const seen = new Map<string, Place>();
  for (const entry of node.entries) {
    const child = children.find((candidate) => candidate.name === entry.key);
    const fieldPath = childPath(path, entry.key);
    if (!child) {
      reportUnknown(entry, children, path, fieldPath, problems);
      continue;
    }
    const first = seen.get(child.name);
    if (first) {
      problems.add('schema', `field given twice (first at line ${first.line})`, entry.keyAt, fieldPath);
      continue;
    }
    seen.set(child.name, entry.keyAt);
    context.positions[fieldPath] = { file: problems.file, ...entry.keyAt };
    const value = checkValue(entry.value, child, fieldPath, entry.keyAt, context);
    if (value !== undefined) fields.set(child.name, value);
  }
  for (const child of children) {
    if (child.required && !seen.has(child.name)) problems.add('schema', 'required field is missing', ownerAt, childPath(path, child.name));
  }
  return fields;
}

function reportUnknown(entry: MapEntry, siblings: readonly FieldSpec[], parentPath: string, fieldPath: string, problems: Problems): void {
  const guess = closestName(entry.key, siblings.map((s) => s.name));
  let hint: string | undefined = guess !== undefined ? `did you mean '${guess}'?` : undefined;
  if (hint === undefined) {
    // A known field in the wrong place, e.g. `phone` at the top instead of under `issuer`.
    const elsewhere = schemaPaths().find(({ path, spec }) => spec.name === entry.key && path !== childPath(parentPath, entry.key));
    if (elsewhere) hint = `'${entry.key}' belongs under '${elsewhere.path.slice(0, elsewhere.path.lastIndexOf('.'))}'`;
  }
  problems.add('schema', 'unknown field', entry.keyAt, fieldPath, hint);
}

function checkValue(node: DataNode, spec: FieldSpec, path: string, keyAt: Place, context: WalkContext): FieldValue | undefined {
  const { problems } = context;
  const isNull = node.type === 'scalar' && node.value === null;
  if (isNull) {
    if (spec.required) problems.add('schema', 'required field has no value', keyAt, path);
    return undefined;
  }
  switch (spec.type) {
    case 'group':
      return checkGroup(node, spec, path, keyAt, context);
    case 'list': {
      if (node.type !== 'list') {
        problems.add('schema', `expected a list, found ${describeNode(node)}`, node.at, path);
        return undefined;
      }
      const items: Fields[] = [];
      node.items.forEach((item, index) => {
        const itemPath = `${path}[${index}]`;
        context.positions[itemPath] = { file: problems.file, ...item.at };
        const fields = checkGroup(item, spec, itemPath, item.at, context);
        if (fields) items.push(fields);
      });
      return items;
    }
    case 'lines':
      return checkLines(node, spec, path, keyAt, context);
    default:
      return checkScalar(node, spec, path, keyAt, context);
  }
}

/** One line, or a non-empty list of lines (`issuer.name`). */
function checkLines(node: DataNode, spec: FieldSpec, path: string, keyAt: Place, context: WalkContext): string[] | undefined {
  if (node.type !== 'list') {
    const line = readText(node, spec, path, keyAt, context);
    return line === undefined ? undefined : [line];
  }
  if (node.items.length === 0) {
    context.problems.add('schema', 'expected at least one line, found an empty list', node.at, path);
    return undefined;
  }
  const lines: string[] = [];
  node.items.forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    context.positions[itemPath] = { file: context.problems.file, ...item.at };
    const line = readText(item, { ...spec, required: true }, itemPath, item.at, context);
    if (line !== undefined) lines.push(line);
  });
  return lines.length === node.items.length ? lines : undefined;
}

function checkScalar(node: DataNode, spec: FieldSpec, path: string, keyAt: Place, context: WalkContext): FieldValue | undefined {
  const text = readText(node, spec, path, keyAt, context);
  if (text === undefined) return undefined;
  let checked: Checked<FieldValue>;
  switch (spec.type) {
    case 'date':
      checked = checkDate(text);
      break;
    case 'lang':
      checked = checkLang(text);
      break;
    case 'timing':
      checked = checkTiming(text);
      break;
    case 'email':
      checked = checkEmail(text);
      break;
    case 'url':
      checked = checkWebsite(text);
      break;
    case 'image':
      checked = checkImage(text, context.dir, context.images);
      break;
    default:
      // A template path is a path in data like any other: it stays in the release's folder.
      if (path !== 'template') return text;
      checked = checkTemplatePath(text, context.dir);
  }
  if (checked.ok) return checked.value;
  context.problems.add(checked.kind ?? 'schema', checked.message, node.at, path, checked.hint);
  return undefined;
}

/**
 * The text of a scalar, checked for control characters and broken surrogates, NFC-normalised
 * and trimmed as its type asks. Numbers and booleans count as the text they were written as.
 */
function readText(node: DataNode, spec: FieldSpec, path: string, keyAt: Place, context: WalkContext): string | undefined {
  const { problems } = context;
  if (node.type !== 'scalar') {
    problems.add('schema', `expected text, found ${describeNode(node)}`, node.at, path);
    return undefined;
  }
  if (node.value === null) {
    if (spec.required) problems.add('schema', 'required field has no value', keyAt, path);
    return undefined;
  }
  let raw = typeof node.value === 'string' ? node.value : node.text;
  if (node.cutByComment && spec.type === 'line') {
    raw = `${raw} ${node.cutByComment}`;
    problems.warn("' #' starts a comment in YAML; the rest of the line was kept as part of the value (put the value in quotes)", node.at, path);
  }
  const problem = textProblem(raw);
  if (problem) {
    problems.add('schema', problem.message, node.verbatim ? placeWithin(node.at, raw, problem.index) : node.at, path);
    return undefined;
  }
  const text = spec.type === 'markdown' ? markdownBlock(raw) : spec.type === 'inline' ? raw.trim().normalize('NFC') : oneLine(raw);
  if (text === '') {
    if (spec.required) problems.add('schema', 'required field is empty', node.at, path);
    return undefined;
  }
  return text;
}
