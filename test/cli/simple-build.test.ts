import fc from 'fast-check';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { buildOptions } from '../../src/cli/main.js';
import { simpleBuildArgs } from '../../src/cli/simple-build.js';

/** What yargs hands the build command for `argv`, as main() defines it; undefined when it refuses. */
function yargsBuildArgs(argv: string[]): Record<string, unknown> | undefined {
  let handed: Record<string, unknown> | undefined;
  try {
    yargs(argv)
      .command('build <inputs..>', '', buildOptions, (a) => {
        handed = a;
      })
      .option('debug', { type: 'boolean' })
      .strict()
      .help(false)
      .version(false)
      .exitProcess(false)
      .fail((message, error) => {
        throw error ?? new Error(message);
      })
      .parseSync();
  } catch {
    return undefined;
  }
  return handed;
}

/** The fields simpleBuildArgs reads, as yargs gives them. */
function pick(a: Record<string, unknown>) {
  const fields = { inputs: a.inputs, out: a.out, format: a.format, template: a.template, quiet: a.quiet, json: a.json, debug: a.debug };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function expectSameAsYargs(argv: string[]): void {
  const simple = simpleBuildArgs(argv);
  if (!simple) return;
  const fromYargs = yargsBuildArgs(argv);
  expect(fromYargs, argv.join(' ')).toBeDefined();
  expect(simple).toEqual(pick(fromYargs!));
}

describe('simpleBuildArgs', () => {
  it('reads the common one-release command lines as yargs does', () => {
    const lines = [
      'build release.yaml',
      'build release.yaml -o out -f pdf,epub --quiet',
      'build a.yaml b.md --out dist -t newswire',
      'build -f epub -o out release.yaml',
      'build release.yaml -q --json --debug',
      'build 2024.yaml -o 7',
    ];
    for (const line of lines) {
      const argv = line.split(' ');
      expect(simpleBuildArgs(argv), line).toBeDefined();
      expectSameAsYargs(argv);
    }
  });

  it('leaves to yargs what it reads in ways of its own', () => {
    const lines = ['build', 'build -f pdf release.yaml', 'build release.yaml --out=dist', 'build release.yaml -qo dist', 'build release.yaml -o a -o b', 'build release.yaml --quiet false', 'build release.yaml -j 2', 'build release.yaml --help', 'validate release.yaml', 'build release.yaml -o'];
    for (const line of lines) expect(simpleBuildArgs(line.split(' ')), line).toBeUndefined();
  });

  it('never reads a command line otherwise than yargs (property)', () => {
    const word = fc.constantFrom('release.yaml', 'b.md', 'out', 'pdf', 'pdf,epub', 'epub', 'true', 'false', '7', 'newswire', '-o', '--out', '-f', '--format', '-t', '--template', '-q', '--quiet', '--json', '--debug', '-j', '--out=x', '-qo', '--', '-');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 7 }), (words) => {
        expectSameAsYargs(['build', ...words]);
      }),
      { numRuns: 1000 },
    );
  });
});
