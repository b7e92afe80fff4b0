import { realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep, win32 } from 'node:path';
import { quote } from './problems.js';
import type { Limits } from '../limits.js';
import { checkImageFile } from './image-file.js';
import { ok, refuse, type Checked } from './values.js';

const IMAGE_EXTENSION = /\.(?:png|jpe?g|svg)$/i;
const KEEP_INSIDE = "put the image in the release file's folder and give its name";

/** True when `path` is not strictly inside `folder` (both absolute). */
function leaves(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel);
}

/** A path that names a remote resource: a URL with a scheme, or `//host/…`. */
function isRemote(written: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(written) || written.startsWith('//') || written.startsWith('\\\\');
}

/**
 * Checks the release's `template`: a built-in name, or a folder inside the release's folder
 * (a shared template outside it is given with --template on the command line instead).
 */
export function checkTemplatePath(written: string, releaseDir: string): Checked<string> {
  const hint = 'put the template folder beside the release, or give it with --template';
  if (isRemote(written)) return refuse(`remote templates are not fetched: ${quote(written)}`, hint, 'path');
  if (isAbsolute(written) || win32.isAbsolute(written)) return refuse(`${quote(written)} is an absolute path`, hint, 'path');
  if (!/[/\\]|^\./.test(written)) return ok(written);
  const resolved = resolve(releaseDir, written);
  if (leaves(releaseDir, resolved)) return refuse(`${quote(written)} leaves the release's folder`, hint, 'path');
  try {
    if (leaves(realpathSync(releaseDir), realpathSync(resolved))) return refuse(`${quote(written)} is a link to a folder outside the release's folder`, hint, 'path');
  } catch {
    // A missing folder is reported by the template stage, which lists the built-in names.
  }
  return ok(written);
}

/**
 * Checks a local image path written in the data and returns its absolute real path.
 * Nothing is fetched while building, and data may not reach outside its own folder,
 * not even through a symbolic link.
 */
export function checkImage(written: string, releaseDir: string, limits: Pick<Limits, 'maxImageBytes' | 'maxImagePixels'>): Checked<string> {
  if (isRemote(written)) {
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
  return checkImageFile(real, written, limits);
}
