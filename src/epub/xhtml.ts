import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Document, Element } from 'domhandler';
import { PressroomError } from '../diagnostics.js';
import { chapterXml, keptByLibrary, type ChapterXml } from './chapter-xml.js';
import type { RenderedRelease } from '../template/types.js';

/** A heading the navigation links to. */
export interface Heading {
  level: 1 | 2;
  id: string;
  text: string;
}

/** What the EPUB stage needs from one rendered XHTML document. */
export interface ParsedRelease {
  /** Our copy of the document, with ids added to headings (used for the font cascade too). */
  dom: Document;
  /**
   * The inner XHTML of `<body>`, image `src`s rewritten to `file://` URLs: as the chapter's
   * final XML when the library's normalisation would keep it, else as HTML for the library.
   */
  body: { xml: ChapterXml } | { html: string };
  /** `class` and `id` of the source `<body>`, carried over to the chapter's body. */
  bodyAttributes: Record<string, string>;
  headings: Heading[];
  images: { src: string; path: string; alt?: string }[];
}

const REMOTE = /^[a-z][a-z0-9+.-]*:/i;

function textOf(node: Element): string {
  return DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
}

/** Gives every h1/h2 an id (in our copy only) so the nav and NCX can point at it. */
function collectHeadings(body: Element, usedIds: Set<string>): Heading[] {
  const headings: Heading[] = [];
  let counter = 0;
  for (const el of DomUtils.findAll((e) => e.name === 'h1' || e.name === 'h2', body.children)) {
    let id = el.attribs.id;
    if (!id) {
      do id = `pressroom-h${++counter}`;
      while (usedIds.has(id));
      usedIds.add(id);
      el.attribs.id = id;
    }
    headings.push({ level: el.name === 'h1' ? 1 : 2, id, text: textOf(el) });
  }
  return headings;
}

/** Maps each `img` to its local asset; anything remote or unknown stops the build. */
function resolveImages(body: Element, rendered: RenderedRelease): ParsedRelease['images'] {
  const file = rendered.template.dir;
  const images: ParsedRelease['images'] = [];
  for (const el of DomUtils.findAll((e) => e.attribs.src !== undefined, body.children)) {
    const src = el.attribs.src;
    if (el.name !== 'img') {
      throw new PressroomError('path', `<${el.name} src="${src}"> cannot go into an EPUB; only images are embedded`, { file });
    }
    const path = Object.hasOwn(rendered.assets, src) ? rendered.assets[src] : undefined;
    if (path === undefined) {
      const why = REMOTE.test(src) ? 'remote images are refused (nothing is fetched while building)' : 'it is not one of the template\'s assets';
      throw new PressroomError('path', `image "${src}" cannot be embedded: ${why}`, { file });
    }
    if (REMOTE.test(path) || !existsSync(path)) {
      throw new PressroomError('path', `image "${src}" points to "${path}", which is not a local file`, { file });
    }
    el.attribs.src = pathToFileURL(path).href;
    images.push({ src, path, alt: el.attribs.alt });
  }
  return images;
}

/** Parses the template's XHTML and extracts the parts the EPUB chapters are built from. */
export function parseRelease(rendered: RenderedRelease): ParsedRelease {
  const dom = parseDocument(rendered.xhtml, { xmlMode: true });
  const body = DomUtils.findOne((e) => e.name === 'body', dom.children);
  if (!body) {
    throw new PressroomError('template', 'the rendered document has no <body>', { file: rendered.template.dir });
  }
  const usedIds = new Set(DomUtils.findAll((e) => e.attribs.id !== undefined, [body]).map((e) => e.attribs.id));
  const headings = collectHeadings(body, usedIds);
  const images = resolveImages(body, rendered);
  const bodyAttributes: Record<string, string> = {};
  for (const name of ['class', 'id']) if (body.attribs[name]) bodyAttributes[name] = body.attribs[name];
  // HTML-style output for the library, which re-parses it as HTML, where `<p/>` would open a
  // paragraph; skipped (~0.5 ms) when the chapter it would make is known already.
  const content = keptByLibrary(body)
    ? { xml: chapterXml(body) }
    : { html: DomUtils.getInnerHTML(body, { xmlMode: false, selfClosingTags: true, encodeEntities: 'utf8' }) };
  return { dom, body: content, bodyAttributes, headings, images };
}
