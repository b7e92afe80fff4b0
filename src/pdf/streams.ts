// Deflate for the streams of a PDFKit document. PDFKit deflates every stream when the document
// ends, including the font subsets and the sRGB profile that are the same bytes release after
// release (our subsets are cached per glyph set, PDFKit reads the profile once): those are
// deflated once per process here, and page content at a level that is nearly as small and
// takes less time.
import { crc32, deflateSync } from 'node:zlib';
import { BoundedMap } from '../fonts/bounded-map.js';
import { StreamBytes } from './stream-bytes.js';

/** The fields of PDFKit's PDFReference that writing and finalising a stream read, and ours. */
interface StreamRef {
  compress: boolean;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  finalize(): void;
  /** Ours: text written and not yet in `buffer` (PDFKit would have made bytes of each string). */
  text: StreamBytes | null;
  /** Ours: how many chunks the stream was written in; one long chunk may be a shared stream. */
  writes: number;
}

/** zlib level of streams met once: a release's PDF grows ~2% against level 6, its content streams deflate in a third of the time. */
const CONTENT_LEVEL = 4;
/**
 * A stream met once, deflated at `CONTENT_LEVEL` by a fresh zlib engine. Not one engine kept
 * and reset between streams: Node's zlib then still matches against the last stream's window,
 * and a font subset came out 6205 bytes after other text and 6206 alone, so a release's bytes
 * depended on what the process had built before.
 */
export function deflateContent(input: Uint8Array): Buffer {
  return deflateSync(input, { level: CONTENT_LEVEL });
}

/** Streams at least this long are looked up among those deflated before. */
const SHARED_MIN_BYTES = 2048;

/** Deflated streams by identity: the subset cache and PDFKit hand over the same objects. */
const byObject = new WeakMap<Uint8Array, Buffer>();
/** The same by content, for equal bytes in new objects (a subset re-encoded after eviction). */
const byContent = new BoundedMap<string, { raw: Uint8Array; deflated: Buffer }>(64);

function deflateShared(raw: Uint8Array): Buffer {
  let deflated = byObject.get(raw);
  if (deflated) return deflated;
  const key = `${raw.length}:${crc32(raw)}`;
  const known = byContent.get(key);
  if (known && Buffer.compare(known.raw, raw) === 0) {
    deflated = known.deflated;
  } else {
    deflated = deflateSync(raw);
    byContent.set(key, { raw, deflated });
  }
  byObject.set(raw, deflated);
  return deflated;
}

/** Makes `deflated` the stream's bytes, which PDFKit then writes as they are. */
function useDeflated(ref: StreamRef, deflated: Buffer): void {
  ref.buffer = [deflated];
  ref.compress = false;
  ref.data.Filter = 'FlateDecode';
}

/** A stream written in one long chunk may be a shared stream; any other is content. */
function deflateStream(ref: StreamRef): void {
  if (!ref.compress || ref.buffer.length === 0) return;
  const single = ref.writes === 1 ? ref.buffer[0] : undefined;
  useDeflated(ref, single && single.length >= SHARED_MIN_BYTES ? deflateShared(single) : deflateContent(ref.buffer.length === 1 ? ref.buffer[0] : Buffer.concat(ref.buffer)));
}

/** Starts the text of `ref`, with the dictionary keys PDFKit's first write adds, in its order. */
function startText(ref: StreamRef): StreamBytes {
  ref.data.Length ??= 0;
  if (ref.compress) ref.data.Filter = 'FlateDecode';
  return (ref.text = new StreamBytes());
}

/**
 * The bytes of a page's content stream, for text drawing to write into directly (one write),
 * or undefined when `content` was not made by a document under `deflateStreams`.
 */
export function contentBytes(content: unknown): StreamBytes | undefined {
  const ref = content as Partial<StreamRef>;
  if (typeof ref.writes !== 'number' || ref.text === undefined) return undefined;
  ref.writes++;
  return ref.text ?? startText(ref as StreamRef);
}

/**
 * Makes every stream of `doc` deflate here instead of in PDFKit: shared streams once per
 * process, the rest at `CONTENT_LEVEL`. The bytes still depend only on the stream's content.
 * Text written to a stream is kept as bytes in one buffer (`StreamBytes`) until bytes follow
 * or the stream ends: PDFKit turns each operator into bytes on its own, with a loop over its
 * characters, and joins them all again at the end.
 */
export function deflateStreams(doc: PDFKit.PDFDocument): void {
  const pdf = doc as unknown as { ref(data?: object): StreamRef };
  const ref = pdf.ref.bind(pdf);
  // PDFKit's own methods, from its prototype; ours are shared by every stream of the document
  // (PDFKit keeps some objects to the end, the structure tree of a bundle: no closures per ref).
  let baseWrite: StreamRef['write'] | undefined;
  let baseFinalize: StreamRef['finalize'] | undefined;
  const flushText = (stream: StreamRef) => {
    const { text } = stream;
    if (!text || text.length === 0) return;
    baseWrite!.call(stream, Buffer.from(text.view()));
    text.length = 0;
  };
  function write(this: StreamRef, chunk: string | Uint8Array): void {
    this.writes++;
    if (chunk instanceof Uint8Array) {
      flushText(this);
      baseWrite!.call(this, chunk);
      return;
    }
    (this.text ?? startText(this)).line(chunk);
  }
  function finalize(this: StreamRef): void {
    const { text } = this;
    if (text) {
      if (text.length > 0 && this.compress && this.buffer.length === 0 && !(this.writes === 1 && text.length >= SHARED_MIN_BYTES)) {
        // All text: deflated from the buffer it was written in, as `deflateStream` would.
        useDeflated(this, deflateContent(text.view()));
      } else {
        flushText(this);
      }
      text.release();
      this.text = null;
    }
    deflateStream(this);
    baseFinalize!.call(this);
  }
  pdf.ref = (data?: object) => {
    const created = ref(data);
    baseWrite ??= created.write;
    baseFinalize ??= created.finalize;
    created.write = write;
    created.finalize = finalize;
    created.text = null;
    created.writes = 0;
    return created;
  };
}
