import { PressroomError, type ErrorKind, type Warning } from '../diagnostics.js';
import type { Place } from './data-tree.js';

/** Collects every error found in one file, so the user sees them all at once. */
export class Problems {
  readonly errors: PressroomError[] = [];
  readonly warnings: Warning[] = [];

  constructor(readonly file: string) {}

  add(kind: ErrorKind, message: string, at: Place | undefined, field?: string, hint?: string): void {
    const position = at ? { file: this.file, line: at.line, col: at.col } : { file: this.file };
    this.errors.push(new PressroomError(kind, message, position, field, hint));
  }

  warn(message: string, at: Place, field?: string): void {
    this.warnings.push({ file: this.file, line: at.line, col: at.col, field, message });
  }

  /** Errors in file order, however the checks happened to find them. */
  sorted(): PressroomError[] {
    const key = (e: PressroomError): [number, number] => [e.position.line ?? 0, e.position.col ?? 0];
    return [...this.errors].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  }

  get count(): number {
    return this.errors.length;
  }
}

/**
 * Quotes user text for a one-line message: control characters, line breaks and lone
 * surrogates are shown as \u{…} and long text is cut short.
 */
export function quote(text: string, max = 40): string {
  const chars = Array.from(text);
  const shown = chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
  const escaped = shown.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udfff]/gu, (c) => {
    return `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`;
  });
  return `'${escaped}'`;
}

/** `U+0007`, the form used for characters in messages. */
export function codePointName(codePoint: number): string {
  return 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
}
