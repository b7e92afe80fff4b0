import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig, settingsOf } from '../../src/cli/config.js';
import { project, releaseYaml, runCli } from './helpers.js';

function problems(source: string, file = 'pressroom.config.yaml'): string[] {
  try {
    parseConfig(source, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.lines;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('reads every key from YAML and JSON', () => {
    const yaml = 'template: newswire\nformats: [pdf]\nout: dist\npageSize: A4\njobs: 3\nprintMarks: true\n';
    const expected = { template: 'newswire', formats: ['pdf'], out: 'dist', pageSize: 'A4', jobs: 3, printMarks: true };
    expect(parseConfig(yaml, 'c.yaml')).toEqual(expected);
    expect(parseConfig(JSON.stringify({ ...expected, formats: 'pdf' }, null, 2), 'c.json')).toEqual(expected);
    expect(parseConfig('formats: pdf,epub', 'c.yaml').formats).toEqual(['pdf', 'epub']);
    expect(parseConfig('', 'c.yaml')).toEqual({});
  });

  it('names the file and line of an unknown key, with a guess', () => {
    expect(problems('out: dist\ntemlate: embassy\n')).toEqual(["pressroom.config.yaml:2:1: unknown key 'temlate' (did you mean 'template'?)"]);
    expect(problems('{\n  "out": "x",\n  "page-size": "A4"\n}', 'pressroom.config.json')).toEqual([
      "pressroom.config.json:3:3: unknown key 'page-size' (did you mean 'pageSize'?)",
    ]);
    expect(problems('colour: red')[0]).toMatch(/unknown key 'colour' \(known keys: template, formats/);
  });

  it('names the file and line of a value of the wrong type, and reports every problem', () => {
    expect(problems('jobs: two\nprintMarks: 1\nformats: [pdf, docx]\n')).toEqual([
      'pressroom.config.yaml:1:7: jobs: must be a whole number, at least 1',
      'pressroom.config.yaml:2:13: printMarks: must be true or false',
      "pressroom.config.yaml:3:10: formats: unknown format 'docx' (use pdf, epub or both)",
    ]);
    expect(problems('- out\n')).toEqual(['pressroom.config.yaml:1:1: the configuration must be a mapping of keys to values']);
    expect(problems('out: [\n')[0]).toMatch(/^pressroom\.config\.yaml:\d+:\d+: /);
  });
});

describe('settingsOf', () => {
  it('lets a flag win over the file, and the file over the defaults', () => {
    const config = { out: 'dist', formats: ['pdf'], jobs: 3 };
    expect(settingsOf({}, config)).toMatchObject({ out: 'dist', format: ['pdf'], jobs: 3, printMarks: false });
    expect(settingsOf({ out: 'mine', jobs: 1, format: ['epub'] }, config)).toMatchObject({ out: 'mine', format: ['epub'], jobs: 1 });
    expect(settingsOf({}, {})).toMatchObject({ out: 'output', format: ['pdf,epub'] });
  });

  it('reads paths in a file given with --config relative to that file', () => {
    const dir = project({});
    const config = project({ 'team.yaml': 'out: built\ntemplate: ./house\n' });
    const { config: loaded } = loadConfig(join(config, 'team.yaml'), dir);
    expect(loaded.out).toBe(join(config, 'built'));
    expect(loaded.template).toBe(join(config, 'house'));
    expect(loadConfig(undefined, dir).config).toEqual({});
  });
});

// Each case runs the CLI several times; a busy machine needs more than the default minute.
describe('pressroom build with a configuration file', { timeout: 180_000 }, () => {
  it('takes defaults from pressroom.config.yaml, and a flag overrides them', () => {
    const dir = project({ 'a.yaml': releaseYaml('Config'), 'pressroom.config.yaml': 'out: built\nformats: [epub]\njobs: 1\n' });
    expect(runCli(['build', 'a.yaml', '-q'], dir).status).toBe(0);
    expect(existsSync(join(dir, 'built/a.epub'))).toBe(true);
    expect(existsSync(join(dir, 'built/a.pdf'))).toBe(false);
    expect(runCli(['build', 'a.yaml', '-q', '-o', 'other'], dir).status).toBe(0);
    expect(existsSync(join(dir, 'other/a.epub'))).toBe(true);
    expect(existsSync(join(dir, 'other/a.pdf'))).toBe(false);
  });

  it('stops with status 2 and file:line on an unknown key', () => {
    const dir = project({ 'a.yaml': releaseYaml('Config'), 'pressroom.config.json': '{\n  "out": "built",\n  "fromats": ["pdf"]\n}\n' });
    const run = runCli(['build', 'a.yaml'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("pressroom.config.json:3:3: unknown key 'fromats' (did you mean 'formats'?)");
    expect(existsSync(join(dir, 'built'))).toBe(false);
  });
});
