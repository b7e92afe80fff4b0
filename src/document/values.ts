/** Parsing of single CSS values: lengths, colours, keywords. Every length comes out in points. */

export type LengthUnit = 'pt' | 'em' | 'rem' | '%';

/** A length as written, reduced to points or to a unit that needs context (font size, width). */
export interface Length {
  value: number;
  unit: LengthUnit;
}

const POINTS_PER: Record<string, number> = {
  pt: 1,
  px: 0.75,
  in: 72,
  pc: 12,
  cm: 72 / 2.54,
  mm: 72 / 25.4,
  q: 72 / 101.6,
};

const NUMBER = '[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[+-]?\\d+)?';
const LENGTH_PATTERN = new RegExp(`^(${NUMBER})([a-z%]*)$`, 'i');
const NUMBER_PATTERN = new RegExp(`^${NUMBER}$`, 'i');

export const zero: Length = { value: 0, unit: 'pt' };

export function parseNumber(token: string): number | null {
  return NUMBER_PATTERN.test(token) ? Number(token) : null;
}

/** A length or percentage; unitless numbers other than 0 are not lengths. */
export function parseLength(token: string): Length | null {
  const match = LENGTH_PATTERN.exec(token);
  if (!match) return null;
  const value = Number(match[1]);
  const unit = match[2].toLowerCase();
  if (unit === '') return value === 0 ? zero : null;
  if (unit in POINTS_PER) return { value: value * POINTS_PER[unit], unit: 'pt' };
  if (unit === 'em' || unit === 'rem' || unit === '%') return { value, unit };
  // Without font metrics an ex or ch is taken as half an em, as browsers do as fallback.
  if (unit === 'ex' || unit === 'ch') return { value: value / 2, unit: 'em' };
  return null;
}

/** Resolves a length to points against the element's font size, the root's, and a reference width. */
export function resolveLength(length: Length, fontSize: number, rootFontSize: number, percentBase: number): number {
  switch (length.unit) {
    case 'pt':
      return length.value;
    case 'em':
      return length.value * fontSize;
    case 'rem':
      return length.value * rootFontSize;
    case '%':
      return (length.value / 100) * percentBase;
  }
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  navy: '#000080',
  maroon: '#800000',
  purple: '#800080',
  teal: '#008080',
  olive: '#808000',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  lime: '#00ff00',
  aqua: '#00ffff',
  fuchsia: '#ff00ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  dimgray: '#696969',
  dimgrey: '#696969',
  darkblue: '#00008b',
  darkred: '#8b0000',
};

function hex2(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n))).toString(16).padStart(2, '0');
}

function parseRgbComponent(part: string): number | null {
  if (part.endsWith('%')) {
    const n = parseNumber(part.slice(0, -1));
    return n === null ? null : (n / 100) * 255;
  }
  return parseNumber(part);
}

/** A colour as `#rrggbb`, `'currentcolor'`, or null when it is not one we know. Alpha is dropped. */
export function parseColor(token: string): string | null {
  const value = token.trim().toLowerCase();
  if (value === 'currentcolor') return 'currentcolor';
  if (value in NAMED_COLORS) return NAMED_COLORS[value];
  const hex = /^#([0-9a-f]{3,8})$/.exec(value);
  if (hex) {
    const digits = hex[1];
    if (digits.length === 3 || digits.length === 4) {
      return '#' + [...digits.slice(0, 3)].map((d) => d + d).join('');
    }
    if (digits.length === 6 || digits.length === 8) return '#' + digits.slice(0, 6);
    return null;
  }
  const fn = /^rgba?\((.*)\)$/.exec(value);
  if (fn) {
    const parts = fn[1].split(/\s*[,/]\s*|\s+/).filter((p) => p !== '');
    if (parts.length < 3 || parts.length > 4) return null;
    const rgb = parts.slice(0, 3).map(parseRgbComponent);
    if (rgb.some((c) => c === null)) return null;
    return '#' + rgb.map((c) => hex2(c as number)).join('');
  }
  return null;
}

/**
 * Splits a value on white space outside quotes and parentheses (and on commas when asked),
 * so `rgb(0, 0, 0)` and `"Noto Serif"` stay one token.
 */
export function splitValue(value: string, separator: 'space' | 'comma' = 'space'): string[] {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  let quote = '';
  for (const ch of value) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === '(') {
      depth++;
      current += ch;
    } else if (ch === ')') {
      depth--;
      current += ch;
    } else if (depth === 0 && (separator === 'comma' ? ch === ',' : /\s/.test(ch))) {
      if (current.trim() !== '' || separator === 'comma') tokens.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '' || (separator === 'comma' && tokens.length > 0)) tokens.push(current.trim());
  return tokens;
}

/** The family names of a `font-family` list, quotes stripped; null when one is empty. */
export function parseFontFamily(value: string): string[] | null {
  const families = splitValue(value, 'comma').map((name) => {
    const quoted = /^(["'])(.*)\1$/.exec(name);
    return quoted ? quoted[2] : name.split(/\s+/).join(' ');
  });
  return families.length > 0 && families.every((f) => f !== '') ? families : null;
}

const SIZE_KEYWORDS: Record<string, number> = {
  'xx-small': 6.75,
  'x-small': 7.5,
  small: 9.75,
  medium: 12,
  large: 13.5,
  'x-large': 18,
  'xx-large': 24,
  'xxx-large': 36,
};

export type FontSizeValue = Length | 'smaller' | 'larger';

export function parseFontSize(token: string): FontSizeValue | null {
  const keyword = token.toLowerCase();
  if (keyword in SIZE_KEYWORDS) return { value: SIZE_KEYWORDS[keyword], unit: 'pt' };
  if (keyword === 'smaller' || keyword === 'larger') return keyword;
  const length = parseLength(token);
  return length && length.value >= 0 ? length : null;
}

export type FontWeightValue = number | 'bolder' | 'lighter';

export function parseFontWeight(token: string): FontWeightValue | null {
  const keyword = token.toLowerCase();
  if (keyword === 'normal') return 400;
  if (keyword === 'bold') return 700;
  if (keyword === 'bolder' || keyword === 'lighter') return keyword;
  const n = parseNumber(token);
  return n !== null && n >= 1 && n <= 1000 ? n : null;
}

export type LineHeightValue = { multiplier: number } | Length;

export function parseLineHeight(token: string): LineHeightValue | null {
  if (token.toLowerCase() === 'normal') return { multiplier: 1.2 };
  const n = parseNumber(token);
  if (n !== null) return n >= 0 ? { multiplier: n } : null;
  const length = parseLength(token);
  return length && length.value >= 0 ? length : null;
}

/** Returns `token` if it is one of `allowed` (case-insensitively), else null. */
export function parseKeyword<T extends string>(token: string, allowed: readonly T[]): T | null {
  const keyword = token.toLowerCase();
  return (allowed as readonly string[]).includes(keyword) ? (keyword as T) : null;
}
