// pressroom sets the reference release through its own command line: `pressroom import`
// turns the text into release data, `pressroom build` sets it with the embassy template
// (whose style.css the peers' settings copy).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_PATH } from './reference-text.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = `${ROOT}bin/pressroom.js`;
const IMPORT_GOLDEN = `${ROOT}test/golden/import/reference.yaml`;

const pressroom = (args) => execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });

/** Why pressroom cannot build yet, or null when it can. */
export function pressroomUnavailable() {
  if (!existsSync(`${ROOT}dist/cli/main.js`)) return 'not compiled (dist/cli/main.js missing: run npm install)';
  return null;
}

/**
 * Imports the reference text to `<base>.yaml` (the import's golden file stands in if the
 * importer fails) and builds `<base>.pdf`; returns the PDF path and where the YAML came from.
 */
export function renderWithPressroom(base) {
  const yaml = `${base}.yaml`;
  let source = 'pressroom import';
  try {
    pressroom(['import', fileURLToPath(REFERENCE_PATH), '--out', yaml, '--year', '2021', '--force']);
  } catch {
    copyFileSync(IMPORT_GOLDEN, yaml);
    source = 'test/golden/import/reference.yaml (import failed)';
  }
  pressroom(['build', yaml, '--out', dirname(base), '--format', 'pdf', '--quiet']);
  const pdf = `${base}.pdf`;
  if (!existsSync(pdf)) throw new Error(`pressroom build did not write ${pdf}`);
  return { pdf, source };
}
