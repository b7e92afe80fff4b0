import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Temporary files being written now, removed if the process is interrupted. */
const pending = new Set<string>();
let cleanupInstalled = false;

/** The exit status of a command stopped by SIGINT (130) or SIGTERM (143), as a shell gives it. */
export function signalExitStatus(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/**
 * On SIGINT or SIGTERM, removes the temporary file being written and exits (130, 143). Node
 * runs the handler between synchronous calls, so a write under way is finished or undone,
 * never cut off; without it, the signal's default action would end the process mid-write.
 */
export function cleanUpOnSignal(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const clean = (signal: NodeJS.Signals) => {
    for (const tmp of pending) rmSync(tmp, { force: true });
    pending.clear();
    process.exit(signalExitStatus(signal));
  };
  process.once('SIGINT', clean);
  process.once('SIGTERM', clean);
}

/**
 * Writes `data` to a temporary file beside `path` and renames it into place, so a failed or
 * interrupted build never leaves a partial file and never replaces a good one with a bad one.
 */
export function writeFileAtomic(path: string, data: Uint8Array): void {
  cleanUpOnSignal();
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  pending.add(tmp);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    pending.delete(tmp);
  }
}
