import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BIN, project, runCli } from '../cli/helpers.js';
import { qpdfCheck } from '../support/validators.js';
import { releaseJson } from './corpus/types.js';

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name))]));
}

/** Every output in `dir` is whole: PDFs pass qpdf, EPUBs open as zips; no temporary file is left. */
async function expectWholeOutputs(dir: string): Promise<void> {
  for (const name of readdirSync(dir)) {
    expect(name, 'a temporary file was left behind').not.toMatch(/\.tmp$|^\./);
    if (name.endsWith('.pdf')) expect(qpdfCheck(join(dir, name)).ok, name).toBe(true);
    if (name.endsWith('.epub')) await expect(JSZip.loadAsync(readFileSync(join(dir, name)))).resolves.toBeTruthy();
  }
}

describe('a failed build leaves earlier outputs untouched', () => {
  const breakages: [string, Record<string, string | Buffer>][] = [
    ['a syntax error', { 'r.json': '{ "title": ' }],
    ['a schema error', { 'r.json': releaseJson({ titel: 'x' }) }],
    ['a corrupt logo', { 'r.json': releaseJson({ issuer: { logo: 'logo.png' } }), 'logo.png': Buffer.from('not a png') }],
    ['a broken template', { 'r.json': releaseJson({ template: './tpl' }), 'tpl/release.hbs': '{{#if}}', 'tpl/style.css': 'body {}' }],
    ['a page limit', { 'r.json': releaseJson({ body: Array.from({ length: 400 }, (_, i) => `Paragraph ${i}.`).join('\n\n') }) }],
  ];

  it.each(breakages)('%s', async (_, files) => {
    const dir = project({ 'r.json': releaseJson() });
    expect(runCli(['build', 'r.json', '-o', 'out'], dir).status).toBe(0);
    const before = snapshot(join(dir, 'out'));
    expect([...before.keys()].sort()).toEqual(['r.epub', 'r.pdf']);
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    const run = runCli(['build', 'r.json', '-o', 'out', '--max-pages', '5'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: \S+/m);
    expect(snapshot(join(dir, 'out'))).toEqual(before);
  });

  it('a write that fails is an error of that input, and leaves no temporary file', () => {
    const dir = project({ 'r.json': releaseJson(), 's.json': releaseJson() });
    mkdirSync(join(dir, 'out', 'r.pdf'), { recursive: true });
    const run = runCli(['build', '.', '-o', 'out', '--jobs', '1'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: r\.json: .*(folder|directory|EISDIR)/i);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['r.pdf', 's.epub', 's.pdf']);
  });
});

describe('a batch', () => {
  it('builds every good input when some are bad, and says how many failed', () => {
    const dir = project({
      'a.json': releaseJson(),
      'b.json': '{ broken',
      'c.yaml': 'title: [unclosed\n',
      'd.json': releaseJson({ issuer: { logo: '../../etc/passwd.png' } }),
      'e.json': releaseJson({ title: 'Another good one' }),
    });
    const run = runCli(['build', '.', '-o', 'out', '--jobs', '2'], dir);
    expect(run.status).toBe(1);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.epub', 'a.pdf', 'e.epub', 'e.pdf']);
    expect(run.stderr).toMatch(/2 built, 3 failed/);
  });
});

/** Starts a build of `count` releases and sends `signal` once the first output exists. */
async function interrupt(count: number, signal: NodeJS.Signals, jobs: number) {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`r${String(i).padStart(3, '0')}.json`] = releaseJson({ title: `Release ${i}`, body: `Text of release ${i}.` });
  const dir = project(files);
  // An earlier good build of the first releases, which the interrupted one must not damage.
  expect(runCli(['build', 'r000.json', 'r001.json', '-o', 'out', '--jobs', '1'], dir).status).toBe(0);
  const earlier = snapshot(join(dir, 'out'));
  for (let i = 0; i < 2; i++) writeFileSync(join(dir, `r00${i}.json`), releaseJson({ title: `Changed ${i}` }));
  const child = spawn(BIN, ['build', '.', '-o', 'out', '--jobs', String(jobs)], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
  let signalled: NodeJS.Signals | null = null;
  const status = await new Promise<number | null>((resolve) => {
    const poll = setInterval(() => {
      if (readdirSync(join(dir, 'out')).length > earlier.size || readdirSync(join(dir, 'out')).some((n) => !earlier.get(n)?.equals(readFileSync(join(dir, 'out', n))))) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 5);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      signalled = signal;
      resolve(code);
    });
  });
  return { dir, status, signalled, earlier, after: snapshot(join(dir, 'out')) };
}

describe('an interrupted batch', () => {
  it.each([
    ['SIGINT', 1, 130],
    ['SIGTERM', 2, 143],
  ] as const)('%s with --jobs %i stops, leaving only whole files', async (signal, jobs, expected) => {
    const { dir, status, signalled, earlier, after } = await interrupt(40, signal, jobs);
    // A process killed by a signal has no status: say which, so a crash is told from the signal.
    expect(status, `ended by ${signalled ?? 'exit'}`).toBe(expected);
    await expectWholeOutputs(join(dir, 'out'));
    // The batch did not finish; each earlier output is still there, old or replaced whole (checked above).
    expect(after.size).toBeLessThan(80);
    for (const name of earlier.keys()) expect(existsSync(join(dir, 'out', name)), name).toBe(true);
  });
});
