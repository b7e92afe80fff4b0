/** An HTML fragment produced by `markup/` (XHTML-compatible, raw HTML never passed through). */
export interface SafeHtml {
  readonly html: string;
}

/** The release as the template sees it: Markdown turned into safe HTML, defaults filled in. */
export interface ReleaseView {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** `urn:uuid:…` derived from the release (or its explicit `id`): EPUB identifier, PDF ID. */
  identifier: string;
  issuer: {
    name: string[];
    /** The first name line: used by continuation heads. */
    shortName: string;
    address: string;
    phone?: string;
    fax?: string;
    email?: string;
    website?: string;
    /** Absolute path of the logo file, and its alt text. */
    logo?: { path: string; alt: string };
  };
  label?: string;
  reference?: string;
  release: { immediate: boolean; embargoUntil?: string };
  /** ISO `YYYY-MM-DD`. */
  date: string;
  /** `date` formatted in `lang` (e.g. "7 April 2021"). */
  dateText: string;
  dateline?: { place: string; source?: string; text: string };
  title: SafeHtml;
  /** The title as plain text (metadata, outline, EPUB title). */
  titleText: string;
  subtitle?: SafeHtml;
  subtitleText?: string;
  body: SafeHtml;
  contacts: { name: string; role?: string; phone?: string; email?: string }[];
  about?: SafeHtml;
  end?: string;
}
