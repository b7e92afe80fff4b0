import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';

/** The first ```ts block after "## The library" in the README: the example users copy. */
function libraryExample(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## The library'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error('README has no ```ts example under "## The library"');
  return match[1];
}

it('the README library example runs as written (against the compiled package)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-readme-'));
  cpSync('examples', join(dir, 'examples'), { recursive: true });
  const entry = pathToFileURL(resolve('dist/index.js')).href;
  // Type annotations are the only TypeScript in the example; strip them to run it as JS.
  const code = libraryExample()
    .replace(/from 'pressroom'/, `from '${entry}'`)
    .replace(/: Buffer/g, '');
  writeFileSync(join(dir, 'example.mjs'), code);
  const run = spawnSync(process.execPath, ['example.mjs'], { cwd: dir, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect(existsSync(join(dir, 'output', 'maritime-forum.pdf'))).toBe(true);
  expect(existsSync(join(dir, 'output', 'tidewater-launch.epub'))).toBe(true);
});
