import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep, win32 } from 'node:path';
import { quote } from './problems.js';
import { ok, refuse, type Checked } from './values.js';

const IMAGE_EXTENSION = /\.(?:png|jpe?g|svg)$/i;
const KEEP_INSIDE = "put the image in the release file's folder and give its name";

/** True when `path` is not strictly inside `folder` (both absolute). */
function leaves(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel);
}

/**
 * Checks a local image path written in the data and returns its absolute real path.
 * Nothing is fetched while building, and data may not reach outside its own folder,
 * not even through a symbolic link.
 */
export function checkImage(written: string, releaseDir: string): Checked<string> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written) || written.startsWith('//')) {
    return refuse(`remote files are not fetched: ${quote(written)}`, KEEP_INSIDE, 'path');
  }
  if (isAbsolute(written) || win32.isAbsolute(written)) {
    return refuse(`${quote(written)} is an absolute path`, 'give a path relative to the release file', 'path');
  }
  if (!IMAGE_EXTENSION.test(written)) return refuse(`expected a PNG, JPEG or SVG file, found ${quote(written)}`);
  const resolved = resolve(releaseDir, written);
  if (leaves(releaseDir, resolved)) return refuse(`${quote(written)} leaves the release's folder`, KEEP_INSIDE, 'path');
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch {
    return refuse(`file not found: ${quote(written)}`, undefined, 'path');
  }
  let realDir = releaseDir;
  try {
    realDir = realpathSync(releaseDir);
  } catch {
    // The folder itself vanished; the check below then compares against the path as given.
  }
  if (leaves(realDir, real)) return refuse(`${quote(written)} is a link to a file outside the release's folder`, KEEP_INSIDE, 'path');
  try {
    if (!statSync(real).isFile()) return refuse(`${quote(written)} is not a file`, undefined, 'path');
  } catch {
    return refuse(`file not found: ${quote(written)}`, undefined, 'path');
  }
  return ok(real);
}
