import type { PdfMeta } from './types.js';
import { escapeXml } from '../markup/xml.js';

/**
 * A value for PDFKit's `info`: PDFKit writes `valueOf()` into the Info dictionary (as a PDF
 * string) but interpolates the same value into its XMP packet unescaped, through `toString()`.
 * Returning the XML-escaped text there keeps the XMP well-formed and equal to the Info entry.
 * String methods read `this` through toString(), so charCodeAt (which PDFKit uses to choose
 * between PDFDocEncoding and UTF-16) is pointed back at the text itself.
 *
 * A String object with its own two methods, not a `class … extends String`: a subclass of
 * String (or any new object under String.prototype) made V8 stop inlining charCodeAt in
 * optimised code for the rest of the process, so every loop over a string's characters (HTML,
 * YAML and markdown parsing, shaping, font subsets) ran ~6x slower (a charCodeAt loop over a
 * release's 7,300 characters of text: 13 µs, against 80 µs once the subclass was defined).
 */
// eslint-disable-next-line @typescript-eslint/no-wrapper-object-types -- PDFKit wants a String object
function xmpSafeText(text: string): String {
  const value = new String(text);
  value.toString = () => escapeXml(text);
  value.charCodeAt = (index: number) => text.charCodeAt(index);
  return value;
}

/**
 * One line of text that XML 1.0 can hold: control characters (not even allowed as character
 * references), U+FFFE/U+FFFF and lone surrogates go; runs of white space become one space.
 */
export function metadataText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The document's timestamp: SOURCE_DATE_EPOCH when set, else the release date at 00:00 UTC. */
export function documentDate(meta: PdfMeta, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) {
      throw new Error(`SOURCE_DATE_EPOCH must be a whole number of seconds, got "${epoch}"`);
    }
    return new Date(Number(epoch) * 1000);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(meta.date);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.getUTCDate() !== Number(match?.[3])) {
    throw new Error(`release date must be a calendar date YYYY-MM-DD, got "${meta.date}"`);
  }
  return date;
}

/** XMP's date form, the one PDFKit uses for xmp:CreateDate (seconds, UTC). */
function xmpDate(date: Date): string {
  return `${date.toISOString().split('.')[0]}Z`;
}

/** The Info dictionary PDFKit writes, also the source of the XMP it generates itself. */
export function documentInfo(meta: PdfMeta, date: Date): PDFKit.DocumentInfo {
  const text = (value: string | undefined) => {
    const clean = value === undefined ? '' : metadataText(value);
    return clean === '' ? undefined : xmpSafeText(clean);
  };
  const keywords = (meta.keywords ?? []).map(metadataText).filter((k) => k !== '');
  const info = {
    Title: text(meta.title),
    Author: text(meta.author),
    Subject: text(meta.subject ?? meta.subtitle),
    Keywords: keywords.length > 0 ? xmpSafeText(keywords.join(', ')) : undefined,
    Creator: xmpSafeText('pressroom'),
    Producer: text(meta.producer) ?? xmpSafeText('pressroom'),
    CreationDate: date,
    ModDate: date,
  };
  for (const key of Object.keys(info) as (keyof typeof info)[]) {
    if (info[key] === undefined) delete info[key];
  }
  // xmpSafeText's values are String objects, which PDFKit's Info writer and its file-ID hash accept.
  return info as unknown as PDFKit.DocumentInfo;
}

/**
 * XMP properties PDFKit does not write: the release date, the language, keywords as dc:subject
 * and xmp:ModifyDate, which PDF/A requires because the Info dictionary has ModDate.
 */
export function extraXmp(meta: PdfMeta, date: Date): string {
  const keywords = (meta.keywords ?? []).map(metadataText).filter((k) => k !== '');
  const subject =
    keywords.length > 0
      ? `<dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${escapeXml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`
      : '';
  const releaseDate = /^\d{4}-\d{2}-\d{2}$/.test(meta.date) ? meta.date : xmpDate(date).slice(0, 10);
  return [
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<dc:date><rdf:Seq><rdf:li>${releaseDate}</rdf:li></rdf:Seq></dc:date>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(metadataText(meta.lang))}</rdf:li></rdf:Bag></dc:language>`,
    subject,
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<xmp:ModifyDate>${xmpDate(date)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(date)}</xmp:MetadataDate>`,
    '</rdf:Description>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
