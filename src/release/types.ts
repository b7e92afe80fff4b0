import type { SourcePosition, Warning } from '../diagnostics.js';

export interface Issuer {
  /** The letterhead name, one entry per printed line. */
  name: string[];
  address: string;
  phone?: string;
  fax?: string;
  email?: string;
  website?: string;
  /** Absolute path of a local PNG, JPEG or SVG file, checked to lie inside the release's folder. */
  logo?: string;
}

export interface Dateline {
  place: string;
  source?: string;
  /** Display form of the date; when absent, `date` formatted in `lang` by the template stage. */
  text?: string;
}

export interface Contact {
  name: string;
  role?: string;
  phone?: string;
  email?: string;
}

/** "immediate", or an embargo until an ISO 8601 date-time (kept as written). */
export type ReleaseTiming = { kind: 'immediate' } | { kind: 'embargo'; until: string };

/** A validated release. Markdown fields are still Markdown here; `markup/` turns them into HTML. */
export interface Release {
  /** Explicit identifier, when given; otherwise one is derived from the release. */
  id?: string;
  /** The template name or path as written in the data, if any. */
  template?: string;
  /** BCP 47 language tag, `en` when absent. */
  lang: string;
  issuer: Issuer;
  label?: string;
  reference?: string;
  release: ReleaseTiming;
  /** The release date as `YYYY-MM-DD`, checked to exist on the calendar. */
  date: string;
  dateline?: Dateline;
  /** Inline Markdown. */
  title: string;
  /** Inline Markdown. */
  subtitle?: string;
  /** Block Markdown. */
  body: string;
  contacts: Contact[];
  /** Block Markdown. */
  about?: string;
  end?: string;
}

export type SourceFormat = 'yaml' | 'json' | 'markdown';

/** Where a release came from, so later stages can report positions of fields. */
export interface ReleaseSource {
  /** Path as given by the user (used in messages). */
  path: string;
  /** Absolute folder of the release file; relative paths in data resolve against it. */
  dir: string;
  format: SourceFormat;
  /** Position of each field path that was present in the file (`issuer.name[1]`, `body`). */
  positions: Record<string, SourcePosition>;
}

/** What `loadRelease` returns: the data plus where it came from. */
export interface LoadedRelease {
  release: Release;
  source: ReleaseSource;
  /** What the data got away with but should fix (e.g. a value cut by a YAML comment). */
  warnings?: Warning[];
}
