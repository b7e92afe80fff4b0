import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, learnDateFormat } from '../../src/markup/dates.js';

const intl = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('long dates kept as data (for the startup snapshot)', () => {
  it('give what Intl gives, for any day, in the languages they were learnt for', () => {
    const langs = ['en', 'en-GB', 'fr', 'de', 'es', 'ko', 'ja', 'he'];
    for (const lang of langs) expect(learnDateFormat(lang), lang).toBe(true);
    fc.assert(
      fc.property(isoDate, fc.constantFrom(...langs), (iso, lang) => {
        expect(formatDate(iso, lang)).toBe(intl(iso, lang));
      }),
      { numRuns: 500 },
    );
  });

  it('are not learnt where the check against Intl fails (Russian: its parts join to other spaces than its text), and Intl formats those', () => {
    expect(learnDateFormat('ru')).toBe(false);
    expect(formatDate('2021-04-07', 'ru')).toBe(intl('2021-04-07', 'ru'));
  });
});
