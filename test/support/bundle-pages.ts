// The bundle as it was drawn before PdfWriter: every release typeset, merged into one Pages and
// drawn at once. Kept as the reference that a PdfWriter with sections must match.
import type { Warning } from '../../src/diagnostics.js';
import type { FontFace } from '../../src/fonts/types.js';
import type { OutlineEntry, PageItem, Pages, StructNode } from '../../src/typeset/types.js';

/**
 * Concatenates typeset releases into one: each keeps its own pages (so it starts on a new
 * page with its letterhead), pages are renumbered, and the structure trees hang under one
 * Document root, each release as a section in its own language. Every release's title is a
 * level-1 outline entry.
 */
export function bundlePages(list: Pages[], title = list.map((p) => p.title).join('; ')): Pages {
  if (list.length === 0) throw new Error('bundlePages: nothing to bundle');
  const structure: StructNode[] = [{ id: 0, role: 'Document', parent: null, lang: list[0].lang }];
  const pages: Pages['pages'] = [];
  const outline: OutlineEntry[] = [];
  const fonts = new Map<string, FontFace>();
  const warnings: Warning[] = [];
  for (const release of list) {
    const offset = structure.length;
    const pageOffset = pages.length;
    // Ids are renumbered to the new indices, so ids of different releases cannot collide.
    const indexOfId = new Map(release.structure.map((node, index) => [node.id, index]));
    for (const node of release.structure) {
      const isRoot = node.parent === null;
      const parentIndex = isRoot ? undefined : indexOfId.get(node.parent as number);
      structure.push({
        ...node,
        id: structure.length,
        role: isRoot && node.role === 'Document' ? 'Sect' : node.role,
        parent: parentIndex === undefined ? 0 : parentIndex + offset,
        lang: isRoot ? (node.lang ?? release.lang) : node.lang,
      });
    }
    for (const page of release.pages) {
      const items = page.items.map((item): PageItem => ('struct' in item ? { ...item, struct: item.struct + offset } : item));
      pages.push({ ...page, number: pages.length + 1, items });
    }
    const entries = release.outline.map((entry) => ({ ...entry, page: entry.page + pageOffset }));
    if (entries[0]?.level !== 1) entries.unshift({ title: release.title, level: 1, page: pageOffset + 1, y: 0 });
    outline.push(...entries);
    for (const face of release.fonts) if (!fonts.has(face.id)) fonts.set(face.id, face);
    warnings.push(...release.warnings);
  }
  return { lang: list[0].lang, title, pages, structure, outline, fonts: [...fonts.values()], warnings };
}
