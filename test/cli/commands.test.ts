import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { pdfText } from '../support/validators.js';
import { bodyWords, words } from '../support/words.js';
import { loadRelease } from '../../src/release/index.js';
import { renderXhtml } from '../../src/build/render.js';

const REFERENCE = resolve('test/fixtures/import/reference.txt');

/** The reference as a reader sees it: `**` marks gone, the paragraph a page break split joined. */
function referenceWords(): string[] {
  return words(readFileSync(REFERENCE, 'utf8').replace(/\*\*/g, ''));
}

describe('pressroom import', () => {
  it('turns the reference into release data whose PDF has the reference text word for word', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-import-'));
    copyFileSync(REFERENCE, join(dir, 'reference.txt'));
    const imported = runCli(['import', 'reference.txt', '-o', 'reference.yaml', '--year', '2021'], dir);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('wrote reference.yaml');
    expect(imported.stderr).toContain('dateline: Pyongyang, April 7 (KCNA)');

    const built = runCli(['build', 'reference.yaml', '-f', 'pdf'], dir);
    expect(built.status, built.stderr).toBe(0);
    const pages = pdfText(join(dir, 'output', 'reference.pdf')).split('\f').filter((p) => p.trim());
    const rendered = renderXhtml(await loadRelease(join(dir, 'reference.yaml')));
    const body = bodyWords(pages, rendered, (ok, what) => expect(ok, what).toBe(true));
    expect(body).toEqual(referenceWords());
  });

  it('refuses to overwrite an existing file without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-import-'));
    copyFileSync(REFERENCE, join(dir, 'reference.txt'));
    expect(runCli(['import', 'reference.txt', '--year', '2021'], dir).status).toBe(0);
    const again = runCli(['import', 'reference.txt', '--year', '2021'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('pressroom init', () => {
  it('writes a starter release and a template copy that build at once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-init-'));
    const init = runCli(['init', 'office', '--template'], dir);
    expect(init.status, init.stderr).toBe(0);
    expect(existsSync(join(dir, 'office', 'template', 'release.hbs'))).toBe(true);
    const built = runCli(['build', 'office/release.yaml'], dir);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toContain('1 built, 0 failed, 0 warnings');
    expect(existsSync(join(dir, 'output', 'release.pdf'))).toBe(true);
  });
});

describe('pressroom templates and fonts', () => {
  it('lists both built-in templates with a description', () => {
    const run = runCli(['templates'], process.cwd());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^embassy\s+An embassy/m);
    expect(run.stdout).toMatch(/^newswire\s+A company/m);
  });

  it('lists the font families and the scripts they cover', () => {
    const run = runCli(['fonts'], process.cwd());
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Tinos[^\n]*\n\s+faces: 400 400i 700 700i\n\s+scripts: [^\n]*Greek[^\n]*Cyrillic/);
    expect(run.stdout).toMatch(/Noto Serif KR[\s\S]*scripts: [^\n]*Hangul/);
  });
});

describe('pressroom build --page-size', () => {
  it('refuses an unknown size as a usage error, before building', () => {
    const run = runCli(['build', 'examples', '--page-size', 'A3x', '-o', mkdtempSync(join(tmpdir(), 'pressroom-size-'))], process.cwd());
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--page-size 'A3x'");
  });
});

describe('pressroom build --bundle with metadata', () => {
  it('gives the bundle the title, publisher and language asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-bundle-'));
    const run = runCli(
      ['build', resolve('examples'), '--bundle', 'press-2024', '--bundle-title', 'Press releases 2024', '--bundle-publisher', 'Norland press office', '-f', 'pdf'],
      dir,
    );
    expect(run.status, run.stderr).toBe(0);
    const info = spawnSync('pdfinfo', [join(dir, 'output', 'press-2024.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Title:\s+Press releases 2024$/m);
    expect(info).toMatch(/^Author:\s+Norland press office$/m);
  });
});
