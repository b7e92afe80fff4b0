// Typographic measures over the visual lines of a PDF (see bench/typo.js for the definitions).

const HEAD_ZONE = 0.08;
const FOLIO = /^(page\s*)?\d+(\s*(of|\/)\s*\d+)?$/i;
const HYPHEN_END = /\p{L}[-\u2010\u00AD]$/u;

const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const heightOf = (line) => line.yMax - line.yMin;

/** Lines in the top or bottom 8% of a page that repeat on other pages (digits aside) or read "Page N of M". */
export function findRunningLines(pages) {
  const inZone = (line, page) => line.yMax < HEAD_ZONE * page.height || line.yMin > (1 - HEAD_ZONE) * page.height;
  const keyOf = (line) => line.text.replace(/\d+/g, '#').trim().toLowerCase();
  const pagesByKey = new Map();
  pages.forEach((page, index) => {
    for (const line of page.lines) {
      if (!inZone(line, page)) continue;
      const key = keyOf(line);
      pagesByKey.set(key, (pagesByKey.get(key) ?? new Set()).add(index));
    }
  });
  const running = new Set();
  for (const page of pages) {
    for (const line of page.lines) {
      if (inZone(line, page) && (FOLIO.test(line.text.trim()) || pagesByKey.get(keyOf(line)).size > 1)) running.add(line);
    }
  }
  return running;
}

/** The edge most lines share: the fullest 1 pt bin of `edgeOf`, refined to the median inside it. */
function commonEdge(lines, edgeOf) {
  const bins = new Map();
  for (const line of lines) {
    const bin = Math.round(edgeOf(line));
    bins.set(bin, [...(bins.get(bin) ?? []), edgeOf(line)]);
  }
  let best = [];
  for (const [bin, values] of bins) {
    const around = [...values, ...(bins.get(bin - 1) ?? []), ...(bins.get(bin + 1) ?? [])];
    if (around.length > best.length) best = around;
  }
  return median(best);
}

/** Splits the body lines (reading order, page by page) into paragraphs. */
function splitParagraphs(pages, column, tolerance) {
  const isFull = (line) => Math.abs(line.xMax - column.right) <= tolerance;
  const isIndented = (line) => line.xMin - column.left > tolerance;
  const steps = pages.flatMap((lines) => lines.slice(1).map((line, i) => line.yMax - lines[i].yMax));
  const pitch = median(steps.filter((step) => step > 0));
  const paragraphs = [];
  let current = null;
  pages.forEach((lines, pageIndex) => {
    lines.forEach((line, i) => {
      const previous = i > 0 ? lines[i - 1] : current?.lines.at(-1);
      let startsNew;
      if (!previous) startsNew = true;
      else if (i === 0) {
        // Across a page break a paragraph goes on only if the foot line was full or hyphenated.
        startsNew = !(isFull(previous) || HYPHEN_END.test(previous.text)) || isIndented(line);
      } else {
        const bigGap = line.yMax - previous.yMax > 1.25 * pitch;
        const sizeChange = Math.abs(heightOf(line) - heightOf(previous)) > 0.1 * heightOf(previous);
        const indentStarts = isIndented(line) && !isIndented(previous);
        const shortBefore = !isFull(previous) && (line.block !== previous.block || indentStarts || sizeChange);
        startsNew = bigGap || shortBefore;
      }
      if (startsNew) paragraphs.push((current = { lines: [] }));
      current.lines.push({ ...line, page: pageIndex + 1, full: isFull(line) });
    });
  });
  return { paragraphs, pitch };
}

/** Gaps between consecutive words; gaps under 8% of the line height are font changes, not spaces. */
function spacesOf(line) {
  const gaps = line.words.slice(1).map((word, i) => word.xMin - line.words[i].xMax);
  return gaps.filter((gap) => gap > 0.08 * heightOf(line));
}

/**
 * The font's normal space: the median gap on paragraphs' last lines that are left-aligned and
 * set in the size of the justified text, because those lines are set at natural width by every
 * tool. Falls back to the tightest justified line when there are none.
 */
function normalSpace(paragraphs, justified, column, tolerance) {
  const bodyHeight = median(justified.map(heightOf));
  const natural = paragraphs
    .map((p) => p.lines.at(-1))
    .filter((line) => !line.full && line.words.length > 1)
    .filter((line) => Math.abs(line.xMin - column.left) <= tolerance || line.xMin > column.left)
    .filter((line) => Math.abs(heightOf(line) - bodyHeight) <= 0.05 * bodyHeight);
  const gaps = natural.flatMap(spacesOf);
  if (gaps.length > 0) return { width: median(gaps), source: `median of ${gaps.length} gaps on paragraph last lines` };
  const tightest = Math.min(...justified.map((line) => median(spacesOf(line))).filter(Number.isFinite));
  return { width: tightest, source: 'tightest justified line (too few natural-width lines)' };
}

function longestRun(paragraphs, isHyphenated) {
  let longest = 0;
  for (const paragraph of paragraphs) {
    let run = 0;
    for (const line of paragraph.lines) {
      run = isHyphenated(line) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
  }
  return longest;
}

function widowsAndOrphans(paragraphs) {
  const widows = [];
  const orphans = [];
  for (const paragraph of paragraphs) {
    const { lines } = paragraph;
    const first = lines[0];
    const last = lines.at(-1);
    if (lines.length < 2 || first.page === last.page) continue;
    if (lines.filter((l) => l.page === first.page).length === 1) orphans.push({ page: first.page, text: first.text });
    if (lines.filter((l) => l.page === last.page).length === 1) widows.push({ page: last.page, text: last.text });
  }
  return { widows, orphans };
}

/** All measures for pages from `parseBboxLayout`; `spaceWidth` (pt) overrides the estimate. */
export function measureTypography(pages, { tolerance = 1, looseRatio = 1.5, spaceWidth } = {}) {
  const running = findRunningLines(pages);
  const bodyPages = pages.map((page) => page.lines.filter((line) => !running.has(line)));
  const wide = bodyPages.flat().filter((line) => line.words.length >= 3);
  const column = { left: commonEdge(wide, (l) => l.xMin), right: commonEdge(wide, (l) => l.xMax) };
  const { paragraphs, pitch } = splitParagraphs(bodyPages, column, tolerance);
  const justified = paragraphs.flatMap((p) => p.lines.slice(0, -1)).filter((l) => l.full && l.words.length > 1);
  const space = spaceWidth ? { width: spaceWidth, source: 'given' } : normalSpace(paragraphs, justified, column, tolerance);
  const lineRatios = justified.map((line) => ({ line, ratio: median(spacesOf(line)) / space.width }));
  const allRatios = justified.flatMap((line) => spacesOf(line).map((gap) => gap / space.width));
  const loosest = lineRatios.reduce((a, b) => (b.ratio > (a?.ratio ?? -1) ? b : a), null);
  const tightest = lineRatios.reduce((a, b) => (b.ratio < (a?.ratio ?? Infinity) ? b : a), null);
  const justifiedSet = new Set(justified);
  const isHyphenated = (line) => justifiedSet.has(line) && HYPHEN_END.test(line.words.at(-1).text);
  const { widows, orphans } = widowsAndOrphans(paragraphs);
  return {
    pages: pages.length,
    column: { left: round(column.left), right: round(column.right) },
    linePitch: round(pitch),
    paragraphs: paragraphs.length,
    justifiedLines: justified.length,
    normalSpace: { pt: round(space.width), source: space.source },
    maxSpace: round(loosest?.ratio ?? NaN),
    minSpace: round(tightest?.ratio ?? NaN),
    meanSpace: round(allRatios.reduce((sum, r) => sum + r, 0) / allRatios.length),
    looseLines: lineRatios.filter((r) => r.ratio > looseRatio).length,
    hyphenatedEnds: justified.filter(isHyphenated).length,
    longestHyphenRun: longestRun(paragraphs, isHyphenated),
    widows: widows.length,
    orphans: orphans.length,
    details: {
      loosestLine: loosest && { page: loosest.line.page, ratio: round(loosest.ratio), text: loosest.line.text },
      looseLines: lineRatios
        .filter((r) => r.ratio > looseRatio)
        .map((r) => ({ page: r.line.page, ratio: round(r.ratio), text: r.line.text })),
      widows,
      orphans,
      runningLines: [...running].map((line) => line.text),
      paragraphs: paragraphs.map((p) => ({ page: p.lines[0].page, lines: p.lines.length, start: p.lines[0].text.slice(0, 40) })),
    },
  };
}

function round(value) {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}
