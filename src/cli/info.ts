import { listTemplates } from '../template/index.js';
import type { Console } from './output.js';

/** `pressroom templates`: the built-in templates with their one-line descriptions. */
export function runTemplates(io: Console): number {
  const templates = listTemplates();
  const width = Math.max(...templates.map((t) => t.name.length));
  for (const t of templates) io.out(`${t.name.padEnd(width)}  ${t.description}`);
  return 0;
}

/** `pressroom fonts`: the declared families, their faces and the scripts each covers. */
export async function runFonts(io: Console): Promise<number> {
  // fontkit (in fonts/) is loaded for this command only: `templates` lists files without it.
  const { describeFonts, loadFontRegistry } = await import('../fonts/index.js');
  for (const family of describeFonts(loadFontRegistry())) {
    const faces = family.faces.map((f) => `${f.weight}${f.style === 'italic' ? 'i' : ''}`).join(' ');
    const aliases = family.aliases.length > 0 ? ` (also: ${family.aliases.join(', ')})` : '';
    io.out(`${family.name}${aliases}\n  faces: ${faces}\n  scripts: ${(family.scripts ?? []).join(', ')}`);
  }
  return 0;
}
