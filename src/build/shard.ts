import { createHash } from 'node:crypto';

/** Shard `index` (1-based) of `count`, as given by `--shard I/N`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `I/N` (1 ≤ I ≤ N); returns a message saying what is wrong otherwise. */
export function parseShard(spec: string): Shard | { error: string } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!match) return { error: `--shard '${spec}' is not I/N (e.g. --shard 2/4)` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) return { error: `--shard '${spec}': N must be at least 1` };
  if (index < 1 || index > count) return { error: `--shard '${spec}': I must be between 1 and ${count}` };
  return { index, count };
}

/**
 * Which shard (1-based) a path belongs to. A hash of the path rather than its place in the
 * list, so adding or removing files never moves the others to another machine. Paths are
 * compared with forward slashes, so Windows and POSIX runners agree.
 */
export function shardOf(path: string, count: number): number {
  const digest = createHash('sha256').update(path.replace(/\\/g, '/')).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The inputs of one shard, in their original order. */
export function selectShard<T extends string>(files: readonly T[], shard: Shard): T[] {
  return files.filter((file) => shardOf(file, shard.count) === shard.index);
}
