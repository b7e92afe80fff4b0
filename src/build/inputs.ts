import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { PressroomError } from '../diagnostics.js';

export const RELEASE_EXTENSIONS = new Set(['.yaml', '.yml', '.json', '.md', '.markdown']);

function releasesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && RELEASE_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => join(dir, e.name));
}

/**
 * Expands files, folders (their release files, not recursive) and globs into a sorted,
 * de-duplicated list of release paths; inputs that match nothing are returned as errors.
 */
export function expandInputs(inputs: string[], cwd = process.cwd()): { files: string[]; missing: PressroomError[] } {
  const found = new Set<string>();
  const missing: PressroomError[] = [];
  // Paths are kept as the user wrote them (relative to cwd) so messages name familiar files.
  const shown = (abs: string) => (isAbsolute(abs) && abs.startsWith(cwd + '/') ? relative(cwd, abs) : abs);
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    if (existsSync(abs) && statSync(abs).isDirectory()) {
      for (const file of releasesIn(abs)) found.add(shown(file));
    } else if (existsSync(abs)) {
      found.add(shown(abs));
    } else if (/[*?[\]{}]/.test(input)) {
      const matches = globSync(input, { cwd, onlyFiles: true, absolute: true });
      const releases = matches.filter((f) => RELEASE_EXTENSIONS.has(extname(f).toLowerCase()));
      if (releases.length === 0) missing.push(new PressroomError('io', 'no release files match this pattern', { file: input }));
      for (const m of releases) found.add(shown(m));
    } else {
      missing.push(new PressroomError('io', 'no such file or folder', { file: input }));
    }
  }
  return { files: [...found].sort(), missing };
}
