import { PressroomError } from '../diagnostics.js';
import { parseDateline } from './dates.js';
import type { HeaderLine } from './header.js';
import { classifyHeaderLine, countLetterheadBlocks, findLabel } from './header.js';
import type { Block, Line } from './text.js';
import { blockText, firstLine, isBlank, splitBlocks, stripMarks } from './text.js';

/** A one-line field and the line it came from. */
export interface Located {
  text: string;
  no: number;
}

/** The received text cut into the parts of a release, before each part is read. */
export interface Sections {
  letterhead: Line[];
  /** Date, "For immediate release" and reference lines found around the label. */
  headerLines: HeaderLine[];
  label?: Located;
  title?: Located;
  subtitle?: Located;
  /** Never empty. */
  body: Block[];
  end?: Located;
  /** Blocks after the end mark ("About the Embassy …"). */
  after: Block[];
}

/** "###", "-30-", "- ends -", "END": the marks that close a release. */
const END_MARK = /^(?:#{3}|-\s*30\s*-|-*\s*ends?\s*-*|\*\*\*\s*ends?\s*\*\*\*)$/i;
/** Beyond this a block is running text, not a title or a deck. */
const MAX_HEADING_CHARS = 300;

function located(block: Block): Located {
  return { text: headingText(block), no: firstLine(block) };
}

/** A title or subtitle: hard wraps undone, Markdown heading marks dropped, bold runs kept. */
function headingText(block: Block): string {
  return blockText(block).replace(/^#{1,6}\s+/, '').replace(/\s+#+$/, '').trim();
}

function opensWithDateline(block: Block | undefined): boolean {
  return block !== undefined && parseDateline(blockText(block)) !== undefined;
}

function isShort(block: Block): boolean {
  return block.lines.length <= 3 && blockText(block).length <= MAX_HEADING_CHARS;
}

/** A deck under the title: before a dateline, a second-level heading under a heading title, or all italic. */
function isSubtitle(candidate: Block, next: Block | undefined, titleWasHeading: boolean): boolean {
  if (next === undefined || !isShort(candidate) || opensWithDateline(candidate)) return false;
  const first = candidate.lines[0].text;
  if (titleWasHeading && candidate.lines.length === 1 && /^#{2,6}\s/.test(first)) return true;
  if (/^([*_])(?!\1)[^*_].*[^*_]\1$/.test(blockText(candidate))) return true;
  return opensWithDateline(next) && !/^\s*(?:[-*+]|\d+[.)])\s/.test(first);
}

export function splitSections(lines: Line[], path: string): Sections {
  const labelIndex = findLabel(lines);
  let letterhead: Line[];
  let blocks: Block[];
  let label: Located | undefined;
  if (labelIndex !== undefined) {
    letterhead = lines.slice(0, labelIndex).filter((line) => !isBlank(line));
    label = { text: stripMarks(lines[labelIndex].text).replace(/\s*:$/, ''), no: lines[labelIndex].no };
    blocks = splitBlocks(lines.slice(labelIndex + 1));
  } else {
    const all = splitBlocks(lines);
    const count = countLetterheadBlocks(all);
    letterhead = all.slice(0, count).flatMap((block) => block.lines);
    blocks = all.slice(count);
  }

  const headerLines: HeaderLine[] = [];
  for (const line of letterhead) {
    const header = classifyHeaderLine(line.text);
    if (header) headerLines.push(header);
  }
  // Date and "For immediate release" lines between the label and the title.
  while (blocks.length > 1 && blocks[0].lines.every((line) => classifyHeaderLine(line.text))) {
    for (const line of (blocks.shift() as Block).lines) headerLines.push(classifyHeaderLine(line.text) as HeaderLine);
  }

  const lastLine = lines[lines.length - 1].no;
  if (blocks.length === 0) {
    throw new PressroomError('syntax', 'no title or body text after the letterhead', { file: path, line: label?.no ?? lastLine }, undefined, 'a release needs a title and at least one paragraph');
  }
  let title: Located | undefined;
  let titleWasHeading = false;
  if (!opensWithDateline(blocks[0]) && (blocks.length > 1 || isShort(blocks[0]))) {
    const block = blocks.shift() as Block;
    titleWasHeading = /^#{1,6}\s/.test(block.lines[0].text);
    title = located(block);
    if (blocks.length === 0) {
      throw new PressroomError('syntax', 'a title but no body text after it', { file: path, line: title.no }, 'body', 'a release needs at least one paragraph after its title');
    }
  }
  let subtitle: Located | undefined;
  if (title && blocks.length > 1 && isSubtitle(blocks[0], blocks[1], titleWasHeading)) subtitle = located(blocks.shift() as Block);

  let end: Located | undefined;
  let after: Block[] = [];
  const endIndex = blocks.findIndex((block, i) => i > 0 && block.lines.length === 1 && END_MARK.test(block.lines[0].text.trim()));
  if (endIndex > 0) {
    end = { text: blocks[endIndex].lines[0].text.trim(), no: firstLine(blocks[endIndex]) };
    after = blocks.slice(endIndex + 1);
    blocks = blocks.slice(0, endIndex);
  }
  return { letterhead, headerLines, label, title, subtitle, body: blocks, end, after };
}
