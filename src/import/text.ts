import { PressroomError } from '../diagnostics.js';

/** One line of the received text, trimmed at the end, with its 1-based line number in the file. */
export interface Line {
  text: string;
  no: number;
}

/** Consecutive non-blank lines: a paragraph, a letterhead block, a Markdown list. */
export interface Block {
  lines: Line[];
}

/**
 * Splits received text into lines, cleaning what e-mail and word processors leave behind:
 * a BOM, CRLF or CR line ends, tabs, control characters, form feeds (page breaks become
 * blank lines). Line numbers stay those of the file so warnings point at the right place.
 */
export function readLines(text: string, path: string): Line[] {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split(/\r\n|\r|\n/).length;
    throw new PressroomError('syntax', 'not a text file (it contains a NUL byte)', { file: path, line }, undefined, 'import takes plain text or Markdown');
  }
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n|\u2028|\u2029/);
  return raw.map((line, i) => ({ text: cleanLine(line), no: i + 1 }));
}

function cleanLine(line: string): string {
  return (
    line
      // Leading tabs are indentation (Markdown code, nested lists); inner tabs are just spacing.
      .replace(/^\t+/, (tabs) => '    '.repeat(tabs.length))
      .replace(/\t/g, ' ')
      .replace(/\f/g, '')
      // C0/C1 controls (and stray BOMs) carry no text and cannot be written in a YAML block scalar.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .trimEnd()
  );
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

/**
 * Groups lines into blocks separated by blank lines. A fenced code block (```) stays one block
 * even if it holds blank lines, since Markdown would read it that way.
 */
export function splitBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const marker = /^\s{0,3}(```|~~~)/.exec(line.text)?.[1];
    if (marker && (fence === undefined || fence === marker)) fence = fence ? undefined : marker;
    if (fence === undefined && isBlank(line)) {
      if (current.length > 0) blocks.push({ lines: current });
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}

/** The block's lines joined as one line of text (hard wrapping undone). */
export function blockText(block: Block): string {
  return block.lines
    .map((line) => line.text.trim())
    .join(' ')
    .replace(/ {2,}/g, ' ');
}

export function firstLine(block: Block): number {
  return block.lines[0].no;
}

/** Removes Markdown emphasis markers and heading marks around a short line, for matching. */
export function stripMarks(text: string): string {
  return text
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/\\$/, '')
    .trim();
}
