import type { FoundDate } from './dates.js';
import { parseDateLine, parseDateline } from './dates.js';
import { isContactLine } from './letterhead.js';
import type { Block, Line } from './text.js';
import { isBlank, stripMarks } from './text.js';

/** Labels a release carries above its title, in the languages pressroom has templates for. */
const LABEL =
  /^(?:(?:press|news|media)\s+(?:release|statement|communiqu[eé]|advisory|briefing|note)|(?:press\s+)?communiqu[eé](?:\s+de\s+presse)?|statement|announcement|news|보도\s*자료|보도문|언론\s*보도문|pressemitteilung|comunicado(?:\s+de\s+prensa)?)$/iu;

/** How far down the text a label may sit: a letterhead is a handful of lines. */
const LABEL_SEARCH_LINES = 12;

export function isLabel(text: string): boolean {
  return LABEL.test(stripMarks(text).replace(/\s*:$/, ''));
}

/** Beyond this a line is running text: a label sits above it, never below. */
const MAX_LETTERHEAD_LINE = 160;

/** Index (into `lines`) of the label line, looked for only among the first non-blank lines, above any running text. */
export function findLabel(lines: Line[]): number | undefined {
  let seen = 0;
  for (let i = 0; i < lines.length && seen < LABEL_SEARCH_LINES; i++) {
    if (isBlank(lines[i])) continue;
    if (lines[i].text.length > MAX_LETTERHEAD_LINE || parseDateline(lines[i].text)) return undefined;
    seen++;
    if (isLabel(lines[i].text)) return i;
  }
  return undefined;
}

/**
 * Without a label, the letterhead is the leading blocks up to the last of the first three
 * that holds a contact line (Tel, Fax, e-mail, website): the number of blocks it takes.
 */
export function countLetterheadBlocks(blocks: Block[]): number {
  let count = 0;
  for (let i = 0; i < Math.min(3, blocks.length - 1); i++) {
    if (blocks[i].lines.some((line) => isContactLine(line.text))) count = i + 1;
  }
  return count;
}

/** Small lines between the letterhead and the title that fill their own fields. */
export type HeaderLine =
  | { kind: 'date'; date: FoundDate }
  | { kind: 'immediate' }
  | { kind: 'reference'; text: string };

export function classifyHeaderLine(text: string): HeaderLine | undefined {
  const plain = stripMarks(text);
  if (/^for\s+immediate\s+release\.?$/i.test(plain)) return { kind: 'immediate' };
  // One token with a digit: "No. 12/2021", "Ref: PR-2021-04"; "No. 5 Harbour Road" is an address.
  const reference = /^(?:ref(?:erence)?\.?\s*(?:no\.?)?|no\.|number)\s*:?\s*([\w/.-]*\d[\w/.-]*)$/i.exec(plain);
  if (reference) return { kind: 'reference', text: plain };
  const date = parseDateLine(plain);
  if (date) return { kind: 'date', date };
  return undefined;
}
