// WeasyPrint (Debian's `weasyprint`) sets the reference text from an HTML file whose
// stylesheet mirrors the embassy template's.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SETTING } from './setting.js';

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const runsToHtml = (runs) =>
  runs.map((run) => (run.bold ? `<strong>${escapeHtml(run.text)}</strong>` : escapeHtml(run.text))).join('');

export function weasyprintHtml({ title, paragraphs }) {
  const { fonts, marginsMm: m } = SETTING;
  return `<!DOCTYPE html>
<html lang="${SETTING.lang}"><head><meta charset="utf-8"><title>reference</title><style>
@font-face { font-family: "Tinos"; font-weight: 400; src: url("${pathToFileURL(fonts.regular)}"); }
@font-face { font-family: "Tinos"; font-weight: 700; src: url("${pathToFileURL(fonts.bold)}"); }
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@page :first { margin-top: ${SETTING.firstPageTopMm}mm; }
body { margin: 0; font-family: "Tinos"; font-size: ${SETTING.fontSizePt}pt; line-height: ${SETTING.lineHeight};
  hyphens: auto; widows: 2; orphans: 2; }
h1 { text-align: center; font-size: ${SETTING.titleSizePt}pt; font-weight: normal; line-height: ${SETTING.lineHeight};
  margin: 0 0 ${SETTING.titleGapPt}pt 0; hyphens: manual; }
h1 strong { font-weight: bold; }
p { text-align: justify; margin: 0 0 ${SETTING.paragraphGapPt}pt 0; }
</style></head><body>
<h1>${runsToHtml(title)}</h1>
${paragraphs.map((runs) => `<p>${runsToHtml(runs)}</p>`).join('\n')}
</body></html>
`;
}

/** Writes `<base>.html` and sets it as `<base>.pdf`; returns the PDF path. */
export function renderWithWeasyprint(text, base) {
  writeFileSync(`${base}.html`, weasyprintHtml(text));
  execFileSync('weasyprint', ['--quiet', `${base}.html`, `${base}.pdf`], { stdio: ['ignore', 'ignore', 'inherit'] });
  return `${base}.pdf`;
}

export function weasyprintVersion() {
  return execFileSync('weasyprint', ['--version'], { encoding: 'utf8' }).trim();
}
