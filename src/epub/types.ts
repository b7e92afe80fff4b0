import type { Warning } from '../diagnostics.js';

/** Metadata of a bundle: one EPUB holding several releases, one chapter each. */
export interface BundleMeta {
  title: string;
  /** Defaults to the releases' issuers. */
  publisher?: string;
  /** BCP 47; defaults to the first release's language. */
  lang?: string;
  /** A `urn:uuid:` string; defaults to one derived from the releases' identifiers. */
  identifier?: string;
  /** ISO date; defaults to the latest release date. */
  date?: string;
}

export interface EpubOptions {
  /** Several releases make a bundle; `bundle` gives its metadata (a title is then required). */
  bundle?: BundleMeta;
  /** Seconds since 1970 (`SOURCE_DATE_EPOCH`): zip timestamps and `dcterms:modified`. */
  sourceDateEpoch?: number;
  /** Told about content the EPUB cannot carry as written (attributes dropped, …). */
  onWarning?: (warning: Warning) => void;
}
