import type { Warning } from '../diagnostics.js';
import type { Document } from '../document/types.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { FontFace } from '../fonts/types.js';
import { flowBlocks, type BlockContext } from './blocks.js';
import { Flow } from './flow.js';
import { pageMargin, paginate, placeElements } from './paginate.js';
import { runningSetter } from './running.js';
import type { OutlineEntry, Page, Pages, StructNode } from './types.js';

export { dumpPages } from './dump.js';
export type * from './types.js';

export interface TypesetOptions {
  /** Names the release in warnings (`file` of each Warning). */
  source?: string;
}

/** Lays a Document out into pages: lines, rules and images at their final positions. */
export function typeset(doc: Document, fonts: FontRegistry, options: TypesetOptions = {}): Pages {
  const file = options.source ?? 'typeset';
  const warnings: Warning[] = [];
  const missing = new Set<number>();
  const structure: StructNode[] = [{ id: 0, role: 'Document', parent: null, lang: doc.lang }];
  const margin = doc.page.margin;
  const ctx: BlockContext = {
    fonts,
    lang: doc.lang,
    dir: doc.dir,
    structure,
    bodyHeight: doc.page.height - margin.top - margin.bottom,
    missingGlyph(cp, face) {
      if (missing.has(cp)) return;
      missing.add(cp);
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      warnings.push({ file, message: `no font has a glyph for U+${hex} '${String.fromCodePoint(cp)}'; it is set in ${face.family}` });
    },
    warn(message) {
      warnings.push({ file, message });
    },
  };
  if (ctx.bodyHeight <= 0 || doc.page.width - margin.left - margin.right <= 0) {
    warnings.push({ file, message: 'the page margins leave no room for text' });
  }

  const flow = new Flow();
  flowBlocks(doc.blocks, 0, doc.page.width - margin.left - margin.right, 0, flow, ctx);
  const slices = paginate(flow.elements, doc.page);
  if (slices.length === 0) slices.push({ start: 0, end: 0, keepMargin: true });

  const outline: OutlineEntry[] = [];
  const pages: Page[] = slices.map((slice, i) => {
    const number = i + 1;
    const m = pageMargin(doc.page, number);
    const items = placeElements(flow.elements, slice.start, slice.end, slice.keepMargin, m.left, m.top, (e) => outline.push({ ...e, page: number }));
    return { number, width: doc.page.width, height: doc.page.height, items };
  });
  const runningItems = runningSetter(doc, ctx);
  for (const page of pages) page.items.push(...runningItems(page.number, pages.length));

  return { lang: doc.lang, title: doc.title, pages, structure, outline, fonts: facesUsed(pages), warnings };
}

function facesUsed(pages: Page[]): FontFace[] {
  const seen = new Map<string, FontFace>();
  for (const page of pages) {
    for (const item of page.items) {
      if (item.kind !== 'line') continue;
      for (const run of item.runs) if (!seen.has(run.font.id)) seen.set(run.font.id, run.font);
    }
  }
  return [...seen.values()];
}
export { spaceRatio, spacingStats, type SpacingStats } from './quality.js';
