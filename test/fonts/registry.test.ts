import { describe, expect, it } from 'vitest';
import { describeFonts, loadFontRegistry, nearestFace } from '../../src/fonts/index.js';
import type { FontFace } from '../../src/fonts/types.js';

const registry = loadFontRegistry();

describe('font registry', () => {
  it('resolves a CSS chain with aliases, then the other families', () => {
    const faces = registry.resolve(['"Times New Roman"', 'serif'], 700, 'italic');
    expect(faces.map((f) => f.id)).toEqual(['Tinos-700-italic', 'Arimo-700-italic', 'NotoSerifKR-700-normal', 'NotoNaskhArabic-700-normal', 'NotoEmoji-700-normal']);
    expect(registry.resolve(['Helvetica', 'serif'], 400, 'normal')[0].id).toBe('Arimo-400-normal');
    expect(registry.resolve(['Nonexistent'], 400, 'normal')[0].id).toBe('Tinos-400-normal');
  });

  it('picks the nearest weight as CSS does and synthesises nothing', () => {
    const face = (weight: number, style: 'normal' | 'italic' = 'normal'): FontFace =>
      ({ id: `${weight}${style}`, family: 'X', weight, style, path: '' });
    const faces = [face(300), face(400), face(600), face(700, 'italic')];
    expect(nearestFace(faces, 500, 'normal').weight).toBe(400);
    expect(nearestFace(faces, 450, 'normal').weight).toBe(400);
    expect(nearestFace(faces, 200, 'normal').weight).toBe(300);
    expect(nearestFace(faces, 800, 'normal').weight).toBe(600);
    expect(nearestFace(faces, 400, 'italic').id).toBe('700italic');
    expect(nearestFace([face(400)], 700, 'italic').id).toBe('400normal');
  });

  it('finds a face per character', () => {
    const faces = registry.resolve(['serif'], 400, 'normal');
    expect(registry.faceFor(faces, 'A'.codePointAt(0)!)?.id).toBe('Tinos-400-normal');
    expect(registry.faceFor(faces, 0x3a9)?.id).toBe('Tinos-400-normal');
    expect(registry.faceFor(faces, 0xd55c)?.id).toBe('NotoSerifKR-400-normal');
    expect(registry.faceFor(faces, 0x1f600)?.id).toBe('NotoEmoji-400-normal');
    expect(registry.faceFor(faces, 0xe000)).toBeUndefined();
  });

  it('measures as fontkit lays text out, with kerning, and scales metrics', () => {
    const tinos = registry.resolve(['serif'], 400, 'normal')[0];
    const w = registry.measure(tinos, 12, 'Hello world');
    expect(w).toBeGreaterThan(50);
    expect(w).toBeLessThan(70);
    expect(registry.measure(tinos, 24, 'Hello world')).toBeCloseTo(2 * w, 6);
    // kerned pair narrower than its letters apart; no kerning across a space (PDFKit's chunks)
    expect(registry.measure(tinos, 12, 'AV')).toBeLessThan(registry.measure(tinos, 12, 'A') + registry.measure(tinos, 12, 'V'));
    expect(registry.measure(tinos, 12, 'A V')).toBeCloseTo(registry.measure(tinos, 12, 'A ') + registry.measure(tinos, 12, 'V'), 9);
    const m = registry.metrics(tinos, 10);
    expect(m.ascent).toBeGreaterThan(8);
    expect(m.descent).toBeGreaterThan(1);
    expect(m.unitsPerEm).toBe(2048);
  });

  it('describes the scripts each family covers', () => {
    const described = Object.fromEntries(describeFonts(registry).map((f) => [f.name, f.scripts]));
    expect(described.Tinos).toEqual(expect.arrayContaining(['Latin', 'Greek', 'Cyrillic', 'Hebrew']));
    expect(described['Noto Serif KR']).toEqual(expect.arrayContaining(['Hangul']));
    expect(described.Tinos).not.toContain('Hangul');
  });
});
