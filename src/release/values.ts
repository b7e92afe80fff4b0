import { quote } from './problems.js';

/** A checked value, or why it was refused (message, and a hint on what to write instead). */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string; kind?: 'path' | 'limit' };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const refuse = (message: string, hint?: string, kind?: 'path' | 'limit'): Checked<never> => ({ ok: false, message, hint, kind });

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Checks that a year, month and day exist on the (proleptic Gregorian) calendar. */
function calendarProblem(year: number, month: number, day: number): Checked<never> | undefined {
  if (month < 1 || month > 12) return refuse(`no such date: month ${month}`, 'months run from 01 to 12');
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return refuse(`no such date: day ${day} of ${MONTHS[month - 1]} ${year}`, `${MONTHS[month - 1]} ${year} has ${days} days`);
  return undefined;
}

export function checkDate(text: string): Checked<string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return refuse(`expected a date as YYYY-MM-DD, found ${quote(text)}`, 'e.g. 2024-03-12');
  return calendarProblem(Number(match[1]), Number(match[2]), Number(match[3])) ?? ok(text);
}

export function checkLang(text: string): Checked<string> {
  const canonical = canonicalLocale(text);
  if (canonical !== undefined) return ok(canonical);
  const guess = canonicalLocale(text.replace(/_/g, '-'));
  const hint = guess !== undefined ? `did you mean '${guess}'?` : 'e.g. en, en-GB, fr-CA, ko';
  return refuse(`${quote(text)} is not a BCP 47 language tag`, hint);
}

function canonicalLocale(text: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(text)[0];
  } catch {
    return undefined;
  }
  // Five- to eight-letter language subtags are reserved and none is registered, so
  // `English` or `deutsch` is a mistake, not a language.
  return /^[a-z]{2,3}(?:-|$)/.test(canonical) ? canonical : undefined;
}

export type Timing = { kind: 'immediate' } | { kind: 'embargo'; until: string };

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-](\d{2})(?::?(\d{2}))?)?$/i;
const EMBARGO_HINT = "write 'immediate' or a date-time with a time zone, e.g. 2024-06-03T09:00:00+01:00";

export function checkTiming(text: string): Checked<Timing> {
  if (text.toLowerCase() === 'immediate') return ok({ kind: 'immediate' });
  const match = DATE_TIME.exec(text);
  if (!match) {
    const hint = /^\d{4}-\d{2}-\d{2}$/.test(text) ? 'an embargo needs a time and a time zone, e.g. ' + `${text}T09:00:00+01:00` : EMBARGO_HINT;
    return refuse(`expected 'immediate' or an ISO 8601 date-time, found ${quote(text)}`, hint);
  }
  const [, year, month, day, hour, minute, second, zone, zoneHours, zoneMinutes] = match;
  const dateProblem = calendarProblem(Number(year), Number(month), Number(day));
  if (dateProblem) return dateProblem;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59) return refuse(`no such time: ${quote(text)}`, EMBARGO_HINT);
  if (zone === undefined) return refuse(`the embargo time ${quote(text)} has no time zone`, 'add Z for UTC or an offset such as +01:00');
  if (Number(zoneHours ?? 0) > 23 || Number(zoneMinutes ?? 0) > 59) return refuse(`no such time zone offset: ${quote(zone)}`, EMBARGO_HINT);
  return ok({ kind: 'embargo', until: text });
}

export function checkEmail(text: string): Checked<string> {
  if (/^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(text)) return ok(text);
  const hint = /^mailto:/i.test(text) ? "leave out 'mailto:'" : 'e.g. press@example.org';
  return refuse(`${quote(text)} is not an e-mail address`, hint);
}

export function checkWebsite(text: string): Checked<string> {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return ok(text);
  const hint = !/^[a-z][a-z0-9+.-]*:/i.test(text) && /^[^\s/]+\.[^\s]+$/.test(text) ? `did you mean 'https://${text}'?` : 'e.g. https://example.org';
  return refuse(`expected an http:// or https:// address, found ${quote(text)}`, hint);
}
