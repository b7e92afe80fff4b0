import { compile } from 'css-select';
import type { AnyNode, Document, Element } from 'domhandler';
import postcss from 'postcss';
import type { FontFace } from '../fonts/types.js';
import { familyCovers, findFamily, pickFace } from './fonts.js';
import { BoundedMap } from '../fonts/bounded-map.js';

/** One embedded face: the characters it draws and the font-family names that reach it. */
export interface FaceUse {
  face: FontFace;
  /** The names as the stylesheet writes them; each gets an `@font-face` rule. */
  names: Set<string>;
  chars: Set<number>;
}

interface FontStyle {
  families: string[];
  weight: number;
  style: 'normal' | 'italic';
}

interface Declaration {
  prop: 'font-family' | 'font-weight' | 'font-style' | 'content';
  value: string;
  rank: number[];
}

const GENERIC = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'math', 'emoji', 'fangsong', 'inherit', 'initial', 'unset']);
const BOLD_TAGS = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'dt']);
const ITALIC_TAGS = new Set(['i', 'em', 'cite', 'var', 'dfn', 'address']);
/** Drawn by readers without being in the text: hyphenation, list markers, quotes. */
const ALWAYS = ' \u00a0-\u2010\u2013\u2014\u2018\u2019\u201c\u201d.0123456789';

/** A selector of a rule that sets font properties, with what the cascade needs of it. */
interface FontRule {
  test: (el: Element) => boolean;
  pseudoElement: boolean;
  spec: number[];
  order: number;
  decls: { prop: Declaration['prop']; value: string; important: boolean }[];
}

/** Stylesheets are per template: a few are kept as their font rules, selectors compiled. */
const fontRulesBySheet = new BoundedMap<string, FontRule[]>(16);

/** (ids, classes/attributes/pseudo-classes, types): enough to order the rules that set fonts. */
function specificity(selector: string): number[] {
  const s = selector.replace(/\[[^\]]*\]/g, ' .a ');
  const ids = (s.match(/#[\w-]+/g) ?? []).length;
  const classes = (s.match(/\.[\w-]+|:(?!:)[\w-]+/g) ?? []).length;
  const types = (s.match(/(^|[\s>+~(])[a-z][\w-]*/gi) ?? []).length;
  return [ids, classes, types];
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function fontRules(css: string): FontRule[] {
  let rules = fontRulesBySheet.get(css);
  if (rules) return rules;
  const found: FontRule[] = [];
  let order = 0;
  postcss.parse(css).walkRules((rule) => {
    const parent = rule.parent;
    if (parent?.type === 'atrule' && !/^media$/i.test((parent as { name: string }).name)) return;
    if (parent?.type === 'atrule' && /^\s*print\s*$/i.test((parent as { params: string }).params)) return;
    const decls = rule.nodes.flatMap((n) =>
      n.type === 'decl' && ['font-family', 'font-weight', 'font-style', 'content'].includes(n.prop.toLowerCase())
        ? [{ prop: n.prop.toLowerCase() as Declaration['prop'], value: n.value, important: n.important === true }]
        : [],
    );
    if (!decls.length) return;
    for (const selector of rule.selectors) {
      const pseudoElement = /::?(before|after|marker|first-letter|first-line)\b/i.test(selector);
      const base = selector.replace(/::?(before|after|marker|first-letter|first-line)\b/gi, '').trim() || '*';
      let test: (el: Element) => boolean;
      try {
        test = compile<AnyNode, Element>(base, { xmlMode: true });
      } catch {
        continue; // selectors css-select does not know cannot style our text either way
      }
      found.push({ test, pseudoElement, spec: specificity(base), order: ++order, decls });
    }
  });
  rules = found;
  fontRulesBySheet.set(css, rules);
  return rules;
}

/** Declarations of the font properties per element, in cascade order (lowest first). */
function matchDeclarations(css: string, dom: Document): Map<Element, Declaration[]> {
  const byElement = new Map<Element, Declaration[]>();
  const elements = collectElements(dom);
  for (const { test, pseudoElement, spec, order, decls } of fontRules(css)) {
    let matches: Element[];
    try {
      matches = elements.filter((el) => test(el));
    } catch {
      continue; // as above: a selector that cannot be matched styles nothing
    }
    for (const el of matches) {
      const list = byElement.get(el) ?? [];
      for (const d of decls) {
        if (pseudoElement && d.prop !== 'content') continue;
        list.push({ prop: d.prop, value: d.value, rank: [d.important ? 1 : 0, ...spec, order] });
      }
      byElement.set(el, list);
    }
  }
  for (const list of byElement.values()) list.sort((a, b) => compareRank(a.rank, b.rank));
  return byElement;
}

const elementLists = new WeakMap<Document, Element[]>();
function collectElements(dom: Document): Element[] {
  let list = elementLists.get(dom);
  if (list) return list;
  list = [];
  const walk = (nodes: AnyNode[]) => {
    for (const n of nodes) if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
      list!.push(n as Element);
      walk((n as Element).children);
    }
  };
  walk(dom.children);
  elementLists.set(dom, list);
  return list;
}

function parseFamilies(value: string): string[] {
  return value.split(',').map((f) => f.trim().replace(/^["']|["']$/g, '').trim()).filter(Boolean);
}

function parseWeight(value: string, inherited: number): number {
  const v = value.trim().toLowerCase();
  if (v === 'bold') return 700;
  if (v === 'normal') return 400;
  if (v === 'bolder') return inherited < 600 ? 700 : 900;
  if (v === 'lighter') return 400;
  const n = Number(v);
  return Number.isFinite(n) ? n : inherited;
}

/** Code points below this are kept as flags (Latin to Arabic), the others in a set. */
const FLAGGED = 0x800;

/** The characters placed so far in one font style. */
interface Placed {
  names: string[];
  flags: Uint8Array;
  others: Set<number>;
  /** Which face draws each character in this style (see `drawnInStyle`). */
  drawn: Map<number, Drawn | null>;
}

/** The face that draws a character in a style, the family name that reaches it, and the characters it needs. */
interface Drawn {
  face: FontFace;
  name: string;
  /** The character and its upper and lower case, without repeats. */
  chars: number[];
}

/**
 * Which face draws which character, per font style (families, weight, style): the same in
 * every book, so looked up once per process instead of once per book (~0.05 ms a release).
 */
const drawnInStyle = new BoundedMap<string, Map<number, Drawn | null>>(64);

/** Forgets the faces found for characters, for fonts that may have changed. */
export function clearDrawnCache(): void {
  drawnInStyle.clear();
}

function drawnBy(cp: number, names: string[], style: FontStyle): Drawn | null {
  for (const name of names) {
    const family = findFamily(name);
    if (!family || !familyCovers(family, cp)) continue;
    const ch = String.fromCodePoint(cp);
    const chars = [...new Set([cp, ch.toUpperCase().codePointAt(0)!, ch.toLowerCase().codePointAt(0)!])];
    return { face: pickFace(family, style.weight, style.style), name, chars };
  }
  return null;
}

/** Adds the characters of `text` to the face the reader would draw each one with. */
function assign(text: string, placed: Placed, style: FontStyle, uses: Map<string, FaceUse>): void {
  const { names, flags, others, drawn } = placed;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    // Most characters repeat: each is placed once per style, which makes a release linear in its text.
    if (cp < FLAGGED) {
      if (flags[cp]) continue;
      flags[cp] = 1;
    } else {
      if (others.has(cp)) continue;
      others.add(cp);
    }
    if (cp < 0x20 || cp === 0xad) continue;
    let found = drawn.get(cp);
    if (found === undefined) drawn.set(cp, (found = drawnBy(cp, names, style)));
    if (!found) continue;
    let use = uses.get(found.face.id);
    if (!use) uses.set(found.face.id, (use = { face: found.face, names: new Set(), chars: new Set(ALWAYS.split('').map((c) => c.codePointAt(0)!)) }));
    use.names.add(found.name);
    for (const c of found.chars) use.chars.add(c);
  }
}

/**
 * A small cascade of font-family, font-weight and font-style over documents, telling which
 * faces of the declared families draw which characters, so only those are embedded. Documents
 * are added one at a time, so a bundle need not keep every release's DOM.
 */
export class FontUses {
  private readonly uses = new Map<string, FaceUse>();
  /** Characters placed per font style (named families, weight, style). */
  private readonly placed = new Map<string, Placed>();
  /** The same per style object: elements that change no font property share their parent's. */
  private readonly placedByStyle = new WeakMap<FontStyle, Placed>();

  private placedFor(style: FontStyle): Placed {
    let placed = this.placedByStyle.get(style);
    if (!placed) {
      const names = style.families.filter((n) => !GENERIC.has(n.toLowerCase()));
      const key = `${names.join(',')}|${style.weight}|${style.style}`;
      placed = this.placed.get(key);
      if (!placed) {
        let drawn = drawnInStyle.get(key);
        if (!drawn) drawnInStyle.set(key, (drawn = new Map()));
        this.placed.set(key, (placed = { names, flags: new Uint8Array(FLAGGED), others: new Set(), drawn }));
      }
      this.placedByStyle.set(style, placed);
    }
    return placed;
  }

  add(dom: Document, css: string): void {
    const { uses } = this;
    const declarations = matchDeclarations(css, dom);
    const visit = (nodes: AnyNode[], inherited: FontStyle) => {
      for (const node of nodes) {
        if (node.type === 'text') {
          assign(node.data, this.placedFor(inherited), inherited, uses);
          continue;
        }
        if (node.type !== 'tag') continue;
        const el = node as Element;
        const name = el.name.toLowerCase();
        if (name === 'head') continue;
        let style = { ...inherited };
        if (BOLD_TAGS.has(name)) style.weight = 700;
        if (ITALIC_TAGS.has(name)) style.style = 'italic';
        const generated: string[] = [];
        for (const d of declarations.get(el) ?? []) {
          if (d.prop === 'font-family') style.families = parseFamilies(d.value);
          else if (d.prop === 'font-weight') style.weight = parseWeight(d.value, inherited.weight);
          else if (d.prop === 'font-style') style.style = /italic|oblique/i.test(d.value) ? 'italic' : 'normal';
          else generated.push(...(d.value.match(/"[^"]*"|'[^']*'/g) ?? []).map((s) => s.slice(1, -1)));
        }
        const same = style.families === inherited.families && style.weight === inherited.weight && style.style === inherited.style;
        if (same) style = inherited;
        if (generated.length) assign(generated.join(''), this.placedFor(style), style, uses);
        visit(el.children, style);
      }
    };
    visit(dom.children, { families: ['serif'], weight: 400, style: 'normal' });
  }

  /** The faces used so far, by face id. */
  faces(): FaceUse[] {
    return [...this.uses.values()].sort((a, b) => (a.face.id < b.face.id ? -1 : a.face.id > b.face.id ? 1 : 0));
  }
}
