import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PressroomErrors } from '../../src/diagnostics.js';
import { loadRelease, validateRelease } from '../../src/release/index.js';
import { VALID_YAML } from './messages.js';

const fixtures = 'test/fixtures/release';

async function loadErrors(path: string, options = {}): Promise<string[]> {
  const { loaded, errors } = await validateRelease(path, options);
  expect(loaded).toBeUndefined();
  return errors.map((e) => e.format());
}

describe('examples', () => {
  it('loads the YAML example', async () => {
    const { release, source, warnings } = await loadRelease('examples/maritime-forum.yaml');
    expect(release.issuer.name).toEqual(['Embassy of the Republic of Norland', 'in the Kingdom of Eastmark']);
    // Unquoted, ` #09-02` starts a YAML comment; the loader keeps it and warns.
    expect(release.issuer.address).toBe('14 Harbour Road, #09-02 Lighthouse Centre, Eastmark 204518');
    expect(warnings ?? []).toEqual([]);
    expect(release.date).toBe('2024-03-12');
    expect(release.dateline).toEqual({ place: 'Port Aldmere', source: 'NNA', text: 'March 12' });
    expect(release.release).toEqual({ kind: 'immediate' });
    expect(release.body).toMatch(/^The following is the opening address/);
    expect(release.contacts).toEqual([]);
    expect(source.format).toBe('yaml');
    expect(source.positions['issuer.name[1]']).toEqual({ file: 'examples/maritime-forum.yaml', line: 8, col: 7 });
  });

  it('loads the Markdown example, body from after the front matter', async () => {
    const { release, source } = await loadRelease('examples/tidewater-launch.md');
    expect(release.issuer.name).toEqual(['Tidewater Energy Cooperative']);
    expect(release.release).toEqual({ kind: 'embargo', until: '2024-06-03T09:00:00+01:00' });
    expect(release.contacts.map((c) => c.name)).toEqual(['Amira Castell', 'Tomas Reyes']);
    expect(release.contacts[1]).toEqual({ name: 'Tomas Reyes', role: 'Press Officer', email: 'tomas.reyes@tidewater.example' });
    expect(release.end).toBe('###');
    expect(release.body).toMatch(/^Tidewater Energy Cooperative today switched on/);
    expect(release.body).toContain('## How the array works');
    expect(source.format).toBe('markdown');
    expect(source.positions.body).toEqual({ file: 'examples/tidewater-launch.md', line: 34, col: 1 });
    expect(source.positions['contacts[1].email']?.line).toBe(27);
  });
});

describe('reading files', () => {
  it('strips a byte order mark', async () => {
    const { release, source } = await loadRelease(`${fixtures}/encoding/bom.yaml`);
    expect(release.issuer.name).toEqual(['Ministry of Examples']);
    expect(source.positions.issuer).toEqual({ file: `${fixtures}/encoding/bom.yaml`, line: 1, col: 1 });
  });

  it('reads CRLF line ends without control characters in values', async () => {
    const { release } = await loadRelease(`${fixtures}/encoding/crlf.yaml`);
    expect(release.title).toBe('A title');
  });

  it('refuses invalid UTF-8 at the line of the first bad byte', async () => {
    expect(await loadErrors(`${fixtures}/encoding/invalid-utf8.yaml`)).toEqual([
      `${fixtures}/encoding/invalid-utf8.yaml:5:11: not valid UTF-8: byte 0xE9 at offset 92 (save the file as UTF-8)`,
    ]);
  });

  it('refuses an empty file, and one holding only a byte order mark', async () => {
    expect(await loadErrors(`${fixtures}/encoding/empty.yaml`)).toEqual([`${fixtures}/encoding/empty.yaml: file is empty`]);
    expect(await loadErrors(`${fixtures}/encoding/bom-only.json`)).toEqual([`${fixtures}/encoding/bom-only.json: file is empty`]);
  });

  it('refuses a file over maxBytes before reading it', async () => {
    const [error] = (await validateRelease(`${fixtures}/encoding/bom.yaml`, { maxBytes: 100 })).errors;
    expect(error.kind).toBe('limit');
    expect(error.format()).toBe(`${fixtures}/encoding/bom.yaml: file is 117 bytes, more than the limit of 100 bytes (raise it with --max-input-bytes or 'maxInputBytes' in pressroom.config.json)`);
  });

  it('names a file that does not exist', async () => {
    expect(await loadErrors(`${fixtures}/nowhere.yaml`)).toEqual([`${fixtures}/nowhere.yaml: cannot read the file: no such file`]);
  });

  it('names a file of another kind without reading it', async () => {
    expect(await loadErrors(`${fixtures}/logo/notes.txt`)).toEqual([`${fixtures}/logo/notes.txt: not a release file (use a .yaml, .yml, .json, .md or .markdown file)`]);
  });

  it('loadRelease throws PressroomErrors with every error', async () => {
    const failure = await loadRelease(`${fixtures}/encoding/empty.yaml`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PressroomErrors);
  });
});

describe('issuer.logo', () => {
  const withLogo = (logo: string): string => VALID_YAML.replace('  address: 1 Example Street', `  address: 1 Example Street\n  logo: ${logo}`);
  const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'pressroom-release-')));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** Writes a release with the given logo into `dir` and returns its errors. */
  async function logoErrors(dir: string, logo: string): Promise<string[]> {
    writeFileSync(join(dir, 'release.yaml'), withLogo(logo));
    return (await validateRelease(join(dir, 'release.yaml'))).errors.map((e) => `${e.kind} ${e.format().slice(dir.length + 1)}`);
  }

  it('stores the absolute real path of a local image', async () => {
    const dir = join(scratch, 'ok');
    mkdirSync(join(dir, 'inner'), { recursive: true });
    copyFileSync(`${fixtures}/logo/emblem.svg`, join(dir, 'inner', 'seal.svg'));
    writeFileSync(join(dir, 'release.yaml'), withLogo('inner/../inner/seal.svg'));
    const { release } = await loadRelease(join(dir, 'release.yaml'));
    expect(release.issuer.logo).toBe(join(dir, 'inner', 'seal.svg'));
  });

  it.each([
    ['a remote URL', 'https://example.org/logo.png', "path release.yaml:4:9: issuer.logo: remote files are not fetched: 'https://example.org/logo.png' (put the image in the release file's folder and give its name)"],
    ['a scheme-relative URL', '//cdn.example.org/logo.png', "path release.yaml:4:9: issuer.logo: remote files are not fetched: '//cdn.example.org/logo.png' (put the image in the release file's folder and give its name)"],
    ['an absolute path', '/etc/logo.png', "path release.yaml:4:9: issuer.logo: '/etc/logo.png' is an absolute path (give a path relative to the release file)"],
    ['a path that leaves the folder', '../emblem.svg', "path release.yaml:4:9: issuer.logo: '../emblem.svg' leaves the release's folder (put the image in the release file's folder and give its name)"],
    ['a missing file', 'missing.png', "path release.yaml:4:9: issuer.logo: file not found: 'missing.png'"],
    ['another kind of file', 'notes.txt', "schema release.yaml:4:9: issuer.logo: expected a PNG, JPEG or SVG file, found 'notes.txt'"],
  ])('refuses %s', async (_name, logo, expected) => {
    const dir = join(scratch, 'refused');
    mkdirSync(dir, { recursive: true });
    expect(await logoErrors(dir, logo)).toEqual([expected]);
  });

  it('refuses a symbolic link whose real path leaves the folder', async () => {
    const dir = join(scratch, 'linked');
    mkdirSync(dir, { recursive: true });
    copyFileSync(`${fixtures}/logo/emblem.svg`, join(scratch, 'outside.svg'));
    symlinkSync(join(scratch, 'outside.svg'), join(dir, 'emblem.svg'));
    expect(await logoErrors(dir, 'emblem.svg')).toEqual([
      "path release.yaml:4:9: issuer.logo: 'emblem.svg' is a link to a file outside the release's folder (put the image in the release file's folder and give its name)",
    ]);
  });

  it('accepts a link that stays inside the folder', async () => {
    const dir = join(scratch, 'inside-link');
    mkdirSync(dir, { recursive: true });
    copyFileSync(`${fixtures}/logo/emblem.svg`, join(dir, 'real.svg'));
    symlinkSync('real.svg', join(dir, 'emblem.svg'));
    writeFileSync(join(dir, 'release.yaml'), withLogo('emblem.svg'));
    expect((await loadRelease(join(dir, 'release.yaml'))).release.issuer.logo).toBe(join(dir, 'real.svg'));
  });

  it('finds a logo beside a release in the fixtures', async () => {
    const { release } = await loadRelease(`${fixtures}/logo/release.yaml`);
    expect(release.issuer.logo).toBe(realpathSync(`${fixtures}/logo/inner/seal.svg`));
  });
});
