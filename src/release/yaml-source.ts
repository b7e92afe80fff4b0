import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { DataNode, MapEntry, Place } from './data-tree.js';
import type { Problems } from './problems.js';

/** Collections deeper than the schema goes are kept as empty shells: only their kind matters. */
const MAX_DEPTH = 6;
/** Aliases can multiply a small file into a huge tree ("billion laughs"); stop well before. */
const MAX_NODES = 100_000;

class TooManyNodes extends Error {}

/**
 * Parses YAML into a positioned tree. Syntax errors go to `problems` and give `undefined`.
 * `lineOffset` is the number of lines before `text` in the file (Markdown front matter).
 */
export function parseYaml(text: string, problems: Problems, lineOffset = 0): DataNode | undefined {
  const lineCounter = new LineCounter();
  // Duplicate keys are reported by the validator, which can name the field.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const placeOf = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, col };
  };
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      if (/call stack/i.test(error.message)) problems.add('limit', 'the data is nested too deeply', placeOf(error.pos[0]));
      else problems.add('syntax', syntaxMessage(error.code, error.message), placeOf(error.pos[0]));
    }
    return undefined;
  }
  const converter = new Converter(doc, text, placeOf, problems);
  try {
    return converter.convert(doc.contents, placeOf(0), 0);
  } catch (error) {
    if (!(error instanceof TooManyNodes)) throw error;
    problems.add('limit', `aliases expand to more than ${MAX_NODES} values`, placeOf(0), undefined, 'write the values out instead of repeating an alias');
    return undefined;
  }
}

/** The YAML library's message, except where it speaks to a programmer rather than a writer. */
function syntaxMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return "a release file holds one YAML document; this '---' starts a second";
  return firstLine(message);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').trim();
}

class Converter {
  private nodes = 0;

  constructor(
    private readonly doc: Document,
    private readonly text: string,
    private readonly placeOf: (offset: number) => Place,
    private readonly problems: Problems,
  ) {}

  /** `fallback` places a missing value (`title:` with nothing after it) at its key. */
  convert(node: unknown, fallback: Place, depth: number): DataNode {
    if (++this.nodes > MAX_NODES) throw new TooManyNodes();
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (target === undefined) {
        this.problems.add('syntax', `unknown alias *${node.source}`, this.at(node, fallback));
        return { type: 'scalar', value: null, text: '', at: this.at(node, fallback) };
      }
      return this.convert(target, this.at(node, fallback), depth);
    }
    if (isMap(node)) {
      const entries = depth < MAX_DEPTH ? node.items.map((pair) => this.entry(pair.key, pair.value, depth)) : [];
      return { type: 'map', entries, at: this.at(node, fallback) };
    }
    if (isSeq(node)) {
      const items =
        depth < MAX_DEPTH
          ? node.items.map((item) => {
              // `[a: b]` gives a bare pair inside a flow sequence: a one-entry mapping.
              if (!isPair(item)) return this.convert(item, this.at(node, fallback), depth + 1);
              const entry = this.entry(item.key, item.value, depth + 1);
              return { type: 'map' as const, entries: [entry], at: entry.keyAt };
            })
          : [];
      return { type: 'list', items, at: this.at(node, fallback) };
    }
    if (isScalar(node)) {
      const at = this.at(node, fallback);
      const value = node.value;
      if (typeof value === 'string') return { type: 'scalar', value, text: value, at, ...this.cutByComment(node) };
      const written = this.source(node);
      if (value === null || value === undefined) return { type: 'scalar', value: null, text: written, at };
      if (typeof value === 'number' || typeof value === 'boolean') return { type: 'scalar', value, text: written, at };
      // Dates (YAML 1.1 documents), big integers and the like: what was written is what counts.
      return { type: 'scalar', value: written, text: written, at };
    }
    return { type: 'scalar', value: null, text: '', at: fallback };
  }

  private entry(key: unknown, value: unknown, depth: number): MapEntry {
    const keyAt = this.at(key, this.placeOf(0));
    let name: string;
    if (isScalar(key)) name = typeof key.value === 'string' ? key.value : this.source(key);
    else if (isAlias(key)) name = `*${key.source}`;
    else name = key === null || key === undefined ? '' : this.source(key as YamlNode);
    return { key: name, keyAt, value: this.convert(value, keyAt, depth + 1) };
  }

  private cutByComment(node: Scalar): { cutByComment?: string } {
    if (node.type !== 'PLAIN' || !node.range || !String(node.value).endsWith(',')) return {};
    const rest = /^[ \t]+(#[^\n]*)/.exec(this.text.slice(node.range[1]));
    return rest ? { cutByComment: rest[1].trimEnd() } : {};
  }

  private at(node: unknown, fallback: Place): Place {
    const range = (node as YamlNode | null | undefined)?.range;
    return range ? this.placeOf(range[0]) : fallback;
  }

  private source(node: YamlNode): string {
    return node.range ? this.text.slice(node.range[0], node.range[1]) : '';
  }
}
