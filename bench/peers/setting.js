// The one setting every peer reproduces, taken from templates/embassy/style.css:
// Tinos 12 pt, line-height 1.3, A4, 25 mm side margins, justified and hyphenated English,
// paragraphs 9 pt apart, a centred 13 pt title 16 pt above the body.
import { fileURLToPath } from 'node:url';

const tinos = (face) =>
  fileURLToPath(new URL(`../../node_modules/@expo-google-fonts/tinos/${face}/Tinos_${face}.ttf`, import.meta.url));

export const SETTING = {
  fonts: { regular: tinos('400Regular'), bold: tinos('700Bold') },
  fontSizePt: 12,
  lineHeight: 1.3,
  titleSizePt: 13,
  titleGapPt: 16,
  paragraphGapPt: 9,
  marginsMm: { top: 25, right: 25, bottom: 22, left: 25 },
  firstPageTopMm: 18,
  lang: 'en',
};
