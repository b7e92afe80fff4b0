import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from '../cli/helpers.js';
import { png } from './corpus/images.js';
import { releaseJson } from './corpus/types.js';

const STACK_FRAME = /^\s+at .+[:(]\d+:\d+\)?$/m;

/** A folder of releases that fail in different stages, as a user would feed them. */
function mixedBatch(): string {
  const dir = project({
    'syntax.yaml': 'title: "open\n',
    'schema.json': releaseJson({ titel: 'x', date: '2023-02-29' }),
    'logo.json': releaseJson({ issuer: { logo: 'big.png' } }),
    'template.json': releaseJson({ template: './tpl' }),
    'good.json': releaseJson(),
  });
  writeFileSync(join(dir, 'big.png'), png(300, 300));
  return dir;
}

describe('what reaches the terminal', () => {
  it('one line per problem, naming file, line and field, and no stack trace', () => {
    const dir = mixedBatch();
    const run = runCli(['build', '.', '-o', 'out', '--max-image-pixels', '10000', '--jobs', '1'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([
      expect.stringMatching(/^error: logo\.json:6:\d+: issuer\.logo: 'big\.png': 300 × 300 is 90000 pixels, more than the limit of 10000 \(raise it with --max-image-pixels or 'maxImagePixels' in pressroom\.config\.json\)$/),
      expect.stringMatching(/^error: schema\.json:7:\d+: date: no such date: day 29 of February 2023/),
      expect.stringMatching(/^error: schema\.json:10:\d+: titel: unknown field \(did you mean 'title'\?\)$/),
      expect.stringMatching(/^error: syntax\.yaml:2:1: Missing closing "quote$/),
      expect.stringMatching(/^error: template\.json:10:\d+: template: no template '\.\/tpl'/),
    ]);
    expect(run.stderr).toMatch(/1 built, 4 failed/);
  });

  it('validate reports the same data errors, with the same limits', () => {
    const run = runCli(['validate', '.', '--max-image-pixels', '10000'], mixedBatch());
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    expect(run.stderr).toMatch(/logo\.json:6:\d+: issuer\.logo: .*--max-image-pixels/);
    expect(run.stdout).toMatch(/good\.json: valid/);
  });

  it('--debug adds the stack of each error', () => {
    const dir = project({ 'r.json': releaseJson({ issuer: { logo: 'x.png' } }), 'x.png': 'not a png' });
    const run = runCli(['build', 'r.json', '-o', 'out', '--debug'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(STACK_FRAME);
    expect(run.stderr).toMatch(/error: r\.json:6:\d+: issuer\.logo: 'x\.png': not a PNG or JPEG file/);
  });

  it('limits come from the configuration file, and a bad limit is a usage error', () => {
    const body = Array.from({ length: 200 }, (_, i) => `Paragraph ${i}.`).join('\n\n');
    const dir = project({ 'r.json': releaseJson({ body }), 'pressroom.config.json': '{ "maxPages": 2 }' });
    const limited = runCli(['build', 'r.json', '-o', 'out'], dir);
    expect(limited.status).toBe(1);
    expect(limited.stderr).toMatch(/^error: r\.json: the PDF would have (at least )?\d+ pages, more than the limit of 2 \(raise it with --max-pages or 'maxPages' in pressroom\.config\.json\)$/m);
    expect(runCli(['build', 'r.json', '-o', 'out', '--max-pages', '50', '-f', 'pdf'], dir).status).toBe(0);
    const usage = runCli(['build', 'r.json', '--max-pages', '0'], dir);
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim()).toBe('pressroom: --max-pages 0: use a whole number, at least 1 (see pressroom --help)');
    writeFileSync(join(dir, 'pressroom.config.json'), '{ "maxPages": "many" }');
    const config = runCli(['build', 'r.json'], dir);
    expect(config.status).toBe(2);
    expect(config.stderr.trim()).toBe('pressroom.config.json:1:15: maxPages: must be a whole number, at least 1');
  });
});
