import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/template/load.js';
import { BAD_RELEASE, project, releaseYaml, startCli } from './helpers.js';

/** Collects a child's output and waits for a line to appear `count` times. */
function follow(child: ChildProcess) {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk));
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const count = (pattern: RegExp) => (stdout + stderr).split('\n').filter((l) => pattern.test(l)).length;
  const until = async (pattern: RegExp, times = 1, ms = 60_000) => {
    const deadline = Date.now() + ms;
    while (count(pattern) < times) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${pattern} (x${times}) in:\n${stdout}${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { until, count, exited, output: () => stdout + stderr };
}

let child: ChildProcess | undefined;
afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
});

describe('pressroom watch', () => {
  it('rebuilds on an edit, reports an error in one line and lives on, and stops on Ctrl-C leaving no temporary files', async () => {
    const dir = project({ 'a.yaml': releaseYaml('Watched') });
    child = startCli(['watch', 'a.yaml', '-f', 'pdf'], dir);
    const watch = follow(child);
    await watch.until(/^watching 1 release/);
    expect(watch.count(/^built a\.yaml → output\/a\.pdf$/)).toBe(1);
    const first = readFileSync(join(dir, 'output/a.pdf'));

    writeFileSync(join(dir, 'a.yaml'), releaseYaml('Edited'));
    await watch.until(/^built a\.yaml/, 2);
    expect(readFileSync(join(dir, 'output/a.pdf')).equals(first)).toBe(false);

    writeFileSync(join(dir, 'a.yaml'), BAD_RELEASE);
    await watch.until(/^error: a\.yaml:2:1: titel: unknown field/);
    writeFileSync(join(dir, 'a.yaml'), releaseYaml('Mended'));
    await watch.until(/^built a\.yaml/, 3);

    child.kill('SIGINT');
    expect(await watch.exited).toBe(130);
    expect(watch.output()).toContain('watch stopped');
    const leftovers = [...readdirSync(dir), ...readdirSync(join(dir, 'output'))].filter((f) => f.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 180_000);

  it('rebuilds every release using a template when its stylesheet changes', async () => {
    const dir = project({ 'a.yaml': releaseYaml('One'), 'b.yaml': releaseYaml('Two') });
    cpSync(join(BUILTIN_TEMPLATES, 'embassy'), join(dir, 'house'), { recursive: true });
    child = startCli(['watch', '.', '-f', 'epub', '-t', './house'], dir);
    const watch = follow(child);
    await watch.until(/^watching 2 releases/);
    const before = readFileSync(join(dir, 'output/b.epub'));

    const css = join(dir, 'house/style.css');
    writeFileSync(css, readFileSync(css, 'utf8') + '\np { letter-spacing: 0.01em; }\n');
    await watch.until(/^built a\.yaml/, 2);
    await watch.until(/^built b\.yaml/, 2);
    expect(readFileSync(join(dir, 'output/b.epub')).equals(before)).toBe(false);

    child.kill('SIGINT');
    expect(await watch.exited).toBe(130);
  }, 180_000);
});
