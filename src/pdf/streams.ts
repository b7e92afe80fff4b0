// Deflate for the streams of a PDFKit document. PDFKit deflates every stream when the document
// ends, including the font subsets and the sRGB profile that are the same bytes release after
// release (our subsets are cached per glyph set, PDFKit reads the profile once): those are
// deflated once per process here, and page content at a level that is nearly as small and
// takes less time.
import { crc32, deflateSync } from 'node:zlib';
import { BoundedMap } from '../fonts/bounded-map.js';

/** The fields of PDFKit's PDFReference that writing and finalising a stream read. */
interface StreamRef {
  compress: boolean;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  finalize(): void;
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

/** `writes`: how many chunks the stream was written in; one long chunk may be a shared stream. */
function deflateStream(ref: StreamRef, writes: number): void {
  if (!ref.compress || ref.buffer.length === 0) return;
  const single = writes === 1 ? ref.buffer[0] : undefined;
  const deflated =
    single && single.length >= SHARED_MIN_BYTES ? deflateShared(single) : deflateContent(ref.buffer.length === 1 ? ref.buffer[0] : Buffer.concat(ref.buffer));
  ref.buffer = [deflated];
  ref.compress = false;
  ref.data.Filter = 'FlateDecode';
}

/**
 * Makes text written to `ref` stay a string until bytes follow or the stream ends: PDFKit turns
 * each operator of a page into bytes on its own, with a loop over its characters.
 */
function keepText(ref: StreamRef): { flush(): void; writes(): number } {
  const write = ref.write.bind(ref);
  let text: string[] = [];
  let writes = 0;
  const flush = () => {
    if (text.length === 0) return;
    // PDFKit ends each string with a line feed and keeps the low byte of each UTF-16 unit, as latin1 does.
    text.push('');
    write(Buffer.from(text.join('\n'), 'latin1'));
    text = [];
  };
  ref.write = (chunk) => {
    writes++;
    if (chunk instanceof Uint8Array) {
      flush();
      write(chunk);
      return;
    }
    // The dictionary keys PDFKit's first write adds, in its order (they are written in it).
    ref.data.Length ??= 0;
    if (ref.compress) ref.data.Filter = 'FlateDecode';
    text.push(chunk);
  };
  return { flush, writes: () => writes };
}

/**
 * Makes every stream of `doc` deflate here instead of in PDFKit: shared streams once per
 * process, the rest at `CONTENT_LEVEL`. The bytes still depend only on the stream's content.
 */
export function deflateStreams(doc: PDFKit.PDFDocument): void {
  const pdf = doc as unknown as { ref(data?: object): StreamRef };
  const ref = pdf.ref.bind(pdf);
  pdf.ref = (data?: object) => {
    const created = ref(data);
    const text = keepText(created);
    const finalize = created.finalize.bind(created);
    created.finalize = () => {
      text.flush();
      deflateStream(created, text.writes());
      finalize();
      // PDFKit keeps some objects until the end (the structure tree of a 1,000-release bundle):
      // without this, each would keep three functions more.
      delete (created as Partial<StreamRef>).finalize;
      delete (created as Partial<StreamRef>).write;
    };
    return created;
  };
}
