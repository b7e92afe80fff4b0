/** Walks the parsed XHTML and builds typed blocks: text blocks, containers, rules and images. */
import type { ChildNode, Element } from 'domhandler';
import type { Warning } from '../diagnostics.js';
import type { StyleResolver } from './cascade.js';
import { type ComputedStyle, toBlockStyle } from './computed-style.js';
import { finishInlines, quotesFor, textRun } from './inlines.js';
import { listMarker } from './markers.js';
import type { Block, BlockRole, Inline } from './types.js';

export interface BuildContext {
  styles: StyleResolver;
  /** The document's language, lower-cased; inlines only carry a lang that differs from it. */
  docLang: string;
  assets: Record<string, string>;
  /** Where problems in the markup are reported: the template's main file. */
  markupFile: string;
  warnings: Warning[];
}

/** What an element passes down besides its style: the language in force and the enclosing link. */
export interface Scope {
  style: ComputedStyle;
  lang: string;
  link?: string;
}

type Prepared = { kind: 'text'; text: string } | { kind: 'element'; element: Element; style: ComputedStyle };

const ROLES: Record<string, BlockRole> = {
  p: 'P',
  h1: 'H1',
  h2: 'H2',
  h3: 'H3',
  h4: 'H4',
  h5: 'H5',
  h6: 'H6',
  ul: 'L',
  ol: 'L',
  li: 'LI',
  blockquote: 'BlockQuote',
  figure: 'Figure',
  img: 'Figure',
  section: 'Sect',
  article: 'Sect',
};

function roleOf(element: Element, style: ComputedStyle): BlockRole {
  return ROLES[element.name] ?? (style.display === 'list-item' ? 'LI' : 'Div');
}

function isBlockLevel(item: Prepared): boolean {
  return item.kind === 'element' && (item.element.name === 'img' || item.style.display !== 'inline');
}

/** The element's children with their computed styles; comments and `display: none` left out. */
export function prepareChildren(nodes: ChildNode[], parent: ComputedStyle, ctx: BuildContext): Prepared[] {
  const prepared: Prepared[] = [];
  for (const node of nodes) {
    if (node.type === 'text') prepared.push({ kind: 'text', text: node.data });
    else if (node.type === 'cdata') {
      for (const child of node.children) if (child.type === 'text') prepared.push({ kind: 'text', text: child.data });
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const style = ctx.styles.styleOf(node, parent);
      if (style.display !== 'none') prepared.push({ kind: 'element', element: node, style });
    }
  }
  return prepared;
}

function scopeOf(element: Element, style: ComputedStyle, parent: Scope): Scope {
  const lang = element.attribs.lang ?? element.attribs['xml:lang'];
  const href = element.name === 'a' ? element.attribs.href : undefined;
  const scope: Scope = { style, lang: lang !== undefined ? lang.toLowerCase() : parent.lang };
  const link = href ?? parent.link;
  if (link !== undefined) scope.link = link;
  return scope;
}

function identity(element: Element): { id?: string; classes: string[] } {
  const classes = (element.attribs.class ?? '').split(/\s+/).filter((c) => c !== '');
  return element.attribs.id ? { id: element.attribs.id, classes } : { classes };
}

function collectInlines(items: Prepared[], scope: Scope, ctx: BuildContext, out: Inline[]): void {
  const lang = scope.lang !== ctx.docLang ? scope.lang : undefined;
  for (const item of items) {
    if (item.kind === 'text') {
      out.push(textRun(item.text, scope.style, scope.link, lang));
      continue;
    }
    const { element, style } = item;
    if (element.name === 'br') {
      out.push({ kind: 'break' });
    } else if (element.name === 'img') {
      ctx.warnings.push({ file: ctx.markupFile, message: `image '${element.attribs.src ?? ''}' inside inline text is not supported; dropped` });
    } else {
      const inner = scopeOf(element, style, scope);
      const innerLang = inner.lang !== ctx.docLang ? inner.lang : undefined;
      const quotes = element.name === 'q' ? quotesFor(inner.lang) : undefined;
      if (quotes) out.push(textRun(quotes[0], style, inner.link, innerLang));
      collectInlines(prepareChildren(element.children, style, ctx), inner, ctx, out);
      if (quotes) out.push(textRun(quotes[1], style, inner.link, innerLang));
    }
  }
}

/** Lays the marker of a list item that holds blocks on its first line, as a browser does. */
function giveMarker(blocks: Block[], marker: string): void {
  for (const block of blocks) {
    if (block.kind === 'text') {
      block.marker ??= marker;
      return;
    }
    if (block.kind === 'container') return giveMarker(block.children, marker);
    return;
  }
}

function imageBlock(element: Element, style: ComputedStyle, ctx: BuildContext): Block | null {
  const src = element.attribs.src ?? '';
  const path = Object.hasOwn(ctx.assets, src) ? ctx.assets[src] : undefined;
  if (path === undefined) {
    ctx.warnings.push({ file: ctx.markupFile, message: `image '${src}' is not among the release's assets; dropped` });
    return null;
  }
  const blockStyle = { ...toBlockStyle(style) };
  // Width and height attributes are CSS pixels; the style sheet wins over them.
  for (const dimension of ['width', 'height'] as const) {
    const attribute = Number(element.attribs[dimension]);
    if (blockStyle[dimension] === undefined && attribute > 0) blockStyle[dimension] = attribute * 0.75;
  }
  return { kind: 'image', role: 'Figure', style: blockStyle, path, alt: element.attribs.alt ?? '', classes: identity(element).classes };
}

function elementBlock(element: Element, scope: Scope, ctx: BuildContext, marker?: string): Block | null {
  const { style } = scope;
  if (element.name === 'img') return imageBlock(element, style, ctx);
  if (element.name === 'hr') return { kind: 'rule', style: toBlockStyle(style), classes: identity(element).classes };
  const children = prepareChildren(element.children, style, ctx);
  const role = roleOf(element, style);
  if (children.some(isBlockLevel)) {
    const blocks = buildBlocks(children, scope, ctx, element);
    if (marker !== undefined) giveMarker(blocks, marker);
    return { kind: 'container', role, style: toBlockStyle(style), children: blocks, ...identity(element) };
  }
  const raw: Inline[] = [];
  collectInlines(children, scope, ctx, raw);
  const block: Block = { kind: 'text', role, style: toBlockStyle(style), inlines: finishInlines(raw), ...identity(element) };
  if (marker !== undefined) block.marker = marker;
  return block;
}

interface ListCounter {
  next: number;
  step: 1 | -1;
}

/** Where numbering starts among one element's list items, honouring `start` and `reversed`. */
function listCounter(parent: Element | undefined, items: Prepared[]): ListCounter {
  const reversed = parent?.name === 'ol' && parent.attribs.reversed !== undefined;
  const count = items.filter((i) => i.kind === 'element' && i.style.display === 'list-item').length;
  const start = parent?.name === 'ol' ? Number.parseInt(parent.attribs.start ?? '', 10) : Number.NaN;
  return { next: Number.isNaN(start) ? (reversed ? count : 1) : start, step: reversed ? -1 : 1 };
}

/**
 * Blocks for a run of children: block-level children become blocks; runs of inline content
 * between them become anonymous paragraphs (role P), as CSS wraps them in anonymous boxes.
 */
export function buildBlocks(items: Prepared[], scope: Scope, ctx: BuildContext, parent?: Element): Block[] {
  const blocks: Block[] = [];
  let pending: Inline[] = [];
  const flush = (): void => {
    const inlines = finishInlines(pending);
    pending = [];
    if (inlines.length === 0) return;
    const style = toBlockStyle(ctx.styles.inheritedFrom(scope.style));
    blocks.push({ kind: 'text', role: 'P', style, inlines, classes: [] });
  };
  let counter: ListCounter | undefined;
  for (const item of items) {
    if (!isBlockLevel(item) || item.kind !== 'element') {
      collectInlines([item], scope, ctx, pending);
      continue;
    }
    flush();
    const { element, style } = item;
    let marker: string | undefined;
    if (style.display === 'list-item') {
      counter ??= listCounter(parent, items);
      // An item's `value` renumbers it and the items after it.
      const value = Number.parseInt(element.attribs.value ?? '', 10);
      if (!Number.isNaN(value)) counter.next = value;
      marker = listMarker(counter.next, style.listStyleType);
      counter.next += counter.step;
    }
    const block = elementBlock(element, scopeOf(element, style, scope), ctx, marker);
    if (block) blocks.push(block);
  }
  flush();
  return blocks;
}
