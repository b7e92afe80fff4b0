import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { clearFontCache, loadFontRegistry } from '../../src/fonts/index.js';

it('reads an edited fonts.json again after clearFontCache (what watch does when fonts change)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-fonts-'));
  const json = join(dir, 'fonts.json');
  const tinos = (name: string) => ({
    families: [{ name, aliases: ['serif'], package: '@expo-google-fonts/tinos', faces: [{ weight: 400, style: 'normal', file: '400Regular/Tinos_400Regular.ttf' }] }],
  });
  writeFileSync(json, JSON.stringify(tinos('Before')));
  expect(loadFontRegistry(json).families.map((f) => f.name)).toEqual(['Before']);
  writeFileSync(json, JSON.stringify(tinos('After')));
  expect(loadFontRegistry(json).families.map((f) => f.name)).toEqual(['Before']);
  clearFontCache();
  expect(loadFontRegistry(json).families.map((f) => f.name)).toEqual(['After']);
});
