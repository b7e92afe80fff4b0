import { createHash } from 'node:crypto';
import { PressroomError } from '../diagnostics.js';
import type { RenderedRelease } from '../template/types.js';
import type { EpubOptions } from './types.js';
import type { ParsedRelease } from './xhtml.js';

/** A release chapter as the nav, NCX and package list it. */
export interface ChapterData {
  id: string;
  filename: string;
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  sections: { id: string; text: string }[];
}

/** Everything our templates read (`book` in the ejs context). */
export interface BookData {
  identifier: string;
  title: string;
  description?: string;
  creators: string[];
  publisher: string;
  date: string;
  /** `CCYY-MM-DDThh:mm:ssZ`, from the release date or SOURCE_DATE_EPOCH, never the clock. */
  modified: string;
  lang: string;
  languages: string[];
  dir: 'ltr' | 'rtl';
  a11y: { accessModes: string[]; sufficient: string[]; features: string[]; summary: string };
  chapters: ChapterData[];
  fonts: { id: string; filename: string }[];
  labels: { toc: string; landmarks: string; cover: string; start: string };
}

const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

const LABELS: Record<string, BookData['labels']> = {
  en: { toc: 'Contents', landmarks: 'Landmarks', cover: 'Cover', start: 'Start of content' },
  ko: { toc: '목차', landmarks: '주요 위치', cover: '표지', start: '본문 시작' },
  fr: { toc: 'Sommaire', landmarks: 'Repères', cover: 'Couverture', start: 'Début du contenu' },
  de: { toc: 'Inhalt', landmarks: 'Orientierungspunkte', cover: 'Umschlag', start: 'Beginn des Inhalts' },
  es: { toc: 'Índice', landmarks: 'Puntos de referencia', cover: 'Cubierta', start: 'Inicio del contenido' },
  he: { toc: 'תוכן העניינים', landmarks: 'ציוני דרך', cover: 'כריכה', start: 'תחילת התוכן' },
  ar: { toc: 'المحتويات', landmarks: 'معالم', cover: 'الغلاف', start: 'بداية المحتوى' },
};

function primary(lang: string): string {
  return lang.split('-')[0].toLowerCase();
}

/** The navigation labels in the book's language (English when we have none for it). */
export function labelsFor(lang: string): BookData['labels'] {
  return LABELS[primary(lang)] ?? LABELS.en;
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGS.has(primary(lang)) ? 'rtl' : 'ltr';
}

/** The build time used everywhere in the book: SOURCE_DATE_EPOCH, else midnight UTC of the date. */
export function buildTime(date: string, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined) return new Date(sourceDateEpoch * 1000);
  const time = Date.parse(/T/.test(date) ? date : `${date}T00:00:00Z`);
  if (Number.isNaN(time)) throw new PressroomError('schema', `release date "${date}" is not an ISO 8601 date`, { file: '' }, 'date');
  return new Date(time);
}

function w3cdtf(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A `urn:uuid:` (name-based, SHA-1) derived from the releases in a bundle. */
function derivedIdentifier(parts: string[]): string {
  const hex = createHash('sha1').update(`pressroom-bundle\0${parts.join('\0')}`).digest('hex').slice(0, 32).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

function accessibility(parsed: Omit<ParsedRelease, 'dom'>[], lang: string, bundle: boolean): BookData['a11y'] {
  const images = parsed.flatMap((p) => p.images);
  const allDescribed = images.every((i) => i.alt !== undefined);
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'];
  if (images.some((i) => i.alt)) features.splice(3, 0, 'alternativeText');
  const what = bundle ? `A collection of ${parsed.length} press releases` : 'A press release';
  const summary =
    `${what} (language: ${lang}) as reflowable text with headings, a navigable table of contents and a logical reading order. ` +
    `The cover image repeats ${bundle ? 'the title' : 'the issuer, label and title'} given in the text and has a text alternative` +
    (images.length ? (allDescribed ? '; other images have text alternatives.' : '; some images lack a text alternative.') : '.') +
    ' No hazards.';
  return {
    accessModes: ['textual', 'visual'],
    sufficient: allDescribed ? ['textual'] : ['textual,visual'],
    features,
    summary,
  };
}

/** The book's metadata and navigation data, from one release or a bundle of several. */
export function bookData(releases: RenderedRelease[], parsed: Omit<ParsedRelease, 'dom'>[], chapters: ChapterData[], options: EpubOptions): BookData {
  const first = releases[0];
  const bundle = releases.length > 1 ? options.bundle : undefined;
  if (releases.length > 1 && !bundle) {
    throw new PressroomError('schema', 'several releases make a bundle, which needs a title', { file: first.template.dir }, 'bundle.title');
  }
  const issuers = unique(releases.map((r) => r.meta.issuer));
  const date = bundle?.date ?? releases.map((r) => r.meta.date).sort().at(-1)!;
  const lang = bundle?.lang ?? first.lang;
  return {
    identifier: bundle ? bundle.identifier ?? derivedIdentifier(releases.map((r) => r.meta.identifier)) : first.meta.identifier,
    title: bundle ? bundle.title : first.meta.title,
    description: bundle ? undefined : first.meta.subtitle || undefined,
    creators: issuers,
    publisher: bundle?.publisher ?? issuers.join('; '),
    date,
    modified: w3cdtf(buildTime(date, options.sourceDateEpoch)),
    lang,
    languages: unique([lang, ...releases.map((r) => r.lang)]),
    dir: bundle ? (bundle.lang ? directionOf(bundle.lang) : first.dir) : first.dir,
    a11y: accessibility(parsed, lang, Boolean(bundle)),
    chapters,
    fonts: [],
    labels: labelsFor(lang),
  };
}
