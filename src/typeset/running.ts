import type { Block, Document } from '../document/types.js';
import { flowBlocks, type BlockContext } from './blocks.js';
import { Flow, type FlowElement } from './flow.js';
import { pageMargin, placeElements, stackHeight } from './paginate.js';
import type { PageItem } from './types.js';

/** Most space between a running head (or footer) and the body, when the margin has room. */
const maxGap = 18;

/** A running part as laid out once: its elements, never placed themselves (placing moves items). */
interface LaidOut {
  blocks: Block[];
  width: number;
  elements: FlowElement[];
}

/**
 * Sets the running head just above the top margin's edge and the footer just below the bottom
 * one (centred in the margin when it is tight). Done after pagination, since `pages` is known
 * only then; the margins are not part of the body, so the body layout cannot change.
 *
 * The returned function gives a page's items. A part whose blocks and width are those of an
 * earlier page (a running head from page 2 on) is laid out once and copied.
 */
export function runningSetter(doc: Document, ctx: BlockContext): (number: number, pages: number) => PageItem[] {
  const laidOut = new Map<'header' | 'footer', LaidOut>();
  const layOut = (part: 'header' | 'footer', blocks: Block[], width: number): FlowElement[] => {
    const known = laidOut.get(part);
    if (known && known.blocks === blocks && known.width === width) return known.elements.map(copyElement);
    const flow = new Flow();
    let warned = false;
    flowBlocks(blocks, 0, width, 0, flow, {
      ...ctx,
      structure: null,
      artifact: part,
      warn(message) {
        warned = true;
        ctx.warn(message);
      },
    });
    // A part that warns is set again on every page, so that it warns there as it always has.
    if (!warned) laidOut.set(part, { blocks, width, elements: flow.elements });
    return warned ? flow.elements : flow.elements.map(copyElement);
  };
  return (number, pages) => {
    const margin = pageMargin(doc.page, number);
    const width = doc.page.width - margin.left - margin.right;
    const items: PageItem[] = [];
    for (const part of ['header', 'footer'] as const) {
      const blocks = doc.running(part, number, pages);
      if (blocks.length === 0) continue;
      const elements = layOut(part, blocks, width);
      const height = stackHeight(elements, false);
      const room = part === 'header' ? margin.top : margin.bottom;
      const gap = Math.min(maxGap, Math.max(0, (room - height) / 2));
      const top = part === 'header' ? margin.top - gap - height : doc.page.height - margin.bottom + gap;
      items.push(...placeElements(elements, 0, elements.length, false, margin.left, top));
    }
    return items;
  };
}

/** An element with copies of its items (and their runs), which placing may move. */
function copyElement(e: FlowElement): FlowElement {
  return { ...e, items: e.items.map(copyItem) };
}

function copyItem(item: PageItem): PageItem {
  return item.kind === 'line' ? { ...item, runs: item.runs.map((run) => ({ ...run })) } : { ...item };
}
