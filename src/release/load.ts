import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { PressroomErrors } from '../diagnostics.js';
import { checkReleaseText, checkSize, DEFAULT_MAX_BYTES, formatOf, type ReleaseCheck, type ReleaseOptions } from './parse.js';
import { Problems } from './problems.js';
import type { LoadedRelease } from './types.js';

/** Reads, parses and validates a release file; throws `PressroomErrors` with every error found. */
export async function loadRelease(path: string, options: ReleaseOptions = {}): Promise<LoadedRelease> {
  const { loaded, errors } = await validateRelease(path, options);
  if (!loaded) throw new PressroomErrors(errors);
  return loaded;
}

/** Like `loadRelease`, but returns the errors (for `pressroom validate`). */
export async function validateRelease(path: string, options: ReleaseOptions = {}): Promise<ReleaseCheck> {
  // A file of another kind is named as such before any reading.
  if (!formatOf(path)) return checkReleaseText('', path, options);
  const problems = new Problems(path);
  const bytes = readLimited(path, options.maxBytes ?? DEFAULT_MAX_BYTES, problems);
  if (!bytes) return { errors: problems.sorted() };
  const text = decodeUtf8(bytes, problems);
  if (text === undefined) return { errors: problems.sorted() };
  return checkReleaseText(text, path, options);
}

/**
 * Reads the file unless it is empty or too large, checking the size before reading a byte.
 * Synchronously: a release is a few kB on a local disk, and four round trips through libuv's
 * thread pool cost more than the read, most of all in a batch whose pool is busy writing.
 */
function readLimited(path: string, maxBytes: number, problems: Problems): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) {
      problems.add('io', 'is a folder, not a release file', undefined);
      return undefined;
    }
    checkSize(stat.size, problems, maxBytes);
    if (problems.count > 0) return undefined;
    return readAll(fd, stat.size);
  } catch (error) {
    problems.add('io', `cannot read the file: ${reason(error)}`, undefined);
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The whole file from `fd`, which may have grown or shrunk since its size was taken. */
function readAll(fd: number, size: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(Math.max(size, 4096));
  let length = 0;
  for (;;) {
    if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return code ?? (error instanceof Error ? error.message.split('\n')[0] : String(error));
}

/** Strict UTF-8: an invalid byte is an error at its line, not a silent U+FFFD in print. */
function decodeUtf8(bytes: Uint8Array, problems: Problems): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const { offset, line, col } = firstInvalidByte(bytes);
    problems.add('syntax', `not valid UTF-8: byte 0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')} at offset ${offset}`, { line, col }, undefined, 'save the file as UTF-8');
    return undefined;
  }
}

/** Finds the first byte that does not start or continue a valid UTF-8 sequence, with its line and column. */
export function firstInvalidByte(bytes: Uint8Array): { offset: number; line: number; col: number } {
  let line = 1;
  let col = 1;
  // A byte order mark is not a column of the text.
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) return { offset: i, line, col };
    if (bytes[i] === 0x0a) {
      line++;
      col = 1;
    } else {
      col += length === 4 ? 2 : 1; // columns count UTF-16 units, as everywhere else
    }
    i += length;
  }
  return { offset: Math.max(0, bytes.length - 1), line, col };
}

/** Length of the valid UTF-8 sequence at `i`, or 0 (overlong forms and surrogates are invalid). */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i];
  if (b0 < 0x80) return 1;
  const continuation = (k: number, low = 0x80, high = 0xbf): boolean => i + k < bytes.length && bytes[i + k] >= low && bytes[i + k] <= high;
  if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(1) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const low = b0 === 0xe0 ? 0xa0 : 0x80;
    const high = b0 === 0xed ? 0x9f : 0xbf;
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const low = b0 === 0xf0 ? 0x90 : 0x80;
    const high = b0 === 0xf4 ? 0x8f : 0xbf;
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}
