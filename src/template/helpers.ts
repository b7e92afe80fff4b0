import type Handlebars from 'handlebars';
import { formatDate } from '../markup/index.js';

type HelperOptions = Handlebars.HelperOptions;

/** Inserts `runIn` right after the opening tag of the first paragraph of `bodyHtml`. */
export function insertRunIn(bodyHtml: string, runIn: string): string {
  const match = /<p(\s[^>]*)?>/.exec(bodyHtml);
  if (!match) return `<p>${runIn}</p>\n${bodyHtml}`;
  const at = match.index + match[0].length;
  return bodyHtml.slice(0, at) + runIn + bodyHtml.slice(at);
}

function htmlOf(value: unknown): string {
  if (value && typeof value === 'object' && 'toHTML' in value) return String((value as { toHTML(): string }).toHTML());
  return value == null ? '' : String(value);
}

/** The helpers every template gets; templates cannot register their own (no code in templates). */
export function registerHelpers(hb: typeof Handlebars, strings: (lang: string, key: string) => string): void {
  const rootLang = (options: HelperOptions): string => String(options.data?.root?.lang ?? 'en');

  // {{#runIn body}}<span class="dateline">…</span>{{/runIn}}: a run-in head inside the first paragraph.
  hb.registerHelper('runIn', function (this: unknown, body: unknown, options: HelperOptions) {
    return new hb.SafeString(insertRunIn(htmlOf(body), options.fn(this)));
  });
  hb.registerHelper('formatDate', (iso: unknown, options: HelperOptions) =>
    typeof iso === 'string' ? formatDate(iso, rootLang(options)) : '',
  );
  hb.registerHelper('formatDateTime', (iso: unknown, options: HelperOptions) =>
    typeof iso === 'string' ? formatDateTime(iso, rootLang(options)) : '',
  );
  hb.registerHelper('upper', (text: unknown, options: HelperOptions) =>
    text == null ? '' : String(text).toLocaleUpperCase(rootLang(options)),
  );
  hb.registerHelper('join', (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.filter((x) => x != null && x !== '').join(typeof sep === 'string' ? sep : ', ') : '',
  );
  // {{t "more"}}: a string of the template in the release's language (template.json "strings").
  hb.registerHelper('t', (key: unknown, options: HelperOptions) => strings(rootLang(options), String(key)));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('ne', (a: unknown, b: unknown) => a !== b);
  hb.registerHelper('lt', (a: unknown, b: unknown) => Number(a) < Number(b));
  hb.registerHelper('gt', (a: unknown, b: unknown) => Number(a) > Number(b));
  hb.registerHelper('not', (a: unknown) => !a);
  hb.registerHelper('and', (...args: unknown[]) => args.slice(0, -1).every(Boolean));
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
}

/**
 * An ISO date-time as the release wrote it, in words: "3 June 2024, 09:00 UTC+01:00". The
 * offset is kept as given, because an embargo is read in the issuer's time zone.
 */
export function formatDateTime(iso: string, lang: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  const zone = !m[4] ? '' : m[4] === 'Z' ? ' UTC' : ` UTC${m[4]}`;
  return `${formatDate(m[1], lang)}, ${m[2]}:${m[3]}${zone}`;
}

export const HELPER_NAMES = ['runIn', 'formatDate', 'formatDateTime', 'upper', 'join', 't', 'eq', 'ne', 'lt', 'gt', 'not', 'and', 'or'];
