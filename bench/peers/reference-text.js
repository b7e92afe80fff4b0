// The reference release as the peers set it: the title and the body paragraphs, with the
// `**bold**` runs kept. The letterhead is left out; only the running text is compared.
import { readFileSync } from 'node:fs';

export const REFERENCE_PATH = new URL('../../test/fixtures/import/reference.txt', import.meta.url);

/** `**bold**` markup → [{ text, bold }] runs. */
export function inlineRuns(text) {
  return text
    .split('**')
    .map((part, i) => ({ text: part, bold: i % 2 === 1 }))
    .filter((run) => run.text.length > 0);
}

/**
 * Blank-line separated paragraphs after the "Press Release" label: the first is the title.
 * A paragraph starting in lower case continues the one before (the source broke it at a
 * page end), as `pressroom import` does.
 */
export function referenceText(source = readFileSync(REFERENCE_PATH, 'utf8')) {
  const blocks = source
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
  const label = blocks.findIndex((block) => block === 'Press Release');
  const [title, ...rest] = blocks.slice(label + 1);
  const paragraphs = [];
  for (const block of rest) {
    if (/^\p{Ll}/u.test(block) && paragraphs.length > 0) paragraphs[paragraphs.length - 1] += ` ${block}`;
    else paragraphs.push(block);
  }
  return { title: inlineRuns(title), paragraphs: paragraphs.map(inlineRuns) };
}
