/** Inline content: text runs with their style, collapsed as CSS `white-space: normal` does. */
import type { ComputedStyle } from './computed-style.js';
import type { Inline, TextStyle } from './types.js';

export type TextInline = Extract<Inline, { kind: 'text' }>;

/** CSS white space: not the no-break space, which `\s` would also match. */
const WHITE_SPACE = /[ \t\n\r\f]+/g;
/** White space that collapsing changes: anything but a lone space. Most runs of prose have none. */
const COLLAPSIBLE = /[\t\n\r\f]| {2}/;

const textStyles = new WeakMap<ComputedStyle, TextStyle>();

/** The part of a computed style that applies to text, shared between runs of the same element. */
export function textStyleOf(style: ComputedStyle): TextStyle {
  let text = textStyles.get(style);
  if (!text) {
    text = {
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      fontWeight: style.fontWeight,
      fontStyle: style.fontStyle,
      color: style.color,
      textTransform: style.textTransform,
      letterSpacing: style.letterSpacing,
      textDecoration: style.textDecoration,
    };
    Object.freeze(text);
    textStyles.set(style, text);
  }
  return text;
}

export function textRun(text: string, style: ComputedStyle, link?: string, lang?: string): TextInline {
  // Replacing every space by itself would copy the text: replaced only when that changes it.
  const collapsed = COLLAPSIBLE.test(text) ? text.replace(WHITE_SPACE, ' ') : text;
  const run: TextInline = { kind: 'text', text: collapsed, style: textStyleOf(style) };
  if (link !== undefined) run.link = link;
  if (lang !== undefined) run.lang = lang;
  return run;
}

function sameTextStyle(a: TextStyle, b: TextStyle): boolean {
  return (
    a === b ||
    (a.fontSize === b.fontSize &&
      a.fontWeight === b.fontWeight &&
      a.fontStyle === b.fontStyle &&
      a.color === b.color &&
      a.textTransform === b.textTransform &&
      a.letterSpacing === b.letterSpacing &&
      a.textDecoration === b.textDecoration &&
      a.fontFamily.join(',') === b.fontFamily.join(','))
  );
}

/**
 * Collapses white space across run boundaries, trims it at the start and end of the block and
 * around line breaks, drops empty runs and merges neighbours that look the same.
 */
export function finishInlines(raw: Inline[]): Inline[] {
  const runs: Inline[] = [];
  let afterSpace = true; // at the start of a line, a space is dropped
  const trimLastRun = (): void => {
    const last = runs[runs.length - 1];
    if (last?.kind === 'text' && last.text.endsWith(' ')) {
      last.text = last.text.slice(0, -1);
      if (last.text === '') runs.pop();
    }
  };
  for (const inline of raw) {
    if (inline.kind === 'break') {
      trimLastRun();
      runs.push(inline);
      afterSpace = true;
      continue;
    }
    const text: string = afterSpace && inline.text.startsWith(' ') ? inline.text.slice(1) : inline.text;
    if (text === '') continue;
    afterSpace = text.endsWith(' ');
    const last = runs[runs.length - 1];
    if (last?.kind === 'text' && last.link === inline.link && last.lang === inline.lang && sameTextStyle(last.style, inline.style)) {
      last.text += text;
    } else {
      runs.push({ ...inline, text });
    }
  }
  trimLastRun();
  return runs;
}

const QUOTES: Record<string, [string, string]> = {
  de: ['\u201e', '\u201c'],
  fr: ['\u00ab\u00a0', '\u00a0\u00bb'],
  ru: ['\u00ab', '\u00bb'],
  ja: ['\u300c', '\u300d'],
  zh: ['\u201c', '\u201d'],
};

/** The quotation marks a browser puts around `<q>` in a language. */
export function quotesFor(lang: string): [string, string] {
  return QUOTES[lang.toLowerCase().split('-')[0]] ?? ['\u201c', '\u201d'];
}
