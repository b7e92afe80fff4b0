/** A calendar date as found in the text; the year is often left out of datelines. */
export interface FoundDate {
  month: number;
  day: number;
  year?: number;
  /** The date as written ("April 7", "April 7, 2021"). */
  text: string;
}

/** A dateline run into the first paragraph: "Pyongyang, April 7 (KCNA) -- ". */
export interface FoundDateline {
  place: string;
  source?: string;
  date: FoundDate;
  /** The paragraph after the dateline and its dash. */
  rest: string;
}

const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
/** "April 7", "April 7, 2021", "7 April 2021", "2021년 4월 7일": groups m1 d1 y1 | d2 m2 y2 | y3 m3 d3. */
const DATE =
  `(?:(?<m1>${MONTH})\\s+(?<d1>\\d{1,2})${ORDINAL}(?:,?\\s+(?<y1>\\d{4}))?` +
  `|(?<d2>\\d{1,2})${ORDINAL}\\s+(?<m2>${MONTH})(?:,?\\s+(?<y2>\\d{4}))?` +
  `|(?:(?<y3>\\d{4})년\\s*)?(?<m3>\\d{1,2})월\\s*(?<d3>\\d{1,2})일)`;

const DATELINE = new RegExp(
  `^(?:\\*\\*)?(?<place>\\p{L}[^\\d()\\n*]{0,59}?)(?:\\*\\*)?(?:,\\s*|\\s+(?=(?:\\d{4}년\\s*)?\\d{1,2}월))(?<date>${DATE})` +
    `(?:\\*\\*)?\\s*(?:\\((?<source>[^()\\n]{1,40})\\))?(?:\\s*(?:--|—|–)|\\s+-(?=\\s|$))\\s*`,
  'iu',
);
const DATE_ANYWHERE = new RegExp(`(?<![\\p{L}\\d])${DATE}`, 'giu');
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(name: string): number {
  if (/^\d+$/.test(name)) return Number(name);
  return MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function dateFromGroups(groups: Record<string, string | undefined>, text: string): FoundDate | undefined {
  const month = monthNumber(groups.m1 ?? groups.m2 ?? groups.m3 ?? '');
  const day = Number(groups.d1 ?? groups.d2 ?? groups.d3);
  const yearText = groups.y1 ?? groups.y2 ?? groups.y3;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { month, day, year: yearText ? Number(yearText) : undefined, text };
}

/** The dateline at the start of a paragraph, if it opens with one. */
export function parseDateline(paragraph: string): FoundDateline | undefined {
  const match = DATELINE.exec(paragraph);
  if (!match?.groups) return undefined;
  const date = dateFromGroups(match.groups, match.groups.date);
  if (!date) return undefined;
  const place = match.groups.place.trim().replace(/,$/, '');
  const source = match.groups.source?.trim();
  return { place, source: source || undefined, date, rest: paragraph.slice(match[0].length) };
}

/** A full date with a year anywhere in the text ("April 7, 2021", "2021-04-07"). */
export function findDatedYear(text: string): FoundDate | undefined {
  for (const match of text.matchAll(DATE_ANYWHERE)) {
    const date = match.groups && dateFromGroups(match.groups, match[0]);
    if (date?.year !== undefined) return date;
  }
  const iso = ISO_DATE.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), text: iso[0] };
  return undefined;
}

/** A line that is only a date ("7 April 2021", "April 7, 2021"), as some letterheads carry. */
export function parseDateLine(line: string): FoundDate | undefined {
  const trimmed = line.trim().replace(/^(?:date|dated)\s*:\s*/i, '').replace(/\.$/, '');
  const whole = new RegExp(`^(?:\\p{L}+day,?\\s+)?${DATE}$`, 'iu').exec(trimmed);
  if (whole?.groups) return dateFromGroups(whole.groups, trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), text: trimmed };
  return undefined;
}

/**
 * The most recent year mentioned in running text, ignoring digit groups such as
 * "6348 2026" in a phone number or "10 000" in a count.
 */
export function latestYearMentioned(text: string): number | undefined {
  let latest: number | undefined;
  for (const match of text.matchAll(/(?<![\d.,:/-]\s?|\d)\b((?:19|20)\d{2})\b(?!\s?\d|[.,:/-]\d)/g)) {
    const year = Number(match[1]);
    if (latest === undefined || year > latest) latest = year;
  }
  return latest;
}

/** `YYYY-MM-DD`, or undefined when the day does not exist in that month and year. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
