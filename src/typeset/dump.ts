import type { Pages, PageItem } from './types.js';

const n = (v: number) => (Math.round(v * 10) / 10).toFixed(1);

/** One line per item, coordinates rounded to 0.1pt: the golden-test view of a layout. */
export function dumpPages(pages: Pages): string {
  const out: string[] = [];
  for (const page of pages.pages) {
    out.push(`page ${page.number} ${n(page.width)}x${n(page.height)}`);
    for (const item of page.items) out.push(`p${page.number} ${dumpItem(item, pages)}`);
  }
  for (const e of pages.outline) out.push(`outline ${e.level} p${e.page} y=${n(e.y)} ${e.title}`);
  out.push(`fonts ${pages.fonts.map((f) => f.id).join(' ')}`);
  for (const w of pages.warnings) out.push(`warning ${w.message}`);
  return out.join('\n') + '\n';
}

function dumpItem(item: PageItem, pages: Pages): string {
  const tag = item.artifact ? `[${item.artifact}]` : '';
  switch (item.kind) {
    case 'line': {
      const role = item.artifact ? tag : `[${pages.structure[item.struct]?.role ?? '?'}]`;
      const stretch = item.spaceStretch !== 0 ? ` s=${n(item.spaceStretch)}` : '';
      const e = item.runs.find((r) => r.expansion !== undefined)?.expansion;
      const expansion = e !== undefined ? ` e=${e.toFixed(3)}` : '';
      return `line x=${n(item.x)} y=${n(item.y)} w=${n(item.width)}${stretch}${expansion} ${role} ${item.runs.map((r) => r.text).join('')}`;
    }
    case 'rule':
      return `rule x=${n(item.x)} y=${n(item.y)} w=${n(item.width)} ${n(item.edge.width)} ${item.edge.style} ${item.edge.color} ${tag}`.trimEnd();
    case 'image':
      return `image x=${n(item.x)} y=${n(item.y)} w=${n(item.width)} h=${n(item.height)} ${item.path.split('/').pop()} "${item.alt}" ${tag}`.trimEnd();
  }
}
