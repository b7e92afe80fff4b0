import { BoundedMap } from '../fonts/bounded-map.js';

/** Date formats per language: making one loads locale data (~0.5 ms warm, ~10 ms in a new process). */
const dateFormats = new BoundedMap<string, Intl.DateTimeFormat>(64);

/**
 * A language's long date as plain data: its parts in order, literal text kept, and the month
 * names. Learnt ahead (the startup snapshot, which cannot hold ICU objects) and used only
 * where it gives what Intl gives for every day tried.
 */
interface DatePattern {
  parts: (Intl.DateTimeFormatPartTypes | { literal: string })[];
  months: string[];
}
const patterns = new Map<string, DatePattern>();

function dateFormat(lang: string): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format;
}

function utcDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fill(pattern: DatePattern, when: Date): string {
  return pattern.parts
    .map((part) => {
      if (typeof part === 'object') return part.literal;
      if (part === 'day') return String(when.getUTCDate());
      if (part === 'month') return pattern.months[when.getUTCMonth()];
      return String(when.getUTCFullYear());
    })
    .join('');
}

/** The release date formatted in the release's language ("7 April 2021", "2021년 4월 7일"). */
export function formatDate(isoDate: string, lang: string): string {
  const when = utcDate(isoDate);
  const pattern = patterns.get(lang);
  return pattern ? fill(pattern, when) : dateFormat(lang).format(when);
}

/**
 * Learns `lang`'s long date as data, if it is day, month name and year in ASCII digits around
 * fixed text, and checks it against Intl on every day of two years (a leap year among them).
 */
export function learnDateFormat(lang: string): boolean {
  const format = dateFormat(lang);
  const months: string[] = [];
  let parts: DatePattern['parts'] | undefined;
  for (let month = 0; month < 12; month++) {
    const these = format.formatToParts(new Date(Date.UTC(2024, month, 13)));
    const shape = these.map((p) => (p.type === 'literal' ? { literal: p.value } : p.type));
    if (parts && JSON.stringify(shape) !== JSON.stringify(parts)) return false;
    parts = shape;
    const name = these.find((p) => p.type === 'month')?.value;
    if (name === undefined) return false;
    months.push(name);
  }
  const pattern: DatePattern = { parts: parts ?? [], months };
  for (let day = Date.UTC(2023, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
    const when = new Date(day);
    if (fill(pattern, when) !== format.format(when)) return false;
  }
  patterns.set(lang, pattern);
  return true;
}

/** Drops the date formats: ICU objects, which a V8 startup snapshot cannot hold. */
export function clearDateFormats(): void {
  dateFormats.clear();
}
