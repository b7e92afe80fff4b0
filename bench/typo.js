#!/usr/bin/env node
// Typographic report for any PDF: `npm run typo -- file.pdf [more.pdf] [--json] [--space PT]`.
//
// The text layout comes from poppler's `pdftotext -bbox-layout`, so the report reads the
// same thing from every tool's PDF: word boxes built from the glyph advances actually drawn.
// Definitions:
// - Lines: pdftotext lines, with pieces on one baseline merged back (it may split a very loose
//   line in two). Running heads and footers are dropped: lines in the top or bottom 8% of a
//   page whose text (digits aside) recurs on another page, or that read "N", "Page N", "N of M".
// - Column: the left and right edges most body lines of 3+ words share (fullest 1 pt bin).
//   A line is full when its right edge is within 1 pt (--tolerance) of the column's right edge.
// - Paragraphs: a new one starts after a vertical step over 1.25 × the median line pitch, or
//   after a line that is not full when the pdftotext block or the type size changes, or the
//   line is indented below a line that was not.
//   Across a page break a paragraph goes on only if the page's last line was full or hyphenated.
// - Justified line: full, at least two words, and not the last line of its paragraph.
// - Normal space: the font's space width, measured as the median word gap on the last lines
//   of paragraphs (left-aligned, same size as the justified text). Those lines are set at
//   natural width by every tool, so the same font gives the same width whichever tool set it;
//   the em or box height would depend on the ascent/descent each tool writes into the PDF.
//   Without any such gap, the tightest justified line stands in (said in the output).
// - Inter-word space: the gaps between word boxes (gaps under 8% of the line height are font
//   changes inside a word). Largest = the largest line (median of its gaps) over the normal
//   space; mean = the mean of all gaps on justified lines over the normal space; smallest =
//   the tightest line (below 1 when a tool shrinks spaces); a loose line has a ratio above 1.5.
// - Hyphenated end: a justified line whose last word ends in a letter and a hyphen (-, U+2010,
//   soft hyphen), whether the hyphen was inserted or was already in the word (grass-roots).
//   The longest run counts consecutive hyphenated ends inside one paragraph, across pages too.
// - Orphan: a paragraph's first line alone at the foot of a page (the rest on the next page).
//   Widow: a paragraph's last line alone at the head of a page.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPdfLayout } from './typo/layout.js';
import { measureTypography } from './typo/measure.js';

export { readPdfLayout, measureTypography };

/** The report for one PDF file. */
export function typoReport(pdfPath, options = {}) {
  return measureTypography(readPdfLayout(pdfPath), options);
}

export const REPORT_ROWS = [
  ['pages', 'pages'],
  ['justifiedLines', 'justified lines'],
  ['normalSpace', 'normal space (pt)', (r) => r.normalSpace.pt],
  ['maxSpace', 'largest space (× normal)'],
  ['meanSpace', 'mean space (× normal)'],
  ['minSpace', 'smallest space (× normal)'],
  ['looseLines', 'lines looser than 1.5'],
  ['hyphenatedEnds', 'hyphenated line ends'],
  ['longestHyphenRun', 'longest hyphen run'],
  ['widows', 'widows'],
  ['orphans', 'orphans'],
];

/** A plain text table: one row per measure, one column per named report. */
export function formatTable(named) {
  const header = ['', ...named.map(([name]) => name)];
  const rows = REPORT_ROWS.map(([key, label, pick]) => [
    label,
    ...named.map(([, report]) => String(pick ? pick(report) : report[key])),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column].length)));
  const format = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [format(header), ...rows.map(format)].join('\n');
}

function parseArguments(argv) {
  const options = { json: false, files: [], measure: {} };
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i];
    if (argument === '--json') options.json = true;
    else if (argument === '--space') options.measure.spaceWidth = Number(argv[++i]);
    else if (argument === '--tolerance') options.measure.tolerance = Number(argv[++i]);
    else if (argument === '--help' || argument === '-h') options.help = true;
    else options.files.push(argument);
  }
  return options;
}

function main(argv) {
  const options = parseArguments(argv);
  if (options.help || options.files.length === 0) {
    console.log('usage: npm run typo -- file.pdf [more.pdf …] [--json] [--space PT] [--tolerance PT]');
    return options.help ? 0 : 2;
  }
  let named;
  try {
    named = options.files.map((file) => [file, typoReport(resolve(file), options.measure)]);
  } catch (error) {
    console.error(`typo: ${String(error.stderr || error.message).trim()}`);
    return 1;
  }
  if (options.json) {
    const output = named.length === 1 ? named[0][1] : Object.fromEntries(named);
    console.log(JSON.stringify(output, null, 2));
    return 0;
  }
  console.log(formatTable(named));
  for (const [file, report] of named) {
    const { loosestLine } = report.details;
    console.log(`\n${file}: normal space from ${report.normalSpace.source}`);
    if (loosestLine) console.log(`  loosest line (p. ${loosestLine.page}, ${loosestLine.ratio}): ${loosestLine.text}`);
    for (const { page, text } of report.details.orphans) console.log(`  orphan at foot of p. ${page}: ${text}`);
    for (const { page, text } of report.details.widows) console.log(`  widow at head of p. ${page}: ${text}`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
