import { codePointName } from './problems.js';

/** Why a string was refused, and the index of the character; `undefined` when it is clean. */
export function textProblem(text: string): { message: string; index: number } | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { message: `broken character: lone surrogate ${codePointName(code)}`, index: i };
    }
    if (code >= 0xdc00 && code <= 0xdfff) return { message: `broken character: lone surrogate ${codePointName(code)}`, index: i };
    // Tab and newline are the only control characters a release may contain.
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    if (control && code !== 0x09 && code !== 0x0a) return { message: `control character ${codePointName(code)} is not allowed`, index: i };
  }
  return undefined;
}

/** CRLF and CR line ends become LF, so a file saved on Windows is not full of U+000D. */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A one-line field: runs of white space that include a line break become one space; ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, ' ').trim().normalize('NFC');
}

/** A Markdown field: leading blank lines and trailing white space go, the rest is kept as written. */
export function markdownBlock(text: string): string {
  return text.replace(/^(?:[ \t]*\n)+/, '').trimEnd().normalize('NFC');
}
