/** `@page` and `@page :first`: page size and margins, resolved to a PageStyle per build. */
import type { AtRule, ChildNode } from 'postcss';
import { PressroomError } from '../diagnostics.js';
import type { Box, PageStyle } from './types.js';
import { parseDeclaration } from './properties.js';
import { type Length, parseLength, resolveLength, splitValue } from './values.js';

type Edge = keyof Box;
const EDGES: Edge[] = ['top', 'right', 'bottom', 'left'];

export interface PageSizeSpec {
  dimensions?: [number, number];
  orientation?: 'portrait' | 'landscape';
}

export interface PageDeclarations {
  size: PageSizeSpec;
  margin: Partial<Record<Edge, Length>>;
  firstMargin: Partial<Record<Edge, Length>>;
}

export function emptyPageDeclarations(): PageDeclarations {
  return { size: {}, margin: {}, firstMargin: {} };
}

const mm = (n: number): number => Math.round(((n * 72) / 25.4) * 100) / 100;

const NAMED_SIZES: Record<string, [number, number]> = {
  a3: [mm(297), mm(420)],
  a4: [mm(210), mm(297)],
  a5: [mm(148), mm(210)],
  b4: [mm(250), mm(353)],
  b5: [mm(176), mm(250)],
  'jis-b4': [mm(257), mm(364)],
  'jis-b5': [mm(182), mm(257)],
  letter: [612, 792],
  legal: [612, 1008],
  ledger: [792, 1224],
};

export const DEFAULT_PAGE_SIZE = NAMED_SIZES.a4;
const DEFAULT_MARGIN = 72;
/** Page margins in em are taken against the initial font size, as in a browser's @page. */
const PAGE_FONT_SIZE = 12;

/** `A4`, `A5 landscape`, `letter`, `210mm 297mm`, `landscape`, `auto`; null when not a size. */
export function parsePageSize(value: string): PageSizeSpec | null {
  const spec: PageSizeSpec = {};
  const lengths: number[] = [];
  for (const token of splitValue(value.toLowerCase())) {
    const length = parseLength(token);
    if (token === 'portrait' || token === 'landscape') spec.orientation = token;
    else if (token in NAMED_SIZES && !spec.dimensions) spec.dimensions = NAMED_SIZES[token];
    else if (length && length.unit !== '%' && length.value > 0) {
      lengths.push(resolveLength(length, PAGE_FONT_SIZE, PAGE_FONT_SIZE, 0));
    } else if (token !== 'auto') return null;
  }
  if (lengths.length > 0) {
    if (spec.dimensions || spec.orientation || lengths.length > 2) return null;
    spec.dimensions = [lengths[0], lengths[1] ?? lengths[0]];
  }
  return spec;
}

/** Reads one `@page` rule into `target`, warning about what the subset does not cover. */
export function readPageRule(rule: AtRule, target: PageDeclarations, warn: (node: ChildNode, message: string) => void): void {
  const selector = rule.params.trim().toLowerCase();
  const first = selector === ':first';
  const supportedSelector = selector === '' || first;
  for (const node of rule.nodes ?? []) {
    if (node.type === 'atrule') {
      node.walkDecls((decl) => warn(decl, `unsupported CSS at-rule '@${node.name}' ignored`));
      if (!node.nodes?.length) warn(node, `unsupported CSS at-rule '@${node.name}' ignored`);
      continue;
    }
    if (node.type !== 'decl') continue;
    const property = node.prop.toLowerCase();
    if (!supportedSelector) {
      warn(node, `unsupported CSS @page selector '${rule.params.trim()}' ignored`);
    } else if (property === 'size' && !first) {
      const size = parsePageSize(node.value);
      if (size) target.size = size;
      else warn(node, `invalid value '${node.value}' for CSS property 'size' ignored`);
    } else if (property === 'margin' || /^margin-(top|right|bottom|left)$/.test(property)) {
      const result = parseDeclaration(property, node.value);
      const margins = first ? target.firstMargin : target.margin;
      if ('ok' in result && Object.values(result.ok).every((v) => typeof v === 'object')) {
        for (const edge of EDGES) {
          const length = result.ok[`margin-${edge}`];
          if (typeof length === 'object') margins[edge] = length;
        }
      } else warn(node, `invalid value '${node.value}' for CSS property '${property}' ignored`);
    } else {
      warn(node, `unsupported CSS property '${property}' in @page${first ? ' :first' : ''} ignored`);
    }
  }
}

/** The page for one build; `pageSize` (from the caller's options) wins over the style sheet. */
export function resolvePageStyle(page: PageDeclarations, pageSize?: string): PageStyle {
  let size = page.size;
  if (pageSize !== undefined) {
    const override = parsePageSize(pageSize);
    if (!override) {
      throw new PressroomError('schema', `unknown page size '${pageSize}'`, { file: 'pageSize' }, undefined, 'use A4, A5, letter, legal or two lengths such as "210mm 297mm"');
    }
    size = override;
  }
  let [width, height] = size.dimensions ?? DEFAULT_PAGE_SIZE;
  if ((size.orientation === 'landscape' && width < height) || (size.orientation === 'portrait' && width > height)) {
    [width, height] = [height, width];
  }
  const resolveBox = (lengths: Partial<Record<Edge, Length>>, fallback?: Box): Box => {
    const box = {} as Box;
    for (const edge of EDGES) {
      const length = lengths[edge];
      const base = edge === 'left' || edge === 'right' ? width : height;
      box[edge] = length ? resolveLength(length, PAGE_FONT_SIZE, PAGE_FONT_SIZE, base) : (fallback?.[edge] ?? DEFAULT_MARGIN);
    }
    return box;
  };
  const margin = resolveBox(page.margin);
  return { width, height, margin, firstMargin: resolveBox(page.firstMargin, margin) };
}
