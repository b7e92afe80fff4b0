/**
 * The CSS subset: which properties exist, and how a declaration (shorthands included) turns
 * into typed longhand values. Parsing happens once, when the stylesheet is compiled.
 */
import {
  type FontSizeValue,
  type FontWeightValue,
  type Length,
  type LineHeightValue,
  parseColor,
  parseFontFamily,
  parseFontSize,
  parseFontWeight,
  parseKeyword,
  parseLength,
  parseLineHeight,
  parseNumber,
  splitValue,
  zero,
} from './values.js';

export type BorderStyleValue = 'none' | 'solid' | 'double' | 'dotted' | 'dashed';
export type DisplayValue = 'none' | 'block' | 'inline' | 'list-item';
export type ListStyleType =
  | 'disc'
  | 'circle'
  | 'square'
  | 'decimal'
  | 'lower-alpha'
  | 'upper-alpha'
  | 'lower-roman'
  | 'upper-roman'
  | 'none';

/** Typed specified values of every longhand in the subset. */
export interface SpecifiedValues {
  'font-family': string[];
  'font-size': FontSizeValue;
  'font-weight': FontWeightValue;
  'font-style': 'normal' | 'italic';
  'line-height': LineHeightValue;
  color: string;
  'text-align': 'left' | 'right' | 'center' | 'justify' | 'start' | 'end';
  'text-indent': Length;
  'text-transform': 'none' | 'uppercase' | 'lowercase' | 'capitalize';
  'letter-spacing': Length;
  'text-decoration': 'none' | 'underline';
  'margin-top': Length;
  'margin-right': Length;
  'margin-bottom': Length;
  'margin-left': Length;
  'padding-top': Length;
  'padding-right': Length;
  'padding-bottom': Length;
  'padding-left': Length;
  'border-top-width': Length;
  'border-top-style': BorderStyleValue;
  'border-top-color': string;
  'border-bottom-width': Length;
  'border-bottom-style': BorderStyleValue;
  'border-bottom-color': string;
  'break-before': 'auto' | 'page' | 'avoid';
  'break-after': 'auto' | 'page' | 'avoid';
  'break-inside': 'auto' | 'avoid';
  widows: number;
  orphans: number;
  hyphens: 'none' | 'manual' | 'auto';
  display: DisplayValue;
  width: Length | 'auto';
  height: Length | 'auto';
  'list-style-type': ListStyleType;
}

export type Longhand = keyof SpecifiedValues;
export type CssWideKeyword = 'inherit' | 'initial' | 'unset';
export type Declared = { -readonly [K in Longhand]?: SpecifiedValues[K] | CssWideKeyword };

type Parser = (value: string) => Declared | null;

const EDGES = ['top', 'right', 'bottom', 'left'] as const;

/** The 1–4 value box shorthand: `a`, `a b`, `a b c`, `a b c d`. */
function boxValues<T>(tokens: T[]): [T, T, T, T] | null {
  const [a, b = a, c = a, d = b] = tokens;
  return tokens.length >= 1 && tokens.length <= 4 ? [a, b, c, d] : null;
}

function boxLength(token: string, allowAuto: boolean): Length | null {
  // `auto` margins centre blocks in a browser; the typesetter has no such notion, so they are 0.
  if (allowAuto && token.toLowerCase() === 'auto') return zero;
  const length = parseLength(token);
  return length && (allowAuto || length.value >= 0) ? length : null;
}

function boxShorthand(prefix: 'margin' | 'padding'): Parser {
  return (value) => {
    const lengths = splitValue(value).map((t) => boxLength(t, prefix === 'margin'));
    const box = boxValues(lengths);
    if (!box || box.some((l) => l === null)) return null;
    const out: Declared = {};
    EDGES.forEach((edge, i) => (out[`${prefix}-${edge}`] = box[i] as Length));
    return out;
  };
}

function borderWidth(token: string): Length | null {
  const widths: Record<string, Length> = {
    thin: { value: 0.75, unit: 'pt' },
    medium: { value: 2.25, unit: 'pt' },
    thick: { value: 3.75, unit: 'pt' },
  };
  const keyword = widths[token.toLowerCase()];
  if (keyword) return keyword;
  const length = parseLength(token);
  return length && length.value >= 0 && length.unit !== '%' ? length : null;
}

function borderStyle(token: string): BorderStyleValue | null {
  const keyword = token.toLowerCase();
  if (keyword === 'hidden') return 'none';
  return parseKeyword(keyword, ['none', 'solid', 'double', 'dotted', 'dashed'] as const);
}

/** `border-top: 1px solid #000` in any order; omitted parts reset to their initial values. */
function borderShorthand(edges: Array<'top' | 'bottom'>): Parser {
  return (value) => {
    let width: Length = { value: 2.25, unit: 'pt' };
    let style: BorderStyleValue = 'none';
    let color = 'currentcolor';
    for (const token of splitValue(value)) {
      const w = borderWidth(token);
      const s = w ? null : borderStyle(token);
      const c = w || s ? null : parseColor(token);
      if (w) width = w;
      else if (s) style = s;
      else if (c) color = c;
      else return null;
    }
    const out: Declared = {};
    for (const edge of edges) {
      out[`border-${edge}-width`] = width;
      out[`border-${edge}-style`] = style;
      out[`border-${edge}-color`] = color;
    }
    return out;
  };
}

/** `border-width` and friends: only the top and bottom edges are kept. */
function borderBoxShorthand<T>(part: 'width' | 'style' | 'color', parse: (t: string) => T | null): Parser {
  return (value) => {
    const box = boxValues(splitValue(value).map(parse));
    if (!box || box.some((v) => v === null)) return null;
    return { [`border-top-${part}`]: box[0], [`border-bottom-${part}`]: box[2] } as Declared;
  };
}

function single<K extends Longhand>(name: K, parse: (token: string) => SpecifiedValues[K] | null): Parser {
  return (value) => {
    const parsed = parse(value.trim());
    return parsed === null ? null : ({ [name]: parsed } as Declared);
  };
}

function keywords<K extends Longhand>(name: K, allowed: readonly string[], aliases: Record<string, string> = {}): Parser {
  return single(name, (token) => {
    const keyword = token.toLowerCase();
    const mapped = aliases[keyword] ?? keyword;
    return allowed.includes(mapped) ? (mapped as SpecifiedValues[K]) : null;
  });
}

function breakBetween(name: 'break-before' | 'break-after'): Parser {
  const aliases = { always: 'page', left: 'page', right: 'page', recto: 'page', verso: 'page', 'avoid-page': 'avoid' };
  return keywords(name, ['auto', 'page', 'avoid'], aliases);
}

function positiveInteger(token: string): number | null {
  const n = parseNumber(token);
  return n !== null && Number.isInteger(n) && n >= 1 ? n : null;
}

const LIST_STYLE_TYPES: readonly ListStyleType[] = [
  'disc',
  'circle',
  'square',
  'decimal',
  'lower-alpha',
  'upper-alpha',
  'lower-roman',
  'upper-roman',
  'none',
];
const LIST_STYLE_ALIASES = { 'lower-latin': 'lower-alpha', 'upper-latin': 'upper-alpha' };

/** `list-style: square inside` keeps only the type; position and image are not in the subset. */
function listStyleShorthand(value: string): Declared | null {
  for (const token of splitValue(value)) {
    const type = keywords('list-style-type', LIST_STYLE_TYPES, LIST_STYLE_ALIASES)(token);
    if (type) return type;
  }
  return null;
}

/** `text-decoration: underline dotted red` keeps the line; other lines are outside the subset. */
function textDecoration(value: string): Declared | null {
  const tokens = splitValue(value.toLowerCase());
  if (tokens.includes('underline')) return { 'text-decoration': 'underline' };
  if (tokens.includes('none')) return { 'text-decoration': 'none' };
  return null;
}

/** `font: italic bold 12pt/1.4 "Tinos", serif`; the size and the family are required. */
function fontShorthand(value: string): Declared | null {
  const tokens = splitValue(value.replace(/\s*\/\s*/g, '/'));
  const out: Declared = { 'font-style': 'normal', 'font-weight': 400, 'line-height': { multiplier: 1.2 } };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const [sizeToken, lineHeightToken] = token.split('/');
    const size = parseFontSize(sizeToken);
    if (size !== null) {
      out['font-size'] = size;
      if (lineHeightToken !== undefined) {
        const lineHeight = parseLineHeight(lineHeightToken);
        if (!lineHeight) return null;
        out['line-height'] = lineHeight;
      }
      const family = parseFontFamily(tokens.slice(i + 1).join(' '));
      if (!family) return null;
      out['font-family'] = family;
      return out;
    }
    const lower = token.toLowerCase();
    const weight = parseFontWeight(token);
    if (lower === 'normal' || lower === 'small-caps') continue;
    if (lower === 'italic' || lower === 'oblique') out['font-style'] = 'italic';
    else if (weight !== null) out['font-weight'] = weight;
    else return null;
  }
  return null;
}

function nonNegativeLength(token: string): Length | null {
  const length = parseLength(token);
  return length && length.value >= 0 ? length : null;
}

function sizeValue(token: string): Length | 'auto' | null {
  return token.toLowerCase() === 'auto' ? 'auto' : nonNegativeLength(token);
}

const PARSERS: Record<string, Parser> = {
  'font-family': single('font-family', parseFontFamily),
  'font-size': single('font-size', parseFontSize),
  'font-weight': single('font-weight', parseFontWeight),
  'font-style': keywords('font-style', ['normal', 'italic'], { oblique: 'italic' }),
  font: fontShorthand,
  'line-height': single('line-height', parseLineHeight),
  color: single('color', parseColor),
  'text-align': keywords('text-align', ['left', 'right', 'center', 'justify', 'start', 'end']),
  'text-indent': single('text-indent', parseLength),
  'text-transform': keywords('text-transform', ['none', 'uppercase', 'lowercase', 'capitalize']),
  'letter-spacing': single('letter-spacing', (t) => (t.toLowerCase() === 'normal' ? zero : parseLength(t))),
  'text-decoration': textDecoration,
  'text-decoration-line': textDecoration,
  margin: boxShorthand('margin'),
  padding: boxShorthand('padding'),
  border: borderShorthand(['top', 'bottom']),
  'border-top': borderShorthand(['top']),
  'border-bottom': borderShorthand(['bottom']),
  'border-width': borderBoxShorthand('width', borderWidth),
  'border-style': borderBoxShorthand('style', borderStyle),
  'border-color': borderBoxShorthand('color', parseColor),
  'break-before': breakBetween('break-before'),
  'break-after': breakBetween('break-after'),
  'page-break-before': breakBetween('break-before'),
  'page-break-after': breakBetween('break-after'),
  'break-inside': keywords('break-inside', ['auto', 'avoid'], { 'avoid-page': 'avoid' }),
  'page-break-inside': keywords('break-inside', ['auto', 'avoid']),
  widows: single('widows', positiveInteger),
  orphans: single('orphans', positiveInteger),
  hyphens: keywords('hyphens', ['none', 'manual', 'auto']),
  display: keywords('display', ['none', 'block', 'inline', 'list-item']),
  width: single('width', sizeValue),
  height: single('height', sizeValue),
  'list-style-type': keywords('list-style-type', LIST_STYLE_TYPES, LIST_STYLE_ALIASES),
  'list-style': listStyleShorthand,
};
for (const edge of EDGES) {
  PARSERS[`margin-${edge}`] = single(`margin-${edge}`, (t) => boxLength(t, true));
  PARSERS[`padding-${edge}`] = single(`padding-${edge}`, (t) => boxLength(t, false));
}
for (const edge of ['top', 'bottom'] as const) {
  PARSERS[`border-${edge}-width`] = single(`border-${edge}-width`, borderWidth);
  PARSERS[`border-${edge}-style`] = single(`border-${edge}-style`, borderStyle);
  PARSERS[`border-${edge}-color`] = single(`border-${edge}-color`, parseColor);
}
// Hyphenation was prefixed for years, and EPUB style sheets still carry the prefixed forms.
for (const alias of ['-webkit-hyphens', '-epub-hyphens', '-moz-hyphens', '-ms-hyphens']) {
  PARSERS[alias] = PARSERS.hyphens;
}

const SHORTHANDS: Record<string, Longhand[]> = {
  font: ['font-style', 'font-weight', 'font-size', 'line-height', 'font-family'],
  margin: EDGES.map((edge) => `margin-${edge}` as const),
  padding: EDGES.map((edge) => `padding-${edge}` as const),
  border: ['top', 'bottom'].flatMap((edge) => [`border-${edge}-width`, `border-${edge}-style`, `border-${edge}-color`]) as Longhand[],
  'border-top': ['border-top-width', 'border-top-style', 'border-top-color'],
  'border-bottom': ['border-bottom-width', 'border-bottom-style', 'border-bottom-color'],
  'border-width': ['border-top-width', 'border-bottom-width'],
  'border-style': ['border-top-style', 'border-bottom-style'],
  'border-color': ['border-top-color', 'border-bottom-color'],
  'text-decoration-line': ['text-decoration'],
  'page-break-before': ['break-before'],
  'page-break-after': ['break-after'],
  'page-break-inside': ['break-inside'],
  'list-style': ['list-style-type'],
};

/** The longhands a property sets, so `margin: inherit` can be expanded like `margin: 0`. */
function longhandsOf(property: string): Longhand[] {
  if (property in SHORTHANDS) return SHORTHANDS[property];
  return property.endsWith('hyphens') ? ['hyphens'] : [property as Longhand];
}

export type DeclarationResult = { ok: Declared } | { unsupported: true } | { invalid: true };

/** Turns one declaration into longhand values; the property name is already lower-cased. */
export function parseDeclaration(property: string, value: string): DeclarationResult {
  const parser = PARSERS[property];
  if (!parser) return { unsupported: true };
  const keyword = value.trim().toLowerCase();
  if (keyword === 'inherit' || keyword === 'initial' || keyword === 'unset') {
    const out: Declared = {};
    for (const longhand of longhandsOf(property)) out[longhand] = keyword;
    return { ok: out };
  }
  const parsed = parser(value);
  return parsed ? { ok: parsed } : { invalid: true };
}

export function isSupportedProperty(property: string): boolean {
  return property in PARSERS;
}
