import { PressroomError } from '../diagnostics.js';
import type { Block, Document, PageStyle } from '../document/types.js';
import { raiseHint } from '../limits.js';

/** PDF viewers refuse pages larger than 14 400 pt (200 in, about 5 m) a side. */
const LARGEST_PAGE = 14_400;

const PAGE_HINT = 'change @page size and margin in the template\'s style.css, or --page-size';

function textBlocks(blocks: Block[], out: Extract<Block, { kind: 'text' }>[] = []): Extract<Block, { kind: 'text' }>[] {
  for (const block of blocks) {
    if (block.kind === 'text') out.push(block);
    else if (block.kind === 'container') textBlocks(block.children, out);
  }
  return out;
}

function textArea(page: PageStyle, margin = page.margin): { width: number; height: number } {
  return { width: page.width - margin.left - margin.right, height: page.height - margin.top - margin.bottom };
}

/**
 * Refuses a page that cannot hold the text before typesetting starts: margins that leave no
 * room, a page no viewer opens, or a line taller or a letter wider than the text area.
 */
export function checkPageRoom(doc: Document, stylesheet: string): void {
  const { page } = doc;
  const fail = (message: string) => {
    throw new PressroomError('layout', message, { file: stylesheet }, '@page', PAGE_HINT);
  };
  if (!(page.width > 0 && page.height > 0)) fail(`the page size ${page.width} × ${page.height} pt leaves no room for text`);
  if (page.width > LARGEST_PAGE || page.height > LARGEST_PAGE) fail(`the page is ${Math.round(page.width)} × ${Math.round(page.height)} pt; PDF pages are at most ${LARGEST_PAGE} pt (5 m) a side`);
  for (const margin of [page.margin, page.firstMargin]) {
    if (Math.min(margin.top, margin.right, margin.bottom, margin.left) < 0) fail('a page margin is below zero, which puts text off the page');
    const area = textArea(page, margin);
    if (area.width <= 0 || area.height <= 0) {
      fail(`the margins leave no room for text on a ${Math.round(page.width)} × ${Math.round(page.height)} pt page`);
    }
  }
  const area = textArea(page);
  for (const block of textBlocks(doc.blocks)) {
    const { fontSize, lineHeight } = block.style;
    if (lineHeight > area.height || fontSize > area.height) {
      fail(`a line of ${Math.round(Math.max(lineHeight, fontSize))} pt text does not fit in the ${Math.round(area.height)} pt tall text area`);
    }
    if (fontSize > area.width) fail(`${Math.round(fontSize)} pt text does not fit in the ${Math.round(area.width)} pt wide text area`);
  }
}

/**
 * A lower bound on the pages the document will take, cheap enough to run before typesetting:
 * every text block takes a line at least, and its letters at least a third of an em each.
 */
export function leastPages(doc: Document): number {
  const area = textArea(doc.page);
  if (area.width <= 0 || area.height <= 0) return 1;
  let height = 0;
  for (const block of textBlocks(doc.blocks)) {
    const { fontSize } = block.style;
    let letters = 0;
    for (const inline of block.inlines) if (inline.kind === 'text') letters += inline.text.length;
    const lines = Math.max(1, Math.ceil((letters * fontSize) / 3 / area.width));
    height += lines * fontSize;
  }
  return Math.max(1, Math.ceil(height / area.height));
}

/** The page limit's error, for the estimate before typesetting and the count after it. */
export function tooManyPages(file: string, pages: number, maxPages: number, estimated: boolean): PressroomError {
  const count = estimated ? `at least ${pages} pages` : `${pages} pages`;
  return new PressroomError('limit', `the PDF would have ${count}, more than the limit of ${maxPages}`, { file }, undefined, raiseHint('maxPages'));
}
