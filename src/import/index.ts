import type { Warning } from '../diagnostics.js';
import { PressroomError } from '../diagnostics.js';
import { assembleBody } from './body.js';
import type { FoundDate, FoundDateline } from './dates.js';
import { parseDateline } from './dates.js';
import { releaseYaml, orderRelease } from './emit.js';
import { classifyHeaderLine } from './header.js';
import { parseLetterhead } from './letterhead.js';
import { resolveDate } from './release-date.js';
import { splitSections } from './sections.js';
import type { Block } from './text.js';
import { blockText, firstLine, isBlank, readLines } from './text.js';

export interface ImportOptions {
  /** The year of the release date, when the dateline leaves it out (`--year`). */
  year?: number;
  /** "Today", for the last-resort guesses; the current time when absent. */
  today?: Date;
}

export interface ImportResult {
  /** The release data as YAML in the DESIGN.md format, ready to be written to a file. */
  yaml: string;
  /** The same data as an object (what the YAML loads to). */
  data: Record<string, unknown>;
  /** One line per thing found, saying what it was taken from ("dateline: Pyongyang, April 7 (KCNA)"). */
  inferred: string[];
  /** Guesses and gaps the user should check (a guessed year, a missing title). */
  warnings: Warning[];
}

function describeDateline(dateline: FoundDateline): string {
  const source = dateline.source ? ` (${dateline.source})` : '';
  return `${dateline.place}, ${dateline.date.text}${source}`;
}

/** Hangul anywhere in quantity means a Korean release; the templates know only ko and en so far. */
function guessLang(text: string): { lang: string; how: string } {
  const hangul = (text.match(/[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (hangul > 0 && hangul * 2 >= latin / 3) return { lang: 'ko', how: 'lang: ko (inferred from the Hangul script)' };
  return { lang: 'en', how: 'lang: en (inferred from the Latin script)' };
}

/**
 * Turns a press release received as plain text or Markdown into release data: letterhead,
 * label, title, dateline and date, body. Throws a PressroomError (kind 'syntax') only when
 * there is nothing usable; everything uncertain becomes a warning.
 */
export function importText(text: string, path: string, options: ImportOptions = {}): ImportResult {
  const lines = readLines(text, path);
  if (lines.every(isBlank)) {
    throw new PressroomError('syntax', 'nothing to import: the file is empty', { file: path, line: 1 }, undefined, 'import takes a press release as plain text or Markdown');
  }
  const inferred: string[] = [];
  const warnings: Warning[] = [];
  const warn = (line: number | undefined, field: string, message: string) => warnings.push({ file: path, line, field, message });
  const data: Record<string, unknown> = {};
  const comments: Record<string, string> = {};

  const sections = splitSections(lines, path);
  const headerDates: FoundDate[] = [];
  for (const header of sections.headerLines) {
    if (header.kind === 'date') headerDates.push(header.date);
    else if (header.kind === 'immediate') data.release = 'immediate';
    else data.reference = header.text;
  }
  const letterheadLines = sections.letterhead.filter((line) => !classifyHeaderLine(line.text));
  const issuerLine = letterheadLines[0]?.no ?? 1;
  if (letterheadLines.length > 0) {
    const { unplaced, ...issuer } = parseLetterhead(letterheadLines);
    for (const line of unplaced) warn(line.no, 'issuer', `letterhead line not understood, left out: "${line.text.trim()}"`);
    if (issuer.name.length === 0) warn(issuerLine, 'issuer.name', 'no issuer name found in the letterhead; fill it in');
    if (!issuer.address) warn(issuerLine, 'issuer.address', 'no address found in the letterhead; fill it in');
    data.issuer = issuer;
    const fields = ['address', 'phone', 'fax', 'email', 'website'].filter((field) => field in issuer);
    inferred.push(`issuer: ${issuer.name.length} name line${issuer.name.length === 1 ? '' : 's'}${fields.map((f) => `, ${f}`).join('')}`);
  } else {
    warn(1, 'issuer', 'no letterhead found before the title; fill in issuer (name, address)');
  }

  if (sections.label) {
    data.label = sections.label.text;
    inferred.push(`label: ${sections.label.text} (line ${sections.label.no})`);
  } else {
    inferred.push("label: none found (the template's default is used)");
  }

  if (sections.title) {
    data.title = sections.title.text;
    inferred.push(`title: line ${sections.title.no}`);
  } else {
    warn(firstLine(sections.body[0]), 'title', 'no title found before the body; fill it in');
  }
  if (sections.subtitle) {
    data.subtitle = sections.subtitle.text;
    inferred.push(`subtitle: line ${sections.subtitle.no}`);
  }

  const bodyBlocks = [...sections.body];
  const opening = bodyBlocks[0];
  const dateline = parseDateline(blockText(opening));
  if (dateline) {
    data.dateline = { place: dateline.place, source: dateline.source, text: dateline.date.text };
    inferred.push(`dateline: ${describeDateline(dateline)}`);
    const rest: Block[] = dateline.rest === '' ? [] : [{ lines: [{ text: dateline.rest, no: firstLine(opening) }] }];
    bodyBlocks.splice(0, 1, ...rest);
  } else {
    inferred.push('dateline: none found at the start of the body');
  }

  const body = assembleBody(bodyBlocks);
  if (body.paragraphs === 0) {
    throw new PressroomError('syntax', 'no body text after the dateline', { file: path, line: firstLine(opening) }, 'body');
  }
  const joined = body.joinedAt.length;
  let bodyNote = `body: ${body.paragraphs} paragraph${body.paragraphs === 1 ? '' : 's'}`;
  if (joined > 0) bodyNote += `, ${joined} joined across a page break (line${joined === 1 ? '' : 's'} ${body.joinedAt.join(', ')})`;
  if (body.droppedPageNumbers.length > 0) bodyNote += `, page numbers dropped (lines ${body.droppedPageNumbers.join(', ')})`;
  inferred.push(bodyNote);
  data.body = body.markdown;

  if (sections.end) {
    data.end = sections.end.text;
    inferred.push(`end: ${sections.end.text} (line ${sections.end.no})`);
  }
  if (sections.after.length > 0) {
    data.about = assembleBody(sections.after).markdown;
    inferred.push(`about: the text after the end mark (line ${firstLine(sections.after[0])})`);
  }

  const prose = [sections.title?.text ?? '', body.markdown].join('\n');
  const { lang, how } = guessLang(prose);
  data.lang = lang;
  inferred.unshift(how);

  const found = dateline?.date ?? headerDates[0];
  const dateField = resolveDate({ found, text: lines.map((l) => l.text).join('\n'), prose, year: options.year, today: options.today ?? new Date() });
  const dateLine = dateline ? firstLine(opening) : undefined;
  if ('invalid' in dateField) {
    warn(dateLine, 'date', `${dateField.invalid}; fill in the date`);
  } else {
    data.date = dateField.date;
    inferred.push(`date: ${dateField.date} (${dateField.how})`);
    if (dateField.guess) {
      warn(dateLine, 'date', dateField.guess);
      comments.date = dateField.guess.startsWith('year') ? 'year guessed: check it' : 'guessed: check it';
    }
  }

  const ordered = orderRelease(data);
  return { yaml: releaseYaml(ordered, comments), data: ordered, inferred, warnings };
}
