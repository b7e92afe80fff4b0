import { expect } from 'vitest';
import { PressroomError, PressroomErrors } from '../../src/diagnostics.js';
import { parseRelease } from '../../src/release/index.js';

/** A valid release, one field a line, that cases below change one thing in. */
export const VALID_YAML = [
  'issuer:',
  '  name: Ministry of Examples',
  '  address: 1 Example Street',
  'date: 2024-03-12',
  'title: A title',
  'body: Some text.',
].join('\n');

/** The formatted one-line messages `parseRelease` throws for this text; fails if it loads. */
export function errorsOf(text: string, path = 'x.yaml', options: { maxBytes?: number } = {}): string[] {
  try {
    parseRelease(text, path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(PressroomErrors);
    const errors = (error as PressroomErrors).errors;
    for (const e of errors) expect(e).toBeInstanceOf(PressroomError);
    return errors.map((e) => e.format());
  }
  throw new Error(`expected ${path} to be refused, but it loaded`);
}

export function kindsOf(text: string, path = 'x.yaml'): string[] {
  try {
    parseRelease(text, path);
  } catch (error) {
    return (error as PressroomErrors).errors.map((e) => e.kind);
  }
  return [];
}
