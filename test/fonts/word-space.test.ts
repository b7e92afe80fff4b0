import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFontRegistry } from '../../src/fonts/index.js';
import { simpleAdvance } from '../../src/fonts/simple-shaper.js';
import { advanceWithSpace } from '../../src/fonts/word-space.js';

// A word and its space, as measured from the word alone, must be exactly what shaping both
// gives: the typesetter measures line chunks that way and the PDF draws them shaped.

const root = fileURLToPath(new URL('../../', import.meta.url));
const faces = loadFontRegistry().families.flatMap((family) => family.faces);
const open = (path: string): fontkit.Font => {
  const opened = fontkit.openSync(path);
  return 'fonts' in opened ? opened.fonts[0] : opened;
};

/** Words (no space or tab) of the examples, golden files and fixtures. */
function projectWords(): Set<string> {
  const words = new Set<string>();
  const read = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path)) read(join(path, name));
    else if (/\.(ya?ml|md|txt|json|xhtml)$/.test(path)) for (const w of readFileSync(path, 'utf8').split(/[\s]+/)) if (w) words.add(w);
  };
  for (const dir of ['examples', 'test/fixtures', 'test/golden']) read(join(root, dir));
  return words;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const LATIN = [...range(0x21, 0x7e), ...range(0xa1, 0xff), ...range(0x100, 0x17f), ...range(0x2010, 0x2027), 0x20ac];
const HANGUL = [...range(0xac00, 0xac40), ...range(0xd55c, 0xd570), 0x3001, 0x3002];

describe.each(faces.map((face) => [face.id, face] as const))('%s', (id, face) => {
  it('gives a word and its space from the word alone as fontkit shapes both', () => {
    const font = open(face.path);
    const reference = open(face.path);
    const words = projectWords();
    const random = fc.array(fc.constantFrom(...LATIN, ...HANGUL, 0x69, 0x6a, 0x66), { minLength: 1, maxLength: 12 }).map((codes) => String.fromCharCode(...codes));
    for (const word of fc.sample(random, { numRuns: 3_000, seed: 5 })) words.add(word);
    let shortcuts = 0;
    for (const word of words) {
      const alone = simpleAdvance(font, word);
      const spaced = alone && advanceWithSpace(font, alone);
      if (!spaced) continue;
      shortcuts++;
      const run = reference.layout(`${word} `);
      expect([word, spaced.advance, spaced.glyphs]).toEqual([word, run.advanceWidth, run.glyphs.length]);
    }
    // The Latin faces answer for every simple word; the others (contexts read by class) for fewer.
    if (/^(Tinos|Arimo)/.test(id)) {
      const simple = [...words].filter((w) => simpleAdvance(font, w) !== undefined).length;
      expect(shortcuts).toBe(simple);
    }
  });
});
