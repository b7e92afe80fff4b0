/** From the winning declarations of one element and its parent's style to its computed style. */
import { textStyleOf } from './inlines.js';
import type { BlockStyle, BorderEdge, Box } from './types.js';
import type { Declared, DisplayValue, ListStyleType, Longhand, SpecifiedValues } from './properties.js';
import { type Length, resolveLength } from './values.js';

/** A BlockStyle plus what the document builder needs and the typesetter does not. */
export interface ComputedStyle extends BlockStyle {
  display: DisplayValue;
  listStyleType: ListStyleType;
  /** Set when line-height was a plain number, which children inherit as a factor, not a length. */
  lineHeightFactor?: number;
}

/** What lengths resolve against: the root font size for rem, the text column for percentages. */
export interface StyleEnvironment {
  rootFontSize: number;
  containerWidth: number;
  dir: 'ltr' | 'rtl';
}

/** Removes floating-point dust (10.799999999999999) so dumps and comparisons stay exact. */
const tidy = (n: number): number => Math.round(n * 1e6) / 1e6;

const zeroBox = (): Box => ({ top: 0, right: 0, bottom: 0, left: 0 });

/** CSS initial values; a browser's `medium` font size of 16px is 12pt. */
export const INITIAL_STYLE: ComputedStyle = {
  fontFamily: ['serif'],
  fontSize: 12,
  fontWeight: 400,
  fontStyle: 'normal',
  color: '#000000',
  textTransform: 'none',
  letterSpacing: 0,
  textDecoration: 'none',
  lineHeight: 14.4,
  lineHeightFactor: 1.2,
  textAlign: 'left',
  textIndent: 0,
  margin: zeroBox(),
  padding: zeroBox(),
  breakBefore: 'auto',
  breakAfter: 'auto',
  breakInside: 'auto',
  widows: 2,
  orphans: 2,
  hyphens: 'manual',
  display: 'inline',
  listStyleType: 'disc',
};

type Resolved<K extends Longhand> = SpecifiedValues[K] | 'inherit' | 'initial';

/** The declared value, or what an undeclared or `unset` property falls back to. */
function specified<K extends Longhand>(declared: Declared, name: K, inherited: boolean): Resolved<K> {
  const value = declared[name];
  if (value === undefined || value === 'unset') return inherited ? 'inherit' : 'initial';
  return value as Resolved<K>;
}

function pick<K extends Longhand, T>(
  declared: Declared,
  name: K,
  inherited: boolean,
  parentValue: T,
  initialValue: T,
  convert: (value: SpecifiedValues[K]) => T,
): T {
  const value = specified(declared, name, inherited);
  if (value === 'inherit') return parentValue;
  if (value === 'initial') return initialValue;
  return convert(value);
}

const identity = <T>(value: T): T => value;

function fontWeight(value: SpecifiedValues['font-weight'], parent: number): number {
  // The relative weights of CSS Fonts 4, §2.2.
  if (value === 'bolder') return parent < 350 ? 400 : parent < 550 ? 700 : 900;
  if (value === 'lighter') return parent < 550 ? 100 : parent < 750 ? 400 : 700;
  return value;
}

function fontSize(value: SpecifiedValues['font-size'], parent: number, rootFontSize: number): number {
  if (value === 'smaller') return parent / 1.2;
  if (value === 'larger') return parent * 1.2;
  // Percentages and ems of font-size refer to the parent's size.
  return resolveLength(value, parent, rootFontSize, parent);
}

export function computeStyle(declared: Declared, parent: ComputedStyle, env: StyleEnvironment): ComputedStyle {
  const size = pick(declared, 'font-size', true, parent.fontSize, 12, (v) => tidy(fontSize(v, parent.fontSize, env.rootFontSize)));
  const length = (value: Length, percentBase = env.containerWidth): number =>
    tidy(resolveLength(value, size, env.rootFontSize, percentBase));

  const lineHeightValue = specified(declared, 'line-height', true);
  let lineHeight: number;
  let lineHeightFactor: number | undefined;
  if (lineHeightValue === 'inherit') {
    lineHeightFactor = parent.lineHeightFactor;
    lineHeight = lineHeightFactor !== undefined ? tidy(lineHeightFactor * size) : parent.lineHeight;
  } else if (lineHeightValue === 'initial' || 'multiplier' in lineHeightValue) {
    lineHeightFactor = lineHeightValue === 'initial' ? 1.2 : lineHeightValue.multiplier;
    lineHeight = tidy(lineHeightFactor * size);
  } else {
    lineHeight = length(lineHeightValue, size);
  }

  const color = pick(declared, 'color', true, parent.color, '#000000', (v) => (v === 'currentcolor' ? parent.color : v));
  const box = (prefix: 'margin' | 'padding'): Box => {
    const edge = (name: keyof Box): number =>
      pick(declared, `${prefix}-${name}`, false, parent[prefix][name], 0, (v) => length(v));
    return { top: edge('top'), right: edge('right'), bottom: edge('bottom'), left: edge('left') };
  };
  const border = (edge: 'top' | 'bottom'): BorderEdge | undefined => {
    const parentEdge = edge === 'top' ? parent.borderTop : parent.borderBottom;
    const style = pick(declared, `border-${edge}-style`, false, parentEdge?.style ?? 'none', 'none', identity);
    const width = pick(declared, `border-${edge}-width`, false, parentEdge?.width ?? 2.25, 2.25, (v) => length(v));
    const edgeColor = pick(declared, `border-${edge}-color`, false, parentEdge?.color ?? color, color, (v) =>
      v === 'currentcolor' ? color : v,
    );
    return style === 'none' || width <= 0 ? undefined : { width, style, color: edgeColor };
  };
  const textAlign = pick(declared, 'text-align', true, parent.textAlign, env.dir === 'rtl' ? 'right' : 'left', (v) => {
    if (v === 'start') return env.dir === 'rtl' ? 'right' : 'left';
    if (v === 'end') return env.dir === 'rtl' ? 'left' : 'right';
    return v;
  });
  const dimension = (name: 'width' | 'height', percentBase: number | undefined): number | undefined =>
    pick(declared, name, false, parent[name], undefined, (v) =>
      v === 'auto' || (v.unit === '%' && percentBase === undefined) ? undefined : length(v, percentBase),
    );
  // Decorations are drawn through descendants in CSS, so a child cannot take its parent's away.
  const ownDecoration = pick(declared, 'text-decoration', false, parent.textDecoration, 'none', identity);

  const style: ComputedStyle = {
    fontFamily: pick(declared, 'font-family', true, parent.fontFamily, INITIAL_STYLE.fontFamily, identity),
    fontSize: size,
    fontWeight: pick(declared, 'font-weight', true, parent.fontWeight, 400, (v) => fontWeight(v, parent.fontWeight)),
    fontStyle: pick(declared, 'font-style', true, parent.fontStyle, 'normal', identity),
    color,
    textTransform: pick(declared, 'text-transform', true, parent.textTransform, 'none', identity),
    letterSpacing: pick(declared, 'letter-spacing', true, parent.letterSpacing, 0, (v) => length(v)),
    textDecoration: parent.textDecoration === 'underline' ? 'underline' : ownDecoration,
    lineHeight,
    textAlign,
    textIndent: pick(declared, 'text-indent', true, parent.textIndent, 0, (v) => length(v)),
    margin: box('margin'),
    padding: box('padding'),
    breakBefore: pick(declared, 'break-before', false, parent.breakBefore, 'auto', identity),
    breakAfter: pick(declared, 'break-after', false, parent.breakAfter, 'auto', identity),
    breakInside: pick(declared, 'break-inside', false, parent.breakInside, 'auto', identity),
    widows: pick(declared, 'widows', true, parent.widows, 2, identity),
    orphans: pick(declared, 'orphans', true, parent.orphans, 2, identity),
    hyphens: pick(declared, 'hyphens', true, parent.hyphens, 'manual', identity),
    display: pick(declared, 'display', false, parent.display, 'inline', identity),
    listStyleType: pick(declared, 'list-style-type', true, parent.listStyleType, 'disc', identity),
  };
  // Optional fields are only present when set, so dumps and deep equality stay clean.
  const borderTop = border('top');
  const borderBottom = border('bottom');
  const width = dimension('width', env.containerWidth);
  const height = dimension('height', undefined);
  if (borderTop) style.borderTop = borderTop;
  if (borderBottom) style.borderBottom = borderBottom;
  if (width !== undefined) style.width = width;
  if (height !== undefined) style.height = height;
  if (lineHeightFactor !== undefined) style.lineHeightFactor = lineHeightFactor;
  return style;
}

const blockStyles = new WeakMap<ComputedStyle, BlockStyle>();

/** The BlockStyle part of a computed style, as the typesetter receives it; shared, not to be mutated. */
export function toBlockStyle(style: ComputedStyle): BlockStyle {
  let block = blockStyles.get(style);
  if (block) return block;
  block = {
    ...textStyleOf(style),
    lineHeight: style.lineHeight,
    textAlign: style.textAlign,
    textIndent: style.textIndent,
    margin: style.margin,
    padding: style.padding,
    breakBefore: style.breakBefore,
    breakAfter: style.breakAfter,
    breakInside: style.breakInside,
    widows: style.widows,
    orphans: style.orphans,
    hyphens: style.hyphens,
  };
  if (style.borderTop) block.borderTop = style.borderTop;
  if (style.borderBottom) block.borderBottom = style.borderBottom;
  if (style.width !== undefined) block.width = style.width;
  if (style.height !== undefined) block.height = style.height;
  // Shared between blocks and between documents: freezing turns a stray mutation into an error.
  Object.freeze(block.margin);
  Object.freeze(block.padding);
  Object.freeze(block.fontFamily);
  Object.freeze(block);
  blockStyles.set(style, block);
  return block;
}
