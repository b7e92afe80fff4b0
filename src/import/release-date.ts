import type { FoundDate } from './dates.js';
import { findDatedYear, isoDate, latestYearMentioned } from './dates.js';

export interface ResolvedDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** How the date was arrived at, for the `inferred` report. */
  how: string;
  /** Set when the date (or its year) is a guess the user should check. */
  guess?: string;
}

export interface DateEvidence {
  /** Month and day from the dateline or a date line in the letterhead, if any. */
  found?: FoundDate;
  /** The whole text, searched for a full date with a year. */
  text: string;
  /** Title and body, searched for a mentioned year as a last resort before today's. */
  prose: string;
  year?: number;
  today: Date;
}

/**
 * The release date. Datelines usually leave out the year, so it comes from, in order: the
 * caller, the date itself, a full date elsewhere in the text, the latest year mentioned in the
 * prose, and only then the current year; each step after the second is reported as a guess.
 */
export function resolveDate(evidence: DateEvidence): ResolvedDate | { invalid: string } {
  const { found, today } = evidence;
  if (!found) {
    const date = isoDate(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()) as string;
    return { date, how: 'no date found; today', guess: `no date found in the text; set to today (${date}); edit it` };
  }
  let year: number;
  let how: string;
  let guess: string | undefined;
  const dated = findDatedYear(evidence.text);
  const mentioned = latestYearMentioned(evidence.prose);
  if (evidence.year !== undefined) {
    year = evidence.year;
    how = 'year given';
  } else if (found.year !== undefined) {
    year = found.year;
    how = `from "${found.text}"`;
  } else if (dated?.year !== undefined) {
    year = dated.year;
    how = `year from "${dated.text}"`;
  } else if (mentioned !== undefined) {
    year = mentioned;
    how = `year guessed from a mention of ${mentioned}`;
    guess = `year of the date guessed as ${year} (the latest year the text mentions); pass --year`;
  } else {
    year = today.getUTCFullYear();
    how = 'year guessed as the current year';
    guess = `year of the date guessed as ${year}; pass --year`;
  }
  const date = isoDate(year, found.month, found.day);
  if (!date) return { invalid: `"${found.text}" is not a date in ${year}` };
  return { date, how, guess };
}
