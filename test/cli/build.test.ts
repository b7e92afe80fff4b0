import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText, qpdfCheck } from '../support/validators.js';
import { epubcheck } from '../support/epubcheck.js';
import { BAD_RELEASE, jsonLines, project, releaseYaml, runCli } from './helpers.js';

// Each case runs the CLI several times; a busy machine needs more than the default minute.
describe('pressroom build: exit status and --json', { timeout: 180_000 }, () => {
  const dir = project({ 'good.yaml': releaseYaml('Harbour Festival'), 'bad.yaml': BAD_RELEASE });

  it('builds the good release of a batch with a bad one, and exits with 1', () => {
    const run = runCli(['build', 'good.yaml', 'bad.yaml', '--jobs', '1'], dir);
    expect(run.status).toBe(1);
    expect(readFileSync(join(dir, 'output/good.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(dir, 'output/good.epub'))).toBe(true);
    expect(existsSync(join(dir, 'output/bad.pdf'))).toBe(false);
    expect(run.stderr).toContain("error: bad.yaml:2:1: titel: unknown field (did you mean 'title'?)");
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(/^1 built, 1 failed, 0 warnings in \d+\.\d\d s$/);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
  });

  it('exits with 0 when all are built, and 2 on an unknown flag', () => {
    expect(runCli(['build', 'good.yaml', '-q', '-f', 'epub'], dir).status).toBe(0);
    const unknown = runCli(['build', 'good.yaml', '--colour'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown argument: colour');
    expect(runCli(['build', 'good.yaml', '--jobs', '0'], dir).status).toBe(2);
    expect(runCli(['build', 'good.yaml', '--bundle', '../x'], dir).status).toBe(2);
  });

  it('prints one JSON object per input on stdout with --json, and nothing else', () => {
    const run = runCli(['build', 'bad.yaml', 'good.yaml', 'missing.yaml', '--json', '-f', 'pdf'], dir);
    expect(run.status).toBe(1);
    const results = jsonLines(run.stdout);
    expect(results.map((r) => Object.keys(r))).toEqual([0, 1, 2].map(() => ['input', 'outputs', 'warnings', 'errors']));
    const byInput = Object.fromEntries(results.map((r) => [r.input, r]));
    expect(byInput['good.yaml']).toEqual({ input: 'good.yaml', outputs: ['output/good.pdf'], warnings: [], errors: [] });
    expect(byInput['bad.yaml'].outputs).toEqual([]);
    expect((byInput['bad.yaml'].errors as string[]).length).toBeGreaterThan(1);
    expect(byInput['missing.yaml'].errors).toEqual(['missing.yaml: no such file or folder']);
    expect(run.stderr.trim()).toMatch(/^1 built, 2 failed/);
  });
});

// Each case runs the CLI several times; a busy machine needs more than the default minute.
describe('pressroom build --jobs', { timeout: 180_000 }, () => {
  const names = ['one', 'two', 'three', 'four'];
  const dir = project(Object.fromEntries(names.map((n, i) => [`${n}.yaml`, releaseYaml(`Release ${n}`, `2024-02-0${i + 1}`)])));

  it('gives byte-identical outputs with 2 worker processes and with none', () => {
    expect(runCli(['build', '.', '--jobs', '1', '-o', 'serial', '-q'], dir).status).toBe(0);
    const parallel = runCli(['build', '.', '--jobs', '2', '-o', 'parallel', '--json'], dir);
    expect(parallel.status).toBe(0);
    expect(jsonLines(parallel.stdout).map((r) => r.input)).toEqual(['four.yaml', 'one.yaml', 'three.yaml', 'two.yaml']);
    const files = readdirSync(join(dir, 'serial')).sort();
    expect(files).toHaveLength(8);
    expect(readdirSync(join(dir, 'parallel')).sort()).toEqual(files);
    for (const file of files) expect(readFileSync(join(dir, 'parallel', file)).equals(readFileSync(join(dir, 'serial', file))), file).toBe(true);
  });
});

// Each case runs the CLI several times; a busy machine needs more than the default minute.
describe('pressroom build --bundle', { timeout: 180_000 }, () => {
  const dir = project({
    'later.yaml': releaseYaml('Later Release', '2024-05-01'),
    'earlier.yaml': releaseYaml('Earlier Release', '2024-04-01'),
    'bad.yaml': BAD_RELEASE,
  });

  it('makes one PDF and one EPUB of the good releases, and reports the bad one', async () => {
    const run = runCli(['build', '.', '--bundle', 'spring', '--json'], dir);
    expect(run.status).toBe(1);
    const results = jsonLines(run.stdout);
    expect(results.find((r) => r.input === 'earlier.yaml')?.outputs).toEqual(['output/spring.pdf', 'output/spring.epub']);
    expect(results.find((r) => r.input === 'bad.yaml')?.outputs).toEqual([]);
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['spring.epub', 'spring.pdf']);
    const pdf = readFileSync(join(dir, 'output/spring.pdf'), 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(qpdfCheck(join(dir, 'output/spring.pdf')).ok).toBe(true);
    const text = pdfText(join(dir, 'output/spring.pdf'));
    expect(text.indexOf('Earlier Release')).toBeGreaterThan(-1);
    expect(text.indexOf('Earlier Release')).toBeLessThan(text.indexOf('Later Release'));
    const check = await epubcheck(join(dir, 'output/spring.epub'));
    expect(check.ok, check.output).toBe(true);
  });
});
