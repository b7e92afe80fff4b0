import type { Problems } from './problems.js';

export interface MarkdownParts {
  /** The YAML between the fences. */
  frontMatter: string;
  /** Lines before the front matter in the file (the opening fence), for YAML positions. */
  frontMatterLineOffset: number;
  /** Everything after the closing fence. */
  body: string;
  /** 1-based line where `body` starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---` front matter from the Markdown body; expects LF line ends. */
export function splitFrontMatter(text: string, problems: Problems): MarkdownParts | undefined {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0])) {
    problems.add('syntax', "a Markdown release must start with front matter: a first line '---'", { line: 1, col: 1 }, undefined, 'put the release fields between two --- lines, then the body');
    return undefined;
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    problems.add('syntax', "front matter has no closing '---' line", { line: 1, col: 1 });
    return undefined;
  }
  return {
    frontMatter: lines.slice(1, closing).join('\n'),
    frontMatterLineOffset: 1,
    body: lines.slice(closing + 1).join('\n'),
    bodyLine: closing + 2,
  };
}
