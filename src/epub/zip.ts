import { crc32, deflateRawSync } from 'node:zlib';
import { BoundedMap } from '../fonts/bounded-map.js';

/** Earliest time a zip (DOS) timestamp can hold. */
const DOS_EPOCH = Date.UTC(1980, 0, 1);

/** Entries that readers look for first come first; the rest follow in name order. */
const LEADING = ['mimetype', 'META-INF/container.xml', 'OEBPS/content.opf'];

/** Already compressed: deflating them again costs time and saves nothing. */
const STORED = /(^mimetype$|\.(png|jpe?g|gif|webp)$)/i;

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** CRC and deflated bytes of entries shared by many books (font subsets are cached objects). */
const shared = new WeakMap<Uint8Array, { crc: number; body: Buffer }>();
/**
 * The same by content, for entries made anew for every book with the same bytes (the
 * container, a template's stylesheet): found by length and CRC, then compared.
 */
const deflatedText = new BoundedMap<string, { data: Uint8Array; body: Buffer }>(16);

/**
 * Fonts, deflated once for every book that embeds the same subset, at the smallest size;
 * the book's own text at level 3: within 4% of level 6 for a release (~200 bytes), in a
 * fifth of the time.
 */
const SHARED = /\.(ttf|otf)$/i;

/** A font's CRC and deflated bytes, made once for every book that embeds the same subset. */
function sharedEntry(data: Uint8Array): { crc: number; body: Buffer } {
  let known = shared.get(data);
  if (!known) shared.set(data, (known = { crc: crc32(data), body: deflateRawSync(data, { level: 9 }) }));
  return known;
}

function deflate(name: string, data: Uint8Array, crc: number): Buffer {
  const key = `${name}:${data.length}:${crc}`;
  const known = deflatedText.get(key);
  if (known && Buffer.compare(known.data, data) === 0) {
    // Kept as the newest: the books' own entries, all new, would push it out otherwise.
    deflatedText.delete(key);
    deflatedText.set(key, known);
    return known.body;
  }
  const body = deflateRawSync(data, { level: 3 });
  deflatedText.set(key, { data, body });
  return body;
}

function dosDateTime(time: Date): { date: number; time: number } {
  const t = new Date(Math.max(time.getTime(), DOS_EPOCH));
  return {
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

function compareEntries(a: string, b: string): number {
  const ra = LEADING.includes(a) ? LEADING.indexOf(a) : LEADING.length;
  const rb = LEADING.includes(b) ? LEADING.indexOf(b) : LEADING.length;
  return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Writes a zip whose bytes depend on the entries only: every entry dated `time` (UTC), the
 * `mimetype` entry first and stored without extra fields (as OCF requires), a fixed order.
 */
export function writeZip(entries: ZipEntry[], time: Date): Buffer {
  const { date, time: dosTime } = dosDateTime(time);
  const sorted = [...entries].sort((a, b) => compareEntries(a.name, b.name));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of sorted) {
    const name = Buffer.from(entry.name, 'utf8');
    const stored = STORED.test(entry.name);
    // A font's CRC is kept with its deflated bytes: ~130 kB less to checksum a book.
    const known = !stored && SHARED.test(entry.name) ? sharedEntry(entry.data) : undefined;
    const crc = known?.crc ?? crc32(entry.data);
    const body = stored ? entry.data : (known?.body ?? deflate(entry.name, entry.data, crc));
    const flags = /[^\x20-\x7e]/.test(entry.name) ? 0x0800 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(stored ? 10 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by UNIX, so the permissions below apply
    local.copy(central, 6, 4, 30);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
