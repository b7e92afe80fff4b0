import type { Block } from './text.js';
import { firstLine } from './text.js';

/** One body paragraph on its way to Markdown, with the line where it started. */
interface Paragraph {
  text: string;
  line: number;
  /** Markdown structure (heading, list, quote, code, table, rule) kept line for line. */
  markdown: boolean;
  salutation: boolean;
}

export interface AssembledBody {
  markdown: string;
  paragraphs: number;
  /** Lines where a paragraph continued after a page break and was joined to the one before. */
  joinedAt: number[];
  /** Lines that held only a page number and were dropped. */
  droppedPageNumbers: number[];
}

const MARKDOWN_LINE = /^(?: {0,3}#{1,6}\s|\s*[-*+]\s|\s*\d{1,3}[.)]\s|\s{0,3}>|\s{0,3}(?:```|~~~)|\s{4}|\s*\||\s{0,3}(?:[-*_]\s*){3,}$)/;
const BULLET = /^(\s*)[•·▪◦‣]\s+/;
const PAGE_NUMBER = /^(?:-\s*\d{1,3}\s*-|\d{1,3}|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|\d{1,3}\s*\/\s*\d{1,3})$/i;
const SALUTATION = /^(?:dear|comrades|friends|ladies|gentlemen|hello|to whom|sir|madam|distinguished|excellenc|respected)\b/i;
/** A paragraph that ends a sentence or a clause that may stand alone. */
const CLOSED = /(?:[.!?:;…]|[.!?…]?["'”’»)\]])$/u;

function isSalutation(text: string): boolean {
  return text.endsWith(',') && text.length <= 80 && (SALUTATION.test(text) || text.split(/\s+/).length <= 4);
}

function toParagraph(block: Block): Paragraph {
  const lines = block.lines.map((line) => line.text.replace(BULLET, '$1- '));
  const markdown = MARKDOWN_LINE.test(lines[0]);
  let text: string;
  if (markdown) {
    text = lines.join('\n');
  } else {
    // Hard-wrapped lines are one paragraph; a Markdown hard break ("\" at the end) is kept.
    text = lines
      .map((line) => line.trim())
      .reduce((joined, line) => (joined === '' ? line : joined.endsWith('\\') ? `${joined}\n${line}` : `${joined} ${line}`), '')
      .replace(/ {2,}/g, ' ');
  }
  return { text, line: firstLine(block), markdown, salutation: !markdown && isSalutation(text) };
}

/** A paragraph cut in two by a page break: the first part is left open, the second goes on in lower case. */
function continuesAcrossBreak(before: Paragraph, after: Paragraph): boolean {
  if (before.markdown || after.markdown || before.salutation) return false;
  const end = before.text.replace(/[*_]+$/, '');
  return !CLOSED.test(end) && /^\p{Ll}/u.test(after.text);
}

/**
 * Turns the body blocks into Markdown: one paragraph per block, hard wraps undone, page
 * numbers dropped, and paragraphs that a page break split joined again.
 */
export function assembleBody(blocks: Block[]): AssembledBody {
  const paragraphs: Paragraph[] = [];
  const joinedAt: number[] = [];
  const droppedPageNumbers: number[] = [];
  for (const block of blocks) {
    if (block.lines.length === 1 && PAGE_NUMBER.test(block.lines[0].text.trim()) && paragraphs.length > 0) {
      droppedPageNumbers.push(block.lines[0].no);
      continue;
    }
    const paragraph = toParagraph(block);
    const previous = paragraphs[paragraphs.length - 1];
    if (previous && continuesAcrossBreak(previous, paragraph)) {
      // A word hyphenated across the break ("well-" / "known") closes up; anything else gets a space.
      const glue = /\p{L}-$/u.test(previous.text) ? '' : ' ';
      previous.text = `${previous.text}${glue}${paragraph.text}`;
      joinedAt.push(paragraph.line);
      continue;
    }
    paragraphs.push(paragraph);
  }
  const markdown = paragraphs.map((paragraph) => paragraph.text).join('\n\n');
  return { markdown: markdown === '' ? '' : `${markdown}\n`, paragraphs: paragraphs.length, joinedAt, droppedPageNumbers };
}
