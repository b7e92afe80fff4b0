// The bytes of a PDFKit document, taken as PDFKit writes them. PDFKit turns every token of an
// object (~50 bytes) into a Uint8Array with a loop over its characters and pushes it through
// its Readable stream; here tokens stay strings until a block is full and become bytes in one
// native conversion, and nothing goes through the stream, so nothing waits in its buffer.

/** Output is kept in blocks of about this size, so a long document holds little beyond its bytes. */
const BLOCK_BYTES = 64 * 1024;

/** The fields of PDFDocument that writing reads: `_offset` places each object in the xref table. */
interface DocumentOutput {
  _write(data: string | Uint8Array): void;
  _offset: number;
}

/** Collects every byte `doc` has written and writes; settles with the file when the document ends. */
export function collectOutput(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const pdf = doc as unknown as DocumentOutput;
  const blocks: Buffer[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let text: string[] = [];
  let textBytes = 0;
  const keep = (bytes: Uint8Array) => {
    pending.push(bytes);
    pendingBytes += bytes.length;
    if (pendingBytes >= BLOCK_BYTES) {
      blocks.push(Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    }
  };
  const flushText = () => {
    if (text.length === 0) return;
    // PDFKit keeps the low byte of each UTF-16 unit, as latin1 does.
    keep(Buffer.from(text.join(''), 'latin1'));
    text = [];
    textBytes = 0;
  };
  // The header PDFKit wrote while it was being made waits in its stream: it comes first.
  const header = doc.read() as Buffer | null;
  if (header) keep(header);
  pdf._write = (data) => {
    if (data instanceof Uint8Array) {
      flushText();
      keep(data);
      pdf._offset += data.length;
      return;
    }
    const line = `${data}\n`;
    text.push(line);
    textBytes += line.length;
    pdf._offset += line.length;
    if (textBytes >= BLOCK_BYTES) flushText();
  };
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => {
      flushText();
      resolve(Buffer.concat([...blocks, ...pending]));
    });
    doc.on('error', reject);
    // The stream carries no data now, but ends only when flowing.
    doc.resume();
  });
}
