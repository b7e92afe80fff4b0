import { listTemplates } from '../template/index.js';
import { describeFonts, loadFontRegistry } from '../fonts/index.js';
import type { Console } from './output.js';

/** `pressroom templates`: the built-in templates with their one-line descriptions. */
export function runTemplates(io: Console): number {
  const templates = listTemplates();
  const width = Math.max(...templates.map((t) => t.name.length));
  for (const t of templates) io.out(`${t.name.padEnd(width)}  ${t.description}`);
  return 0;
}

/** `pressroom fonts`: the declared families, their faces and the scripts each covers. */
export function runFonts(io: Console): number {
  for (const family of describeFonts(loadFontRegistry())) {
    const faces = family.faces.map((f) => `${f.weight}${f.style === 'italic' ? 'i' : ''}`).join(' ');
    const aliases = family.aliases.length > 0 ? ` (also: ${family.aliases.join(', ')})` : '';
    io.out(`${family.name}${aliases}\n  faces: ${faces}\n  scripts: ${(family.scripts ?? []).join(', ')}`);
  }
  return 0;
}
