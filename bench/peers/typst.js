// Typst (npm @myriaddreamin/typst-ts-node-compiler, a native build of the Typst compiler)
// sets the reference text with only the Tinos files as extra fonts.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SETTING } from './setting.js';

const require = createRequire(import.meta.url);

const typstString = (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const runsToTypst = (runs) =>
  runs.map((run) => (run.bold ? `#strong(${typstString(run.text)})` : `#${typstString(run.text)}`)).join('');

/**
 * CSS line-height 1.3 in Typst terms: a line box of exactly 1 em (top edge 0.8 em, bottom
 * edge -0.2 em) plus 0.3 em leading gives a 1.3 em baseline pitch; paragraph spacing is
 * measured between line boxes too, so it carries the leading on top of the 9 pt margin.
 */
export function typstSource({ title, paragraphs }) {
  const { marginsMm: m } = SETTING;
  const leadingEm = SETTING.lineHeight - 1;
  return `#set page(paper: "a4", margin: (top: ${m.top}mm, right: ${m.right}mm, bottom: ${m.bottom}mm, left: ${m.left}mm))
#set text(font: "Tinos", size: ${SETTING.fontSizePt}pt, lang: "${SETTING.lang}", hyphenate: true, top-edge: 0.8em, bottom-edge: -0.2em)
#set par(justify: true, leading: ${leadingEm.toFixed(2)}em, spacing: ${SETTING.paragraphGapPt}pt + ${leadingEm.toFixed(2)}em)
#block(width: 100%, below: ${SETTING.titleGapPt}pt + ${leadingEm.toFixed(2)}em)[
  #set text(size: ${SETTING.titleSizePt}pt, hyphenate: false)
  #set par(justify: false)
  #align(center)[${runsToTypst(title)}]
]
${paragraphs.map(runsToTypst).join('\n\n')}
`;
}

/** Writes `<base>.typ` and compiles it to `<base>.pdf`; returns the PDF path. */
export function renderWithTypst(text, base) {
  const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
  const source = typstSource(text);
  writeFileSync(`${base}.typ`, source);
  const fontBlobs = Object.values(SETTING.fonts).map((file) => readFileSync(file));
  const compiler = NodeCompiler.create({ fontArgs: [{ fontBlobs }] });
  writeFileSync(`${base}.pdf`, compiler.pdf({ mainFileContent: source }));
  return `${base}.pdf`;
}

export function typstVersion() {
  return `typst-ts-node-compiler ${require('@myriaddreamin/typst-ts-node-compiler/package.json').version}`;
}
