import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, project } from '../cli/helpers.js';
import { SVG } from './corpus/images.js';
import { releaseJson } from './corpus/types.js';

const NO_NETWORK = fileURLToPath(new URL('./fixtures/no-network.cjs', import.meta.url));

/** The command with the preload in NODE_OPTIONS, which reaches the node that bin/pressroom starts. */
function runOffline(args: string[], cwd: string) {
  const run = spawnSync(BIN, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: `--require ${NO_NETWORK}` } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('no network while building', () => {
  it('the preload catches a connection attempt', () => {
    const probe = spawnSync(process.execPath, ['--require', NO_NETWORK, '-e', "require('node:net').connect(80, 'example.org')"], { encoding: 'utf8' });
    expect(probe.status).toBe(97);
    expect(probe.stderr).toContain('NETWORK ATTEMPT');
  });

  it('builds releases full of links and remote references without opening a socket', () => {
    const dir = project({
      'links.json': releaseJson({
        issuer: { website: 'https://example.org', email: 'press@example.org', logo: 'emblem.svg' },
        body: 'See [the site](https://example.org/x), <https://example.net> and [mail](mailto:a@example.org). ![pixel](https://evil.example/p.png)',
        about: 'More at [our page](http://example.com).',
      }),
      'emblem.svg': SVG,
      'remote-logo.json': releaseJson({ issuer: { logo: 'https://evil.example/logo.png' } }),
      'remote-template.json': releaseJson({ template: 'https://evil.example/tpl' }),
      'svg-remote.json': releaseJson({ issuer: { logo: 'remote.svg' } }),
      'remote.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9"><image xlink:href="https://evil.example/x.png" width="9" height="9"/></svg>',
    });
    const run = runOffline(['build', '.', '-o', 'out', '--jobs', '1'], dir);
    expect(run.stderr).not.toContain('NETWORK ATTEMPT');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/remote-logo\.json:6:\d+: issuer\.logo: remote files are not fetched/);
    expect(run.stderr).toMatch(/remote-template\.json:10:\d+: template: remote templates are not fetched/);
    expect(run.stderr).toMatch(/svg-remote\.json:6:\d+: issuer\.logo: 'remote\.svg': the SVG file refers to the remote file/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['links.epub', 'links.pdf']);
  });

  it('refuses a template stylesheet that would load a remote font, in worker processes too', () => {
    const dir = project({ 'a.json': releaseJson({ template: './tpl' }), 'b.json': releaseJson() });
    spawnSync('cp', ['-r', 'templates/embassy', join(dir, 'tpl')]);
    spawnSync('sh', ['-c', `printf '@font-face { font-family: X; src: url(https://fonts.example/x.woff2); }\\n' >> ${join(dir, 'tpl/style.css')}`]);
    const run = runOffline(['build', '.', '-o', 'out', '--jobs', '2'], dir);
    expect(run.stderr).not.toContain('NETWORK ATTEMPT');
    expect(run.stderr).toMatch(/tpl\/style\.css:\d+:\d+: url\(https:\/\/fonts\.example\/x\.woff2\): remote files are not fetched/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['b.epub', 'b.pdf']);
  });
});
