/**
 * A readable text form of a Document for golden tests: one line per block with the style values
 * that differ from what it inherits (or, for box properties, from their initial values), then
 * its inline runs with what differs from the block.
 */
import { INITIAL_STYLE } from './computed-style.js';
import type { Block, BlockStyle, BorderEdge, Box, Document, Inline, TextStyle } from './types.js';

const round = (n: number): string => String(Math.round(n * 100) / 100);
const box = (b: Box): string => [b.top, b.right, b.bottom, b.left].map(round).join(' ');
const edge = (e: BorderEdge | undefined): string => (e ? `${round(e.width)} ${e.style} ${e.color}` : 'none');

const INHERITED: Array<keyof BlockStyle> = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'color',
  'textTransform',
  'letterSpacing',
  'textDecoration',
  'lineHeight',
  'textAlign',
  'textIndent',
  'widows',
  'orphans',
  'hyphens',
];
const NOT_INHERITED: Array<keyof BlockStyle> = [
  'margin',
  'padding',
  'borderTop',
  'borderBottom',
  'breakBefore',
  'breakAfter',
  'breakInside',
  'width',
  'height',
];

function show(key: keyof BlockStyle, style: BlockStyle): string {
  const value = style[key];
  if (key === 'margin' || key === 'padding') return box(value as Box);
  if (key === 'borderTop' || key === 'borderBottom') return edge(value as BorderEdge | undefined);
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'number') return round(value);
  return value === undefined ? 'auto' : String(value);
}

const kebab = (key: string): string => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function styleDiff(style: BlockStyle, parent: BlockStyle): string {
  const parts: string[] = [];
  for (const key of INHERITED) {
    if (show(key, style) !== show(key, parent)) parts.push(`${kebab(key)}=${show(key, style)}`);
  }
  for (const key of NOT_INHERITED) {
    if (show(key, style) !== show(key, INITIAL_STYLE)) parts.push(`${kebab(key)}=${show(key, style)}`);
  }
  return parts.join(' ');
}

function textDiff(style: TextStyle, block: BlockStyle): string {
  const parts: string[] = [];
  if (style.fontWeight !== block.fontWeight) parts.push(`weight=${style.fontWeight}`);
  if (style.fontStyle !== block.fontStyle) parts.push(style.fontStyle);
  if (style.fontSize !== block.fontSize) parts.push(`size=${round(style.fontSize)}`);
  if (style.fontFamily.join(',') !== block.fontFamily.join(',')) parts.push(`family=${style.fontFamily.join(',')}`);
  if (style.color !== block.color) parts.push(`color=${style.color}`);
  if (style.textDecoration !== block.textDecoration) parts.push(style.textDecoration);
  if (style.textTransform !== block.textTransform) parts.push(`transform=${style.textTransform}`);
  if (style.letterSpacing !== block.letterSpacing) parts.push(`letter-spacing=${round(style.letterSpacing)}`);
  return parts.join(' ');
}

function dumpInline(inline: Inline, block: BlockStyle, indent: string): string {
  if (inline.kind === 'break') return `${indent}<br>`;
  const extras = [textDiff(inline.style, block)];
  if (inline.link !== undefined) extras.push(`link=${inline.link}`);
  if (inline.lang !== undefined) extras.push(`lang=${inline.lang}`);
  const tail = extras.filter((e) => e !== '').join(' ');
  return `${indent}${JSON.stringify(inline.text)}${tail ? ` ${tail}` : ''}`;
}

function label(block: Block): string {
  const name = block.kind === 'rule' ? 'rule' : block.kind === 'image' ? 'image' : block.role;
  const id = 'id' in block && block.id !== undefined ? `#${block.id}` : '';
  return name + id + block.classes.map((c) => `.${c}`).join('');
}

function dumpBlock(block: Block, parent: BlockStyle, indent: string, lines: string[]): void {
  const head = [label(block)];
  if (block.kind === 'text' && block.marker !== undefined) head.push(`marker=${JSON.stringify(block.marker)}`);
  if (block.kind === 'image') head.push(`path=${block.path}`, `alt=${JSON.stringify(block.alt)}`);
  const diff = styleDiff(block.style, parent);
  if (diff) head.push(`{${diff}}`);
  lines.push(indent + head.join(' '));
  if (block.kind === 'text') {
    for (const inline of block.inlines) lines.push(dumpInline(inline, block.style, `${indent}  `));
  } else if (block.kind === 'container') {
    for (const child of block.children) dumpBlock(child, block.style, `${indent}  `, lines);
  }
}

/** Blocks only, indented, each compared with `parent` (the initial style at the top). */
export function dumpBlocks(blocks: Block[], parent: BlockStyle = INITIAL_STYLE, indent = ''): string {
  const lines: string[] = [];
  for (const block of blocks) dumpBlock(block, parent, indent, lines);
  return lines.join('\n');
}

export function dumpDocument(doc: Document): string {
  const { page } = doc;
  const lines = [
    `document lang=${doc.lang} dir=${doc.dir} title=${JSON.stringify(doc.title)}`,
    `page ${round(page.width)}x${round(page.height)} margin=${box(page.margin)} first-margin=${box(page.firstMargin)}`,
  ];
  const blocks = dumpBlocks(doc.blocks);
  if (blocks) lines.push(blocks);
  for (const w of doc.warnings) lines.push(`warning ${w.file}:${w.line ?? '?'}:${w.col ?? '?'} ${w.message}`);
  return `${lines.join('\n')}\n`;
}
