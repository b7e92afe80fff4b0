import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import type { FontFace } from '../../src/fonts/types.js';
import type { GlyphRun, LineItem, Page, PageItem, Pages, StructNode } from '../../src/typeset/types.js';
import type { BlockRole } from '../../src/document/types.js';

const require = createRequire(import.meta.url);

/** A face declared in fonts/fonts.json, resolved in its npm package. */
export function face(family: string, weight = 400, style: 'normal' | 'italic' = 'normal'): FontFace {
  const fonts = JSON.parse(readFileSync(join(import.meta.dirname, '../../fonts/fonts.json'), 'utf8')) as {
    families: { name: string; package: string; faces: { weight: number; style: string; file: string }[] }[];
  };
  const declared = fonts.families.find((f) => f.name === family);
  const file = declared?.faces.find((f) => f.weight === weight && f.style === style);
  if (!declared || !file) throw new Error(`no face ${family} ${weight} ${style} in fonts.json`);
  const root = dirname(require.resolve(`${declared.package}/package.json`));
  const id = `${family.replace(/\s+/g, '')}-${weight}${style === 'italic' ? '-italic' : ''}`;
  return { id, family, weight, style, path: join(root, file.file) };
}

const fonts = new Map<string, Font>();
function fontOf(f: FontFace): Font {
  let font = fonts.get(f.path);
  if (!font) {
    font = create(readFileSync(f.path)) as Font;
    fonts.set(f.path, font);
  }
  return font;
}

/** Advance width of `text` in points, measured the way PDFKit lays it out (default features). */
export function measure(f: FontFace, size: number, text: string): number {
  const font = fontOf(f);
  return (font.layout(text).advanceWidth / font.unitsPerEm) * size;
}

export interface RunSpec {
  text: string;
  face: FontFace;
  size?: number;
  color?: string;
  link?: string;
  underline?: boolean;
  letterSpacing?: number;
}

/** A line of runs set one after another from x, baseline y. */
export function line(x: number, y: number, struct: number, specs: RunSpec[], extra: Partial<LineItem> = {}): LineItem {
  const runs: GlyphRun[] = [];
  let at = x;
  let ascent = 0;
  let descent = 0;
  for (const spec of specs) {
    const size = spec.size ?? 11;
    const letterSpacing = spec.letterSpacing ?? 0;
    const width = measure(spec.face, size, spec.text) + letterSpacing * spec.text.length;
    const font = fontOf(spec.face);
    ascent = Math.max(ascent, (font.ascent / font.unitsPerEm) * size);
    descent = Math.max(descent, (-font.descent / font.unitsPerEm) * size);
    runs.push({
      x: at,
      width,
      text: spec.text,
      font: spec.face,
      size,
      color: spec.color ?? '#000000',
      letterSpacing,
      underline: spec.underline ?? false,
      link: spec.link,
    });
    at += width;
  }
  return {
    kind: 'line',
    x,
    y,
    measure: 451,
    width: at - x,
    ascent,
    descent,
    runs,
    struct,
    hyphenated: false,
    spaceStretch: 0,
    ...extra,
  };
}

/** A Pages value with A4 pages holding `items`, the given structure and every face used. */
export function pagesOf(items: PageItem[][], structure: StructNode[], outline: Pages['outline'] = []): Pages {
  const faces = new Map<string, FontFace>();
  for (const page of items) {
    for (const item of page) if (item.kind === 'line') for (const run of item.runs) faces.set(run.font.id, run.font);
  }
  const pages: Page[] = items.map((pageItems, i) => ({ number: i + 1, width: 595.28, height: 841.89, items: pageItems }));
  return { lang: 'en', title: 'Test', pages, structure, outline, fonts: [...faces.values()], warnings: [] };
}

/** Structure nodes from [role, parent] pairs; node 0 is the Document. */
export function structure(...nodes: [BlockRole, number][]): StructNode[] {
  return [
    { id: 0, role: 'Document', parent: null },
    ...nodes.map(([role, parent], i) => ({ id: i + 1, role, parent })),
  ];
}

/** Runs a validator from poppler-utils or qpdf; a missing one fails the test, naming the package. */
export function tool(name: string, args: string[]): string {
  try {
    return execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stdout?: string; stderr?: string; status?: number };
    if (e.code === 'ENOENT') {
      const pkg = name === 'qpdf' ? 'qpdf' : 'poppler-utils';
      throw new Error(`${name} is not installed: apt-get install -y ${pkg} (the PDF tests need the real validators)`);
    }
    throw new Error(`${name} ${args.join(' ')} failed (${e.status}): ${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}
