import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The command as a user runs it (`npx pressroom`): bin/pressroom, which starts from the startup
 * snapshot (`npm test` compiles, bundles and makes it first). BIN_JS is the same command line
 * as `node bin/pressroom.js` (which hands a one-release build to bin/pressroom).
 */
export const BIN = fileURLToPath(new URL('../../bin/pressroom', import.meta.url));
export const BIN_JS = fileURLToPath(new URL('../../bin/pressroom.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pressroom …` in `cwd` and waits for it; NO_COLOR keeps messages plain. */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const run = spawnSync(BIN, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Starts `pressroom …` in `cwd` without waiting (for `watch`). */
export function startCli(args: string[], cwd: string): ChildProcess {
  return spawn(BIN, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A short, valid release: quick to typeset, so CLI tests stay fast. */
export function releaseYaml(title: string, date = '2024-01-02', extra = ''): string {
  return `lang: en
issuer:
  name: Embassy of Testland
  address: 1 Test Road, Testville
date: ${date}
title: ${title} **Announced**
body: |
  A short paragraph about ${title.toLowerCase()} for the command-line tests.
${extra}`;
}

/** A release with schema errors: it fails fast, before any typesetting. */
export const BAD_RELEASE = 'lang: en\ntitel: Misspelt\n';

/** A fresh working folder holding `files` (name → content). */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Each stdout line parsed as JSON. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Every file under `dir` (one level), hidden ones included. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}
