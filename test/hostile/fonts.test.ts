import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PressroomError } from '../../src/diagnostics.js';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { unreadable } from './readable.js';

/** A fonts.json with `text` in a fresh folder, beside `files`. */
function fontsJson(text: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-fonts-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'fonts.json'), text);
  return join(dir, 'fonts.json');
}

const family = (file: string, extra = '') => `{ "families": [{ "name": "X", ${extra} "faces": [{ "weight": 400, "file": "${file}" }] }] }`;

describe('missing and broken fonts', () => {
  it.each([
    ['fonts.json does not parse', fontsJson('{ "families": '), /fonts\.json: cannot read font declarations/],
    ['fonts.json has no families', fontsJson('{}'), /fonts\.json: families: /],
    ['a family without faces', fontsJson('{ "families": [{ "name": "X" }] }'), /fonts\.json: families\[0\]\.faces: /],
    ['a missing font file', fontsJson(family('nowhere.ttf')), /fonts\.json: families\[0\]\.faces\[0\]\.file: font file .*nowhere\.ttf does not exist/],
    ['a package not installed', fontsJson(family('x.ttf', '"package": "@nowhere/no-such-font",')), /families\[0\]\.package: font package @nowhere\/no-such-font is not installed \(run npm install\)/],
  ])('%s', (_, path, says) => {
    let thrown: unknown;
    try {
      loadFontRegistry(path);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PressroomError);
    const error = thrown as PressroomError;
    expect(error.kind).toBe('font');
    expect(error.format()).toMatch(says);
    expect(unreadable(error.format())).toBeUndefined();
  });
});
