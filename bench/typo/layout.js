// Reads a PDF's text layout with poppler's `pdftotext -bbox-layout` and rebuilds the
// visual lines of each page: words with their boxes, in reading order.
import { execFileSync } from 'node:child_process';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? whole;
  });
}

function boxOf(attributes) {
  const box = {};
  for (const [, key, value] of attributes.matchAll(/(\w+)="([^"]*)"/g)) box[key] = Number(value);
  return box;
}

/** Runs pdftotext and returns its XHTML; throws with poppler's message when it fails. */
export function readBboxLayout(pdfPath) {
  return execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdfPath, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Parses pdftotext's pages → flows → blocks → lines → words into
 * `{ width, height, lines: [{ block, words: [{ text, xMin, yMin, xMax, yMax }] }] }`.
 */
export function parseBboxLayout(xhtml) {
  const pages = [];
  let page = null;
  let block = -1;
  let line = null;
  const tags = /<(page|block|line|word)\b([^>]*)>([^<]*)|<\/(page|line)>/g;
  for (const match of xhtml.matchAll(tags)) {
    const [, tag, attributes, text, closing] = match;
    if (closing === 'page') page = null;
    else if (closing === 'line') line = null;
    else if (tag === 'page') {
      const { width, height } = boxOf(attributes);
      page = { width, height, lines: [] };
      pages.push(page);
    } else if (tag === 'block') block += 1;
    else if (tag === 'line' && page) {
      line = { block, words: [] };
      page.lines.push(line);
    } else if (tag === 'word' && line) {
      line.words.push({ text: decodeXml(text), ...boxOf(attributes) });
    }
  }
  return pages.map((p) => ({ ...p, lines: mergeVisualLines(p.lines) }));
}

/**
 * pdftotext may cut one visual line in two (a very loose line looks like two columns to it),
 * so lines sharing a baseline are merged back; the bottom of the word boxes stands in for it.
 */
function mergeVisualLines(rawLines) {
  const lines = rawLines
    .filter((l) => l.words.length > 0)
    .map((l) => ({ block: l.block, words: [...l.words] }))
    .map(withBox)
    .sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin);
  const merged = [];
  for (const line of lines) {
    const previous = merged.at(-1);
    const height = line.yMax - line.yMin;
    if (previous && Math.abs(previous.yMax - line.yMax) < 0.2 * height) {
      previous.words.push(...line.words);
      previous.words.sort((a, b) => a.xMin - b.xMin);
      Object.assign(previous, withBox(previous));
    } else merged.push(line);
  }
  return merged;
}

function withBox(line) {
  const { words } = line;
  return {
    ...line,
    xMin: Math.min(...words.map((w) => w.xMin)),
    xMax: Math.max(...words.map((w) => w.xMax)),
    yMin: Math.min(...words.map((w) => w.yMin)),
    yMax: Math.max(...words.map((w) => w.yMax)),
    text: words.map((w) => w.text).join(' '),
  };
}

export function readPdfLayout(pdfPath) {
  return parseBboxLayout(readBboxLayout(pdfPath));
}
