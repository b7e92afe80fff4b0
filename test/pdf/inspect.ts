import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tool } from './pages.js';

const dir = mkdtempSync(join(tmpdir(), 'pressroom-pdf-out-'));
let count = 0;

/** Writes a PDF to a temporary file for the command-line validators. */
export function saved(pdf: Buffer): string {
  const path = join(dir, `draw-${++count}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

type QpdfValue = string | number | boolean | null | QpdfValue[] | { [key: string]: QpdfValue };

/** Every object of the file as qpdf's JSON (v2) gives it: strings `u:…`, names `/…`, refs `n 0 R`. */
export function objects(path: string): Record<string, QpdfValue> {
  const json = JSON.parse(tool('qpdf', ['--json=2', '--json-key=qpdf', path])) as {
    qpdf: [unknown, Record<string, { value?: QpdfValue; stream?: { dict: QpdfValue } }>];
  };
  const out: Record<string, QpdfValue> = {};
  for (const [key, entry] of Object.entries(json.qpdf[1])) {
    if (!key.startsWith('obj:')) continue;
    out[key.slice(4)] = entry.value ?? entry.stream?.dict ?? null;
  }
  return out;
}

export interface OutlineItem {
  title: string;
  destpageposfrom1: number;
  dest: QpdfValue[];
  kids: OutlineItem[];
}

export function outlines(path: string): OutlineItem[] {
  return (JSON.parse(tool('qpdf', ['--json=2', '--json-key=outlines', path])) as { outlines: OutlineItem[] }).outlines;
}

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Word boxes from `pdftotext -bbox`, numbered by page. */
export function words(path: string): Word[] {
  const html = tool('pdftotext', ['-bbox', path, '-']);
  const out: Word[] = [];
  let page = 0;
  const pattern = /<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(pattern)) {
    if (match[0] === '<page ') {
      page++;
      continue;
    }
    const [xMin, yMin, xMax, yMax] = match.slice(1, 5).map(Number);
    out.push({ page, xMin, yMin, xMax, yMax, text: unescapeHtml(match[5]) });
  }
  return out;
}

function unescapeHtml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name] ?? '');
}

/** `pdfinfo` fields as a map (UTF-8). */
export function info(path: string, ...args: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of tool('pdfinfo', ['-enc', 'UTF-8', ...args, path]).split('\n')) {
    const at = row.indexOf(':');
    if (at > 0) out.set(row.slice(0, at).trim(), row.slice(at + 1).trim());
  }
  return out;
}

/** The XMP packet: PDFKit writes the Metadata stream uncompressed. */
export function xmpPacket(pdf: Buffer): string {
  const text = pdf.toString('utf8');
  const start = text.indexOf('<?xpacket begin=');
  const end = text.indexOf('<?xpacket end="w"?>');
  if (start < 0 || end < 0) throw new Error('no XMP packet in the PDF');
  return text.slice(start, end + '<?xpacket end="w"?>'.length);
}
