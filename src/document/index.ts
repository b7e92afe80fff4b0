/**
 * The document stage: the rendered XHTML and the template's style sheet become a Document of
 * typed blocks with computed styles, which the typesetter lays out. Pure: no fonts, no PDFKit.
 */
import { join } from 'node:path';
import { type ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { Warning } from '../diagnostics.js';
import type { RenderedRelease } from '../template/types.js';
import { type BuildContext, type Scope, buildBlocks, prepareChildren } from './blocks.js';
import { createStyleResolver } from './cascade.js';
import { type ComputedStyle, INITIAL_STYLE, type StyleEnvironment } from './computed-style.js';
import { resolvePageStyle } from './page-rules.js';
import { compileStylesheet } from './stylesheet.js';
import type { Block, Document } from './types.js';
import { userAgentStylesheet } from './user-agent.js';

export { dumpBlocks, dumpDocument } from './dump.js';
export { compileStylesheet } from './stylesheet.js';

export interface BuildDocumentOptions {
  /** Overrides the style sheet's `@page { size }`: `A4`, `letter`, `A5 landscape`, `210mm 297mm`. */
  pageSize?: string;
}

/** XHTML parsed leniently, as a browser's HTML parser would, but with `<x/>` closing the element. */
const PARSE_OPTIONS = { recognizeSelfClosing: true, recognizeCDATA: true };

/** One object, so computed styles under it are shared between right-to-left documents too. */
const INITIAL_STYLE_RTL: ComputedStyle = { ...INITIAL_STYLE, textAlign: 'right' };

function findElement(nodes: ChildNode[], name: string): Element | undefined {
  for (const node of nodes) if (node instanceof Element && node.name === name) return node;
  return undefined;
}

export function buildDocument(rendered: RenderedRelease, options: BuildDocumentOptions = {}): Document {
  const { path, text } = rendered.template.stylesheet;
  const author = compileStylesheet(path, text);
  const page = resolvePageStyle(author.page, options.pageSize);
  const dom = parseDocument(rendered.xhtml, PARSE_OPTIONS);
  const html = findElement(dom.children, 'html');
  const body = html ? findElement(html.children, 'body') : undefined;
  const lang = html?.attribs.lang ?? html?.attribs['xml:lang'] ?? rendered.lang;
  const dirAttribute = html?.attribs.dir;
  const dir = dirAttribute === 'rtl' || dirAttribute === 'ltr' ? dirAttribute : rendered.dir;

  const warnings: Warning[] = [...author.warnings];
  const env: StyleEnvironment = {
    rootFontSize: INITIAL_STYLE.fontSize,
    containerWidth: page.width - page.margin.left - page.margin.right,
    dir,
  };
  const markupFile = join(rendered.template.dir, 'release.hbs');
  const styles = createStyleResolver(userAgentStylesheet(), author, env, markupFile, warnings);
  const ctx: BuildContext = { styles, docLang: lang.toLowerCase(), assets: rendered.assets, markupFile, warnings };

  // text-align's initial value is `start`, which is the right edge in a right-to-left document.
  const rootParent = dir === 'rtl' ? INITIAL_STYLE_RTL : INITIAL_STYLE;
  const htmlStyle = html ? styles.styleOf(html, rootParent) : rootParent;
  env.rootFontSize = htmlStyle.fontSize;
  const bodyStyle: ComputedStyle = body ? styles.styleOf(body, htmlStyle) : htmlStyle;
  const bodyScope: Scope = { style: bodyStyle, lang: ctx.docLang };
  const content = body?.children ?? html?.children ?? dom.children;
  const blocks = buildBlocks(prepareChildren(content, bodyStyle, ctx), bodyScope, ctx, body);

  const runningBlocks = new Map<string, Block[]>();
  const running = (part: 'header' | 'footer', pageNumber: number, pages: number): Block[] => {
    const fragment = rendered.renderRunning(part, { page: pageNumber, pages });
    if (fragment.trim() === '') return [];
    const cached = runningBlocks.get(fragment);
    if (cached) return cached;
    // The fragment sits where a child of <body> would, so body rules and inheritance apply.
    const nodes = parseDocument(fragment, PARSE_OPTIONS).children;
    const virtualBody = new Element('body', { ...(body?.attribs ?? {}) }, nodes);
    virtualBody.parent = html ?? null;
    for (const node of nodes) node.parent = virtualBody;
    const fragmentWarnings: Warning[] = [];
    const fragmentCtx: BuildContext = { ...ctx, warnings: fragmentWarnings };
    const built = buildBlocks(prepareChildren(nodes, bodyStyle, fragmentCtx), bodyScope, fragmentCtx, virtualBody);
    for (const warning of fragmentWarnings) {
      if (!warnings.some((w) => w.message === warning.message && w.file === warning.file)) warnings.push(warning);
    }
    runningBlocks.set(fragment, built);
    return built;
  };

  return { lang, dir, title: rendered.meta.title, blocks, page, running, warnings };
}
