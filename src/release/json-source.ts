import { LineIndex, type DataNode, type MapEntry, type Place } from './data-tree.js';
import type { Problems } from './problems.js';
import { codePointName, quote } from './problems.js';

/** Deeper nesting is refused rather than risking the stack; no release comes close. */
const MAX_DEPTH = 500;

class JsonSyntaxError extends Error {
  constructor(message: string, readonly offset: number, readonly hint?: string, readonly kind: 'syntax' | 'limit' = 'syntax') {
    super(message);
  }
}

/**
 * Parses JSON into a positioned tree. The first syntax error goes to `problems` with its
 * JSON line and column (JSON.parse neither gives positions nor keeps them).
 */
export function parseJson(text: string, problems: Problems): DataNode | undefined {
  const lines = new LineIndex(text);
  const parser = new JsonParser(text, lines);
  try {
    const root = parser.value(0);
    parser.skipSpace();
    if (parser.offset < text.length) throw new JsonSyntaxError(`unexpected ${parser.describeNext()} after the end of the data`, parser.offset);
    return root;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    problems.add(error.kind, error.message, lines.place(error.offset), undefined, error.hint);
    return undefined;
  }
}

class JsonParser {
  offset = 0;

  constructor(private readonly text: string, private readonly lines: LineIndex) {}

  value(depth: number): DataNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`nested more than ${MAX_DEPTH} levels deep`, this.offset, undefined, 'limit');
    this.skipSpace();
    const start = this.offset;
    const at = this.lines.place(start);
    const c = this.text[start];
    if (c === '{') return this.object(at, depth);
    if (c === '[') return this.array(at, depth);
    if (c === '"') {
      const value = this.string();
      return { type: 'scalar', value, text: value, at };
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, start)) {
        this.offset += word.length;
        return { type: 'scalar', value, text: word, at };
      }
    }
    const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    number.lastIndex = start;
    const match = number.exec(this.text);
    if (match && match[0] !== '-') {
      this.offset += match[0].length;
      return { type: 'scalar', value: Number(match[0]), text: match[0], at };
    }
    throw new JsonSyntaxError(`expected a value, found ${this.describeNext()}`, start);
  }

  private object(at: Place, depth: number): DataNode {
    this.offset++;
    const entries: MapEntry[] = [];
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset++;
      return { type: 'map', entries, at };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] !== '"') {
        const hint = this.text[this.offset] === '}' && entries.length > 0 ? 'JSON allows no comma before }' : undefined;
        throw new JsonSyntaxError(`expected a field name in double quotes, found ${this.describeNext()}`, this.offset, hint);
      }
      const keyAt = this.lines.place(this.offset);
      const key = this.string();
      this.expect(':');
      entries.push({ key, keyAt, value: this.value(depth + 1) });
      if (this.endOrComma('}')) return { type: 'map', entries, at };
    }
  }

  private array(at: Place, depth: number): DataNode {
    this.offset++;
    const items: DataNode[] = [];
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset++;
      return { type: 'list', items, at };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] === ']') throw new JsonSyntaxError('expected a value, found \']\'', this.offset, 'JSON allows no comma before ]');
      items.push(this.value(depth + 1));
      if (this.endOrComma(']')) return { type: 'list', items, at };
    }
  }

  /** After an entry: `,` means more follow, `close` ends the collection. */
  private endOrComma(close: '}' | ']'): boolean {
    this.skipSpace();
    const c = this.text[this.offset];
    if (c === ',' || c === close) {
      this.offset++;
      return c === close;
    }
    throw new JsonSyntaxError(`expected ',' or '${close}', found ${this.describeNext()}`, this.offset);
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.offset] !== char) throw new JsonSyntaxError(`expected '${char}', found ${this.describeNext()}`, this.offset);
    this.offset++;
  }

  private string(): string {
    const start = this.offset;
    this.offset++;
    let out = '';
    for (;;) {
      const c = this.text[this.offset];
      if (c === undefined) throw new JsonSyntaxError('text in double quotes is not closed', start);
      if (c === '"') {
        this.offset++;
        return out;
      }
      const code = c.charCodeAt(0);
      if (code < 0x20) throw new JsonSyntaxError(`control character ${codePointName(code)} inside double quotes`, this.offset, code === 10 ? 'write a line break as \\n' : undefined);
      if (c !== '\\') {
        out += c;
        this.offset++;
        continue;
      }
      out += this.escape();
    }
  }

  private escape(): string {
    const at = this.offset;
    const c = this.text[at + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (c !== undefined && Object.hasOwn(simple, c)) {
      this.offset += 2;
      return simple[c];
    }
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(at + 2, at + 6))) {
      this.offset += 6;
      return String.fromCharCode(parseInt(this.text.slice(at + 2, at + 6), 16));
    }
    throw new JsonSyntaxError(`invalid escape ${quote(this.text.slice(at, at + 2))}`, at);
  }

  skipSpace(): void {
    while (this.offset < this.text.length && ' \t\n\r'.includes(this.text[this.offset])) this.offset++;
  }

  describeNext(): string {
    if (this.offset >= this.text.length) return 'the end of the file';
    return quote(String.fromCodePoint(this.text.codePointAt(this.offset)!));
  }
}
