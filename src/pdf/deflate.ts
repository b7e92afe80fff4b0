// Deflate with one zlib engine kept for the process. `deflateSync` makes a new engine for every
// stream (zlib allocates and frees ~300 KB of state each time), which for the ~20 streams of a
// release (page content, ToUnicode maps, CIDSets) costs about as much as compressing the small
// ones. zlib's deflateReset gives the bytes a fresh engine at the same level gives.
import { startupSnapshot } from 'node:v8';
import { constants, Deflate, deflateSync } from 'node:zlib';

/** The native handle behind a Node zlib stream (not in Node's public API). */
interface NativeZlib {
  writeSync(flush: number, input: Uint8Array, inOffset: number, inLength: number, output: Uint8Array, outOffset: number, outLength: number): void;
  reset(): void;
}

/** The fields of Node's Deflate that give its handle and what a write left unused. */
interface DeflateInternals {
  _handle?: NativeZlib | null;
  /** [output bytes left, input bytes left] after the last write. */
  _writeState?: Uint32Array;
  destroyed: boolean;
  close(): void;
}

interface Engine {
  stream: DeflateInternals;
  handle: NativeZlib;
  state: Uint32Array;
}

/** One engine per level; null when Node's internals are not as expected (then `deflateSync`). */
const engines = new Map<number, Engine | null>();

// A startup snapshot cannot hold a native handle: the warm-up's engines are closed before it is
// taken, and the snapshot's process makes its own.
if (startupSnapshot.isBuildingSnapshot()) {
  startupSnapshot.addSerializeCallback(() => {
    for (const engine of engines.values()) engine?.stream.close();
    engines.clear();
  });
}

function engineFor(level: number): Engine | null {
  let engine = engines.get(level);
  if (engine === undefined) {
    const stream = new Deflate({ level }) as unknown as DeflateInternals;
    const handle = stream._handle;
    const state = stream._writeState;
    engine = handle && typeof handle.writeSync === 'function' && typeof handle.reset === 'function' && state ? { stream, handle, state } : null;
    engines.set(level, engine);
  }
  return engine;
}

/** `input` deflated at `level` (zlib format), the same bytes as `deflateSync(input, { level })`. */
export function deflateAt(input: Uint8Array, level: number): Buffer {
  const engine = engineFor(level);
  if (!engine) return deflateSync(input, { level });
  const { handle, state } = engine;
  const chunks: Buffer[] = [];
  let produced = 0;
  let inOffset = 0;
  let inLength = input.length;
  // Room for the whole stream at once unless the input does not compress at all.
  let size = input.length + (input.length >> 10) + 64;
  for (;;) {
    const output = Buffer.allocUnsafe(size);
    handle.writeSync(constants.Z_FINISH, input, inOffset, inLength, output, 0, size);
    if (engine.stream.destroyed) {
      // zlib reported an error (the stream destroys itself): let deflateSync report it.
      engines.delete(level);
      return deflateSync(input, { level });
    }
    const [outLeft, inLeft] = state;
    chunks.push(output.subarray(0, size - outLeft));
    produced += size - outLeft;
    inOffset += inLength - inLeft;
    inLength = inLeft;
    // Z_FINISH with output room left means the stream is complete.
    if (outLeft !== 0) break;
    size = Math.max(size, 16 * 1024);
  }
  handle.reset();
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, produced);
}
