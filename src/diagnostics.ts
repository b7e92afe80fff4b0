/** Where in a source file something was found. Lines and columns count from 1. */
export interface SourcePosition {
  file: string;
  line?: number;
  col?: number;
}

/** A problem that does not stop a build: unsupported CSS, a missing glyph, a guessed value. */
export interface Warning extends SourcePosition {
  /** Dotted field path (`issuer.name[1]`) or template location (`partials/footer.hbs`), when known. */
  field?: string;
  message: string;
}

/** The error kinds a user can act on; the README lists what to do about each. */
export type ErrorKind =
  | 'syntax' // the file does not parse (YAML, JSON, front matter, CSS, template)
  | 'schema' // a field is missing, unknown or of the wrong type
  | 'template' // a template or partial is missing or fails while rendering
  | 'font' // a font file cannot be found or read
  | 'path' // a path leaves its folder, or is a remote URL
  | 'limit' // input, image or page limits exceeded
  | 'io' // reading or writing failed
  | 'layout'; // the page leaves no room for text, or similar

/** An error that stops one release. Its `format()` is the single line shown to the user. */
export class PressroomError extends Error {
  readonly kind: ErrorKind;
  readonly position: SourcePosition;
  readonly field?: string;
  readonly hint?: string;

  constructor(kind: ErrorKind, message: string, position: SourcePosition, field?: string, hint?: string) {
    super(message);
    this.name = 'PressroomError';
    this.kind = kind;
    this.position = position;
    this.field = field;
    this.hint = hint;
  }

  /** `file:line:col: field: message (hint)` with absent parts left out. */
  format(): string {
    return formatDiagnostic({ ...this.position, field: this.field, message: this.message }, this.hint);
  }
}

/** Several errors found in one input (validation reports them all at once). */
export class PressroomErrors extends Error {
  readonly errors: PressroomError[];
  constructor(errors: PressroomError[]) {
    super(errors.map((e) => e.format()).join('\n'));
    this.name = 'PressroomErrors';
    this.errors = errors;
  }
}

export function formatDiagnostic(d: Warning, hint?: string): string {
  let where = d.file;
  if (d.line !== undefined) where += `:${d.line}`;
  if (d.line !== undefined && d.col !== undefined) where += `:${d.col}`;
  const field = d.field ? `${d.field}: ` : '';
  const tail = hint ? ` (${hint})` : '';
  return `${where}: ${field}${d.message}${tail}`;
}
