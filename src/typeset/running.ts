import type { Document } from '../document/types.js';
import { flowBlocks, type BlockContext } from './blocks.js';
import { Flow } from './flow.js';
import { pageMargin, placeElements, stackHeight } from './paginate.js';
import type { PageItem } from './types.js';

/** Most space between a running head (or footer) and the body, when the margin has room. */
const maxGap = 18;

/**
 * Sets the running head just above the top margin's edge and the footer just below the bottom
 * one (centred in the margin when it is tight). Done after pagination, since `pages` is known
 * only then; the margins are not part of the body, so the body layout cannot change.
 */
export function runningItems(doc: Document, number: number, pages: number, ctx: BlockContext): PageItem[] {
  const margin = pageMargin(doc.page, number);
  const width = doc.page.width - margin.left - margin.right;
  const items: PageItem[] = [];
  for (const part of ['header', 'footer'] as const) {
    const blocks = doc.running(part, number, pages);
    if (blocks.length === 0) continue;
    const flow = new Flow();
    flowBlocks(blocks, 0, width, 0, flow, { ...ctx, structure: null, artifact: part });
    const height = stackHeight(flow.elements, false);
    const room = part === 'header' ? margin.top : margin.bottom;
    const gap = Math.min(maxGap, Math.max(0, (room - height) / 2));
    const top = part === 'header' ? margin.top - gap - height : doc.page.height - margin.bottom + gap;
    items.push(...placeElements(flow.elements, 0, flow.elements.length, false, margin.left, top));
  }
  return items;
}
