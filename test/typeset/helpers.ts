import type { Block, BlockStyle, Document, Inline, PageStyle, TextStyle } from '../../src/document/types.js';

const zero = { top: 0, right: 0, bottom: 0, left: 0 };

/** A body-text style: 11pt Tinos on 14pt lines, justified and hyphenated. */
export function style(overrides: Partial<BlockStyle> = {}): BlockStyle {
  return {
    fontFamily: ['Tinos', 'serif'],
    fontSize: 11,
    fontWeight: 400,
    fontStyle: 'normal',
    color: '#000000',
    textTransform: 'none',
    letterSpacing: 0,
    textDecoration: 'none',
    lineHeight: 14,
    textAlign: 'justify',
    textIndent: 0,
    margin: { ...zero },
    padding: { ...zero },
    breakBefore: 'auto',
    breakAfter: 'auto',
    breakInside: 'auto',
    widows: 2,
    orphans: 2,
    hyphens: 'auto',
    ...overrides,
  };
}

export function text(t: string, overrides: Partial<TextStyle> = {}, extra: { link?: string; lang?: string } = {}): Inline {
  return { kind: 'text', text: t, style: { ...style(), ...overrides }, ...extra };
}

export function para(content: string | Inline[], overrides: Partial<BlockStyle> = {}, role: 'P' | 'H1' | 'H2' | 'H3' = 'P'): Block {
  const st = style(overrides);
  const inlines = typeof content === 'string' ? [text(content, st)] : content;
  return { kind: 'text', role, style: st, inlines, classes: [] };
}

export function heading(content: string, level: 1 | 2 | 3 = 2, overrides: Partial<BlockStyle> = {}): Block {
  return para(content, { fontSize: 14, fontWeight: 700, lineHeight: 18, textAlign: 'left', hyphens: 'manual', breakAfter: 'avoid', margin: { top: 12, right: 0, bottom: 6, left: 0 }, ...overrides }, `H${level}`);
}

export const a4: PageStyle = {
  width: 595.28,
  height: 841.89,
  margin: { top: 72, right: 72, bottom: 72, left: 72 },
  firstMargin: { top: 72, right: 72, bottom: 72, left: 72 },
};

export function makeDoc(blocks: Block[], page: Partial<PageStyle> = {}, running?: Document['running']): Document {
  return {
    lang: 'en',
    dir: 'ltr',
    title: 'Test',
    blocks,
    page: { ...a4, ...page },
    running: running ?? (() => []),
    warnings: [],
  };
}

export const lorem =
  'The delegation of the Example Republic arrived in the capital on Tuesday for a three-day working visit at the invitation of the Ministry of Foreign Affairs. ' +
  'During the talks, both sides reviewed the implementation of the agreements reached at the previous session of the intergovernmental commission and exchanged views on questions of mutual interest, including trade, education, culture and the protection of the environment. ' +
  'The head of the delegation expressed appreciation for the warm hospitality extended by the host country and conveyed the greetings of the government to the people of the kingdom. ' +
  'Representatives of several international organisations, chambers of commerce and universities attended the reception held in honour of the delegation at the embassy in the evening.';
