import type { Box, PageStyle } from '../document/types.js';
import type { FlowElement } from './flow.js';
import type { OutlineEntry, PageItem } from './types.js';

/** Lets a float rounding error not push an element that exactly fits onto the next page. */
const epsilon = 0.01;

export function pageMargin(page: PageStyle, number: number): Box {
  return number === 1 ? page.firstMargin : page.margin;
}

/** One page's share of the vertical list: elements [start, end). */
export interface PageSlice {
  start: number;
  end: number;
  /** The page begins after a forced break (or the document start): its first margin is kept. */
  keepMargin: boolean;
}

/**
 * Fills pages greedily; when an element does not fit, breaks before the cheapest element on the
 * page (latest among equals), so keeps, widows and orphans move lines forward when they can.
 */
export function paginate(elements: FlowElement[], page: PageStyle): PageSlice[] {
  const slices: PageSlice[] = [];
  let start = 0;
  let keepMargin = true;
  while (start < elements.length) {
    const margin = pageMargin(page, slices.length + 1);
    const bottom = page.height - margin.bottom;
    let y = margin.top;
    let k = start;
    let overflow = false;
    for (; k < elements.length; k++) {
      const e = elements[k];
      if (k > start && e.forced) break;
      const space = (k > start || keepMargin ? e.margin : 0) + e.fixed;
      if (k > start && y + space + e.height > bottom + epsilon) {
        overflow = true;
        break;
      }
      y += space + e.height;
    }
    let end = k;
    if (overflow) {
      let level = Infinity;
      for (let j = k; j > start && level > 0; j--) {
        if (elements[j].level < level) {
          level = elements[j].level;
          end = j;
        }
      }
    }
    slices.push({ start, end, keepMargin });
    keepMargin = end < elements.length && elements[end].forced;
    start = end;
  }
  return slices;
}

/**
 * Items of elements[start, end) stacked from `top`, moved right by `left`. The items are moved,
 * not copied (a justified line has a run per word): each element is placed once.
 */
export function placeElements(
  elements: FlowElement[],
  start: number,
  end: number,
  keepMargin: boolean,
  left: number,
  top: number,
  onOutline?: (entry: Omit<OutlineEntry, 'page'>) => void,
): PageItem[] {
  const items: PageItem[] = [];
  let y = top;
  for (let k = start; k < end; k++) {
    const e = elements[k];
    y += (k > start || keepMargin ? e.margin : 0) + e.fixed;
    if (e.outline) onOutline?.({ title: e.outline.title, level: e.outline.level, y });
    for (const item of e.items) items.push(moveItem(item, left, y));
    y += e.height;
  }
  return items;
}

/** Total height of elements stacked as placeElements does. */
export function stackHeight(elements: FlowElement[], keepMargin: boolean): number {
  return elements.reduce((h, e, k) => h + (k > 0 || keepMargin ? e.margin : 0) + e.fixed + e.height, 0);
}

function moveItem(item: PageItem, dx: number, dy: number): PageItem {
  item.x += dx;
  item.y += dy;
  if (item.kind === 'line') for (const run of item.runs) run.x += dx;
  return item;
}
