/**
 * A small scanner over selector text: specificity, the bucket a selector is indexed under
 * (from its rightmost compound), and the first pseudo-class or pseudo-element we cannot honour.
 * Matching itself is left to css-select.
 */

/** Pseudo-classes that depend only on the document tree, so a static layout can honour them. */
const SUPPORTED_PSEUDO_CLASSES = new Set([
  'first-child',
  'last-child',
  'only-child',
  'nth-child',
  'nth-last-child',
  'first-of-type',
  'last-of-type',
  'only-of-type',
  'nth-of-type',
  'nth-last-of-type',
  'not',
  'is',
  'where',
  'matches',
  'has',
  'root',
  'empty',
  'lang',
  'link',
  'any-link',
]);

const LEGACY_PSEUDO_ELEMENTS = new Set(['before', 'after', 'first-line', 'first-letter']);

/** Where a selector is filed: rules are only tried on elements with that id, class or tag. */
export type SelectorKey = { kind: 'id' | 'class' | 'tag'; name: string } | { kind: 'universal' };

export interface SelectorInfo {
  /** a·10⁶ + b·10³ + c, for ids, classes/attributes/pseudo-classes and type selectors. */
  specificity: number;
  key: SelectorKey;
  /** `:hover` or `::before`, when the selector uses something outside the subset. */
  unsupported?: string;
}

const IDENT_CHAR = /[\w\u00a0-\uffff-]/;

function readIdent(text: string, start: number): [string, number] {
  let i = start;
  let name = '';
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      name += text[i + 1];
      i += 2;
    } else if (IDENT_CHAR.test(ch)) {
      name += ch;
      i++;
    } else break;
  }
  return [name, i];
}

/** Index just past the bracket that closes the one at `start`, skipping quoted strings. */
function skipBalanced(text: string, start: number, open: string, close: string): number {
  let depth = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === open) depth++;
    else if (ch === close && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Splits a selector list on commas outside brackets and strings. */
export function splitSelectorList(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' ) i = skipBalanced(text, i, '(', ')') - 1;
    else if (ch === '[') i = skipBalanced(text, i, '[', ']') - 1;
    else if (ch === '"' || ch === "'") i = text.indexOf(ch, i + 1) < 0 ? text.length : text.indexOf(ch, i + 1);
    else if (ch === ',') {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

export function analyzeSelector(selector: string): SelectorInfo {
  let ids = 0;
  let classes = 0;
  let types = 0;
  let unsupported: string | undefined;
  let compound: { id?: string; className?: string; tag?: string } = {};
  let i = 0;
  while (i < selector.length) {
    const ch = selector[i];
    if (/[\s>+~]/.test(ch)) {
      compound = {};
      i++;
    } else if (ch === '#') {
      const [name, next] = readIdent(selector, i + 1);
      ids++;
      compound.id ??= name;
      i = next;
    } else if (ch === '.') {
      const [name, next] = readIdent(selector, i + 1);
      classes++;
      compound.className ??= name;
      i = next;
    } else if (ch === '[') {
      classes++;
      i = skipBalanced(selector, i, '[', ']');
    } else if (ch === ':') {
      const isElement = selector[i + 1] === ':';
      const [rawName, next] = readIdent(selector, i + (isElement ? 2 : 1));
      const name = rawName.toLowerCase();
      let argument: string | undefined;
      i = next;
      if (selector[i] === '(') {
        const end = skipBalanced(selector, i, '(', ')');
        argument = selector.slice(i + 1, end - 1);
        i = end;
      }
      if (isElement || LEGACY_PSEUDO_ELEMENTS.has(name)) {
        unsupported ??= `pseudo-element '::${name}'`;
        types++;
      } else if (!SUPPORTED_PSEUDO_CLASSES.has(name)) {
        unsupported ??= `pseudo-class ':${name}'`;
        classes++;
      } else if (['not', 'is', 'matches', 'has'].includes(name) && argument !== undefined) {
        // These count as their most specific argument; :where counts as nothing.
        const inner = splitSelectorList(argument).map(analyzeSelector);
        unsupported ??= inner.find((s) => s.unsupported)?.unsupported;
        const most = Math.max(0, ...inner.map((s) => s.specificity));
        ids += Math.floor(most / 1e6);
        classes += Math.floor((most % 1e6) / 1e3);
        types += most % 1e3;
      } else if (name !== 'where') {
        classes++;
      }
    } else if (ch === '*') {
      i++;
    } else {
      const [name, next] = readIdent(selector, i);
      if (name === '') {
        i++;
        continue;
      }
      types++;
      compound.tag = name.toLowerCase();
      i = next;
    }
  }
  const key: SelectorKey =
    compound.id !== undefined
      ? { kind: 'id', name: compound.id }
      : compound.className !== undefined
        ? { kind: 'class', name: compound.className }
        : compound.tag !== undefined
          ? { kind: 'tag', name: compound.tag }
          : { kind: 'universal' };
  return { specificity: ids * 1e6 + classes * 1e3 + types, key, unsupported };
}
