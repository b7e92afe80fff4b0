import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, BIN_JS, filesIn, project, releaseYaml } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BLOB = join(ROOT, 'dist/bundle/pressroom.blob');
const STARTED = 'pressroom: started from the startup snapshot';

function run(command: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const [file, ...args] = command;
  const result = spawnSync(file, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Builds `inputs` with both entry points into out-snapshot/ and out-plain/ of `dir`. */
function buildBoth(dir: string, inputs: string[], env: NodeJS.ProcessEnv = {}) {
  const snapshot = run([BIN, 'build', ...inputs, '-o', 'out-snapshot', '--debug'], dir, env);
  const plain = run([process.execPath, BIN_JS, 'build', ...inputs, '-o', 'out-plain'], dir, { ...env, PRESSROOM_SNAPSHOT: 'off' });
  expect(plain.status, plain.stderr).toBe(0);
  expect(snapshot.status, snapshot.stderr).toBe(0);
  const names = filesIn(join(dir, 'out-plain'));
  expect(filesIn(join(dir, 'out-snapshot'))).toEqual(names);
  for (const name of names) {
    expect(readFileSync(join(dir, 'out-snapshot', name)).equals(readFileSync(join(dir, 'out-plain', name))), name).toBe(true);
  }
  return snapshot;
}

const KOREAN = `lang: ko
issuer:
  name: 대한민국 대사관
  address: 서울특별시 종로구 세종대로 1
date: 2024-05-02
title: 한국어 보도자료 **발표**
body: |
  대한민국 대사관은 오늘 해양 협력에 관한 새로운 계획을 발표하였다. 이 계획은 어업 연구와 항해 안전을 포함한다.
`;

const GERMAN = releaseYaml('Zusammenarbeit').replace('lang: en', 'lang: de') + '  Die Bundesregierung unterstützt die Zusammenarbeit der Küstengemeinden bei der Schifffahrtssicherheit.\n';

describe('bin/pressroom and its startup snapshot', () => {
  const restore: (() => void)[] = [];
  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
  });

  it('was made by npm test (scripts/snapshot.js), for this Node', () => {
    expect(existsSync(BLOB)).toBe(true);
    const [madeBy, madeIn, flags] = readFileSync(`${BLOB}.id`, 'utf8').split('\n');
    expect(madeBy).toBe(process.execPath);
    expect(madeIn).toBe(ROOT.replace(/\/$/, ''));
    expect(flags).toMatch(/^--/);
  });

  it('starts a one-release build from the snapshot, which writes the bytes bin/pressroom.js writes', () => {
    for (const example of ['maritime-forum.yaml', 'tidewater-launch.md']) {
      const snapshot = buildBoth(project({}), [join(ROOT, 'examples', example)]);
      expect(snapshot.stderr).toContain(STARTED);
      expect(snapshot.stderr).not.toContain('changed since the startup snapshot');
    }
  });

  it('loads what the snapshot does not hold when a release needs it: German patterns, HarfBuzz for Korean', () => {
    const dir = project({ 'de.yaml': GERMAN, 'ko.yaml': KOREAN });
    expect(buildBoth(dir, ['de.yaml']).stderr).toContain(STARTED);
    expect(buildBoth(dir, ['ko.yaml']).stderr).toContain(STARTED);
  });

  it('is reached from node bin/pressroom.js too, and turned off by PRESSROOM_SNAPSHOT=off', () => {
    const dir = project({ 'r.yaml': releaseYaml('Either Way') });
    const viaJs = run([process.execPath, BIN_JS, 'build', 'r.yaml', '-o', 'out', '--debug'], dir);
    expect(viaJs.status, viaJs.stderr).toBe(0);
    expect(viaJs.stderr).toContain(STARTED);
    const off = run([BIN, 'build', 'r.yaml', '-o', 'out', '--debug'], dir, { PRESSROOM_SNAPSHOT: 'off' });
    expect(off.status, off.stderr).toBe(0);
    expect(off.stderr).not.toContain(STARTED);
  });

  it('runs a batch (a folder, or several files) without the snapshot: same bytes, less memory', () => {
    const dir = project({ 'a.yaml': releaseYaml('First'), 'b.yaml': releaseYaml('Second') });
    expect(buildBoth(dir, ['a.yaml', 'b.yaml']).stderr).not.toContain(STARTED);
    expect(buildBoth(dir, ['.']).stderr).not.toContain(STARTED);
  });

  it('drops its warm caches when a file they were made from has changed since', () => {
    const css = join(ROOT, 'templates/embassy/style.css');
    const { atime, mtime } = statSync(css);
    restore.push(() => utimesSync(css, atime, mtime));
    utimesSync(css, atime, new Date(mtime.getTime() + 2000));
    const dir = project({ 'r.yaml': releaseYaml('Edited Template') });
    const snapshot = buildBoth(dir, ['r.yaml']);
    expect(snapshot.stderr).toContain(`changed since the startup snapshot, caches dropped: ${css}`);
  });

  it('runs bin/pressroom.js instead under a Node other than the one that made the snapshot', () => {
    // A `node` first on PATH that is another file (and otherwise runs this one).
    const fakeBin = mkdtempSync(join(tmpdir(), 'pressroom-node-'));
    writeFileSync(join(fakeBin, 'node'), `#!/bin/sh\nexec "${process.execPath}" "$@"\n`);
    chmodSync(join(fakeBin, 'node'), 0o755);
    const dir = project({ 'r.yaml': releaseYaml('Other Node') });
    const snapshot = buildBoth(dir, ['r.yaml'], { PATH: `${fakeBin}:${dirname(process.execPath)}:${process.env.PATH}` });
    expect(snapshot.stderr).not.toContain(STARTED);
  });
});
