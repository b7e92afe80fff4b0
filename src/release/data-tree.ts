/**
 * A format-neutral tree of the parsed data with a position on every node, so the
 * validator works the same way for YAML, JSON and Markdown front matter.
 */

/** A 1-based line and column in the original file. */
export interface Place {
  line: number;
  col: number;
}

export interface ScalarNode {
  type: 'scalar';
  /** The parsed value; numbers and booleans stay typed so messages can say what was found. */
  value: string | number | boolean | null;
  /** The value as written (for numbers where text is expected: `phone: 12345`). */
  text: string;
  at: Place;
  /**
   * A YAML comment right after a plain value that ends in a comma, on the same line:
   * `address: 14 Harbour Road, #09-02 Tower` means the unit number, not a comment.
   */
  cutByComment?: string;
  /** The value is the source text itself (a Markdown body), so a character's place can be computed. */
  verbatim?: boolean;
}

export interface MapEntry {
  /** The key as text; a non-text key (a list, say) is given as its source text. */
  key: string;
  keyAt: Place;
  value: DataNode;
}

export interface MapNode {
  type: 'map';
  entries: MapEntry[];
  at: Place;
}

export interface ListNode {
  type: 'list';
  items: DataNode[];
  at: Place;
}

export type DataNode = ScalarNode | MapNode | ListNode;

/** How a node is named in "expected text, found a list". */
export function describeNode(node: DataNode): string {
  if (node.type === 'map') return 'a mapping';
  if (node.type === 'list') return 'a list';
  switch (typeof node.value) {
    case 'number':
      return 'a number';
    case 'boolean':
      return `'${node.text}'`;
    case 'string':
      return 'text';
    default:
      return 'nothing';
  }
}

/** The place of `index` within a verbatim value that starts at `start`. */
export function placeWithin(start: Place, text: string, index: number): Place {
  const before = text.slice(0, index);
  const lastBreak = before.lastIndexOf('\n');
  const breaks = before.split('\n').length - 1;
  return lastBreak === -1 ? { line: start.line, col: start.col + index } : { line: start.line + breaks, col: index - lastBreak };
}

/** Maps an offset in a string of lines to a 1-based place; built once per source text. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string, private readonly lineOffset = 0) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  place(offset: number): Place {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1 + this.lineOffset, col: offset - this.starts[low] + 1 };
  }
}
