import { describe, expect, it } from 'vitest';
import { parseShard, selectShard, shardOf } from '../../src/build/shard.js';
import { BAD_RELEASE, jsonLines, project, runCli } from './helpers.js';

const files = Array.from({ length: 60 }, (_, i) => `releases/r${String(i).padStart(3, '0')}.yaml`);

describe('parseShard', () => {
  it('reads I/N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/3', '4/3', '1/0', '2', 'a/b', '-1/3', '1/3/4'])('refuses %s', (spec) => {
    expect(parseShard(spec)).toHaveProperty('error');
  });
});

describe('selectShard', () => {
  it('splits the inputs into disjoint shards whose union is all of them', () => {
    const shards = [1, 2, 3].map((index) => selectShard(files, { index, count: 3 }));
    expect(shards.flat().sort()).toEqual(files);
    expect(new Set(shards.flat()).size).toBe(files.length);
    for (const shard of shards) expect(shard.length).toBeGreaterThan(5);
  });

  it('keeps every file in its shard when files are added', () => {
    const more = [...files, 'releases/new-a.yaml', 'releases/new-b.yaml'];
    for (const file of files) expect(shardOf(file, 4)).toBe(shardOf(file, 4));
    const before = selectShard(files, { index: 2, count: 4 });
    const after = selectShard(more, { index: 2, count: 4 });
    expect(after.filter((f) => files.includes(f))).toEqual(before);
  });

  it('agrees on Windows and POSIX separators', () => {
    expect(shardOf('a\\b.yaml', 7)).toBe(shardOf('a/b.yaml', 7));
  });
});

// Each case runs the CLI several times; a busy machine needs more than the default minute.
describe('pressroom build --shard', { timeout: 180_000 }, () => {
  // Invalid releases fail before typesetting, so the shard membership shows in --json at no cost.
  const names = Array.from({ length: 9 }, (_, i) => `item-${i}.yaml`);
  const dir = project(Object.fromEntries(names.map((n) => [n, BAD_RELEASE])));
  const inputsOf = (args: string[]) => jsonLines(runCli(['build', '.', '--json', '--jobs', '1', ...args], dir).stdout).map((r) => r.input as string);

  it('builds shards 1/3, 2/3 and 3/3 that together are the unsharded set, without overlap', () => {
    const all = inputsOf([]);
    expect(all).toEqual(names);
    const shards = ['1/3', '2/3', '3/3'].map((s) => inputsOf(['--shard', s]));
    expect(shards.flat().sort()).toEqual(all);
    expect(new Set(shards.flat()).size).toBe(all.length);
  });

  it('is a usage error (status 2) when I/N is wrong', () => {
    const run = runCli(['build', '.', '--shard', '4/3'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--shard '4/3'");
  });
});
