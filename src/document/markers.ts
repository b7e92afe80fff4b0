/** List item markers, as a browser draws them for each `list-style-type`. */
import type { ListStyleType } from './properties.js';

const BULLETS: Partial<Record<ListStyleType, string>> = { disc: '\u2022', circle: '\u25e6', square: '\u25aa' };

function alphabetic(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    out = String.fromCharCode(97 + ((rest - 1) % 26)) + out;
  }
  return out;
}

function roman(n: number): string {
  const numerals: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, numeral] of numerals) {
    for (; rest >= value; rest -= value) out += numeral;
  }
  return out;
}

/** The marker of the item numbered `n`, or undefined for `none`. Alphabetic and roman fall back to decimal outside their range. */
export function listMarker(n: number, type: ListStyleType): string | undefined {
  if (type === 'none') return undefined;
  const bullet = BULLETS[type];
  if (bullet) return bullet;
  if (n >= 1 && (type === 'lower-alpha' || type === 'upper-alpha')) {
    const letters = alphabetic(n);
    return `${type === 'upper-alpha' ? letters.toUpperCase() : letters}.`;
  }
  if (n >= 1 && n < 4000 && (type === 'lower-roman' || type === 'upper-roman')) {
    const numerals = roman(n);
    return `${type === 'upper-roman' ? numerals.toUpperCase() : numerals}.`;
  }
  return `${n}.`;
}
