import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const goldenRoot = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** True when golden files should be rewritten (`UPDATE_GOLDEN=1 npm test`). */
export const updatingGolden = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares `actual` with the golden file `test/golden/<name>`; with UPDATE_GOLDEN=1 it
 * writes the file instead. A missing golden file is a failure, so a new dump is reviewed.
 */
export function expectGolden(name: string, actual: string): void {
  const path = join(goldenRoot, name);
  if (updatingGolden) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(`golden file test/golden/${name} is missing: run UPDATE_GOLDEN=1 npm test and review it`);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
