import postcss from 'postcss';
import { BoundedMap } from '../fonts/bounded-map.js';
import type { FaceUse } from './styles.js';

/** A subset font file as it goes into the book. */
export interface EmbeddedFont {
  /** File name under `OEBPS/fonts/`. */
  filename: string;
  data: Buffer;
  use: FaceUse;
}

function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

/** One `@font-face` per name the stylesheet uses for a face, all pointing at the face's subset. */
export function fontFaceRules(fonts: EmbeddedFont[]): string {
  const rules: string[] = [];
  for (const { filename, use } of fonts) {
    for (const name of [...use.names].sort()) {
      rules.push(
        `@font-face {\n  font-family: ${cssString(name)};\n  font-weight: ${use.face.weight};\n  font-style: ${use.face.style};\n` +
          `  src: url(${cssString(`fonts/${filename}`)}) format("truetype");\n}\n`,
      );
    }
  }
  return rules.join('');
}

/** Where a stylesheet's leading `@charset` and `@import` rules end, per stylesheet text (templates are few). */
const headEnds = new BoundedMap<string, number>(16);

function headEnd(css: string): number {
  let split = headEnds.get(css);
  if (split === undefined) {
    split = 0;
    for (const node of postcss.parse(css).nodes) {
      if (node.type === 'comment') continue;
      if (node.type !== 'atrule' || !['charset', 'import'].includes(node.name.toLowerCase())) break;
      split = node.source?.end?.offset ?? split;
    }
    headEnds.set(css, split);
  }
  return split;
}

/**
 * The template's stylesheet unchanged, with the `@font-face` rules put in front of it (after any
 * leading `@charset` and `@import`, which must stay first to be honoured).
 */
export function bookStylesheet(templateCss: string, fonts: EmbeddedFont[]): string {
  const rules = fontFaceRules(fonts);
  if (!rules) return templateCss;
  const split = headEnd(templateCss);
  if (split === 0) return `${rules}\n${templateCss}`;
  return `${templateCss.slice(0, split)}\n${rules}${templateCss.slice(split)}`;
}
