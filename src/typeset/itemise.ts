import type { Inline, TextStyle } from '../document/types.js';
import type { FontRegistry } from '../fonts/registry.js';
import type { FontFace } from '../fonts/types.js';

/** Everything that decides how a piece of text is drawn. Interned: equal styles are the same object. */
export interface RunStyle {
  face: FontFace;
  size: number;
  color: string;
  letterSpacing: number;
  underline: boolean;
  link?: string;
}

/** Text in one run style and language. A `<br>` is a segment whose text is `\n`. */
export interface Segment {
  text: string;
  style: RunStyle;
  lang: string;
}

/** Per-release state shared by every paragraph: missing glyphs are reported once each. */
export interface TypesetContext {
  fonts: FontRegistry;
  lang: string;
  /** Base direction of the release's paragraphs (`Document.dir`); absent means ltr. */
  dir?: 'ltr' | 'rtl';
  missingGlyph(codePoint: number, setIn: FontFace): void;
}

const styles = new Map<string, RunStyle>();

export function runStyle(face: FontFace, size: number, color: string, letterSpacing: number, underline: boolean, link?: string): RunStyle {
  const key = `${face.id}|${size}|${color}|${letterSpacing}|${underline}|${link ?? ''}`;
  let style = styles.get(key);
  if (!style) {
    style = link === undefined ? { face, size, color, letterSpacing, underline } : { face, size, color, letterSpacing, underline, link };
    styles.set(key, style);
  }
  return style;
}

/** Characters that are never drawn, so need no glyph: they only mark break opportunities. */
function isInvisible(cp: number): boolean {
  return cp === 0x0a || cp === 0xad || cp === 0x200b || cp === 0x2060 || cp === 0xfeff;
}

/** Characters that stay in the face of what they attach to: marks, joiners, variation selectors. */
function isAttaching(cp: number): boolean {
  return cp >= 0x300 && (cp === 0x200c || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || /\p{M}/u.test(String.fromCodePoint(cp)));
}

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0 || cp === 0x09 || cp === 0x3000;
}

const space = /[\s\u00A0]/;

/**
 * Characters that are not spaces other than U+0020 and U+00A0, marks, invisible or controls:
 * Latin-1 and common punctuation. `coversCommon` says whether a face has all of them.
 */
const commonText = /^[\x20-\x7E\u00A0-\u00AC\u00AE-\u00FF\u2013\u2014\u2018\u2019\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC]*$/;
const commonCodePoints = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i).filter((cp) => cp !== 0xad),
  0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac,
];

/** Whether the first face of a chain has a glyph for every character `commonText` allows. */
const commonCovered = new WeakMap<FontFace[], boolean>();

function coversCommon(faces: FontFace[], ctx: TypesetContext): boolean {
  let covered = commonCovered.get(faces);
  if (covered === undefined) {
    covered = faces.length > 0 && commonCodePoints.every((cp) => ctx.fonts.hasGlyph(faces[0], cp));
    commonCovered.set(faces, covered);
  }
  return covered;
}

/** The face chosen for each character, per resolved chain (chains are cached by the registry). */
const chosenFaces = new WeakMap<FontFace[], Map<number, FontFace | null>>();

function faceCache(faces: FontFace[]): Map<number, FontFace | null> {
  let map = chosenFaces.get(faces);
  if (!map) chosenFaces.set(faces, (map = new Map()));
  return map;
}

export function applyTransform(text: string, transform: TextStyle['textTransform'], lang: string, previous: string): string {
  switch (transform) {
    case 'uppercase':
      return text.toLocaleUpperCase(lang);
    case 'lowercase':
      return text.toLocaleLowerCase(lang);
    case 'capitalize': {
      let before = previous;
      let out = '';
      for (const ch of text) {
        out += (before === '' || space.test(before)) && /\p{L}/u.test(ch) ? ch.toLocaleUpperCase(lang) : ch;
        before = ch;
      }
      return out;
    }
    default:
      return text;
  }
}

/**
 * Splits inlines into segments of one face, size, colour and link: each character goes to the
 * first face of its font-family chain that has it (then the other declared families); spaces
 * and marks stay in the face before them so runs are not cut for nothing.
 */
export function itemise(inlines: Inline[], blockStyle: TextStyle, ctx: TypesetContext): Segment[] {
  const segments: Segment[] = [];
  let previous = '';
  let lastStyle: RunStyle | undefined;
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      const style = lastStyle ?? primaryStyle(blockStyle, ctx);
      segments.push({ text: '\n', style, lang: ctx.lang });
      previous = '\n';
      continue;
    }
    const st = inline.style;
    const lang = inline.lang ?? ctx.lang;
    const text = applyTransform(inline.text, st.textTransform, lang, previous);
    if (text === '') continue;
    const faces = ctx.fonts.resolve(st.fontFamily, st.fontWeight, st.fontStyle);
    let current: FontFace | undefined;
    let start = 0;
    const flush = (end: number) => {
      if (end > start && current) {
        lastStyle = runStyle(current, st.fontSize, st.color, st.letterSpacing, st.textDecoration === 'underline', inline.link);
        segments.push({ text: text.slice(start, end), style: lastStyle, lang });
      }
      start = end;
    };
    const chosen = faceCache(faces);
    // Text the chain's first face has every character of is set in it whole: what the loop
    // below gives, without its look-ups per character.
    if (commonText.test(text) && coversCommon(faces, ctx)) {
      current = faces[0];
    } else {
      for (let i = 0; i < text.length; ) {
        const cp = text.codePointAt(i)!;
        const width = cp > 0xffff ? 2 : 1;
        let face: FontFace;
        if (current && (isInvisible(cp) || isAttaching(cp) || (isSpace(cp) && ctx.fonts.hasGlyph(current, cp)))) {
          face = current;
        } else {
          let found = chosen.get(cp);
          if (found === undefined) {
            found = ctx.fonts.faceFor(faces, cp) ?? null;
            chosen.set(cp, found);
          }
          if (!found && !isInvisible(cp) && !isAttaching(cp)) ctx.missingGlyph(cp, faces[0]);
          face = found ?? faces[0];
        }
        if (face !== current) {
          flush(i);
          current = face;
        }
        i += width;
      }
    }
    flush(text.length);
    previous = text[text.length - 1];
  }
  return mergeAdjacent(segments);
}

function primaryStyle(st: TextStyle, ctx: TypesetContext): RunStyle {
  const face = ctx.fonts.resolve(st.fontFamily, st.fontWeight, st.fontStyle)[0];
  return runStyle(face, st.fontSize, st.color, st.letterSpacing, st.textDecoration === 'underline');
}

function mergeAdjacent(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && last.style === s.style && last.lang === s.lang && s.text !== '\n' && last.text !== '\n') {
      out[out.length - 1] = { ...last, text: last.text + s.text };
    } else {
      out.push(s);
    }
  }
  return out;
}
