import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRelease } from '../../src/build/index.js';
import { validateRelease } from '../../src/release/index.js';
import { qpdfCheck } from '../support/validators.js';
import { corpus } from './corpus/index.js';
import { writeCase, type HostileCase } from './corpus/types.js';
import { unreadable } from './readable.js';

const root = mkdtempSync(join(tmpdir(), 'pressroom-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `at` names a file relative to the case folder, optionally with `:line`; an empty `at` names none. */
function startsAt(line: string, dir: string, at: string): boolean {
  if (at === '') return true;
  const prefix = join(dir, at);
  if (!line.startsWith(prefix)) return false;
  const next = line[prefix.length];
  return /:\d+$/.test(at) ? next === ':' : true;
}

/** The XHTML documents of an EPUB, joined. */
async function epubDocuments(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xhtml')).sort();
  return (await Promise.all(names.map((n) => zip.files[n].async('string')))).join('\n');
}

async function run(c: HostileCase) {
  // Numbered, not named: a case's name in its folder would show up in every message.
  const dir = mkdtempSync(join(root, `case${corpus.indexOf(c)}-`));
  writeCase(dir, c.files);
  const outDir = join(dir, 'out');
  const result = await buildRelease(join(dir, c.input), { outDir, ...c.options });
  const { maxInputBytes, maxImageBytes, maxImagePixels } = c.options ?? {};
  const { errors } = await validateRelease(join(dir, c.input), { maxBytes: maxInputBytes, maxImageBytes, maxImagePixels });
  return { dir, outDir, result, validation: errors.map((e) => e.format()) };
}

describe('hostile corpus', () => {
  it('holds at least 100 cases with distinct names', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const { dir, outDir, result, validation } = await run(c);
    for (const line of [...result.errors, ...result.warnings, ...validation]) expect(unreadable(line), line).toBeUndefined();
    if (c.expect.built) {
      expect(result.errors).toEqual([]);
      expect(validation).toEqual([]);
      expect(result.outputs.map((o) => o.slice(outDir.length + 1))).toEqual(['r.pdf', 'r.epub']);
      const check = qpdfCheck(join(outDir, 'r.pdf'));
      expect(check.ok, check.output).toBe(true);
      if (c.expect.warning) expect(result.warnings.join('\n')).toMatch(c.expect.warning);
      const xhtml = await epubDocuments(join(outDir, 'r.epub'));
      // Data is text: no element, attribute or link that would run code in a reader.
      expect(xhtml).not.toMatch(/<script|<iframe|<[^>]+\son\w+=|href="(?:javascript|data|file):/i);
      if (c.expect.contains) expect(xhtml).toContain(c.expect.contains);
      return;
    }
    const { at, says } = c.expect;
    expect(result.errors.length, 'expected an error').toBeGreaterThan(0);
    expect(result.outputs).toEqual([]);
    // Nothing written, not even a temporary file.
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
    const matching = (lines: string[]) => lines.filter((l) => startsAt(l, dir, at) && says.every((s) => s.test(l)));
    expect(matching(result.errors), `no error at ${at} saying ${says.join(' and ')} in:\n${result.errors.join('\n')}`).not.toEqual([]);
    if (c.expect.validate === false) expect(validation).toEqual([]);
    else expect(matching(validation), `validate did not report it:\n${validation.join('\n')}`).not.toEqual([]);
  });
});
