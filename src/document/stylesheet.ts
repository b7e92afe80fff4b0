/**
 * Compiles a template's style.css once: postcss for positions, declarations parsed into typed
 * longhands, selectors compiled by css-select and filed by id/class/tag for quick lookup.
 */
import { compile } from 'css-select';
import type { Element } from 'domhandler';
import postcss, { type AtRule, type ChildNode, type Declaration, type Rule } from 'postcss';
import { PressroomError, type Warning } from '../diagnostics.js';
import { type PageDeclarations, emptyPageDeclarations, readPageRule } from './page-rules.js';
import { type Declared, parseDeclaration } from './properties.js';
import { analyzeSelector, splitSelectorList } from './selectors.js';

export interface StyleRuleEntry {
  selector: string;
  matches: (element: Element) => boolean;
  specificity: number;
  /** Source order across the whole sheet, the cascade's last tie-breaker. */
  order: number;
  /** Unique across all sheets, so a set of matched rules can key a cache of computed styles. */
  uid: number;
  normal: Declared;
  important: Declared;
}

export interface CompiledStylesheet {
  path: string;
  byId: Map<string, StyleRuleEntry[]>;
  byClass: Map<string, StyleRuleEntry[]>;
  byTag: Map<string, StyleRuleEntry[]>;
  universal: StyleRuleEntry[];
  page: PageDeclarations;
  warnings: Warning[];
}

/** At-rules that are fine in the shared style sheet but mean nothing to the page layout. */
const IGNORED_AT_RULES = new Set(['font-face', 'charset', 'namespace']);

function position(node: ChildNode, file: string): { file: string; line?: number; col?: number } {
  const start = node.source?.start;
  return { file, line: start?.line, col: start?.column };
}

/** `print` and `all` apply to the PDF; `screen` and feature-only queries do not. */
function mediaApplies(params: string): boolean {
  return splitSelectorList(params.toLowerCase()).some((query) => {
    const words = query.replace(/^only\s+/, '').split(/\s+/);
    return words[0] === 'print' || words[0] === 'all';
  });
}

function push(map: Map<string, StyleRuleEntry[]>, name: string, entry: StyleRuleEntry): void {
  const list = map.get(name);
  if (list) list.push(entry);
  else map.set(name, [entry]);
}

let nextUid = 0;

class StylesheetCompiler {
  readonly sheet: CompiledStylesheet;
  private order = 0;

  constructor(path: string) {
    this.sheet = {
      path,
      byId: new Map(),
      byClass: new Map(),
      byTag: new Map(),
      universal: [],
      page: emptyPageDeclarations(),
      warnings: [],
    };
  }

  warn(node: ChildNode, message: string): void {
    this.sheet.warnings.push({ ...position(node, this.sheet.path), message });
  }

  /** One warning per declaration inside a construct we skip, or one for the construct if empty. */
  warnEach(node: AtRule | Rule, what: string): void {
    let warned = false;
    node.walkDecls((decl) => {
      this.warn(decl, `unsupported CSS ${what} ignored`);
      warned = true;
    });
    if (!warned) this.warn(node, `unsupported CSS ${what} ignored`);
  }

  compileNodes(nodes: ChildNode[]): void {
    for (const node of nodes) {
      if (node.type === 'rule') this.compileRule(node);
      else if (node.type === 'atrule') this.compileAtRule(node);
      else if (node.type === 'decl') {
        throw new PressroomError('syntax', `CSS declaration '${node.prop}' outside a rule`, position(node, this.sheet.path));
      }
    }
  }

  compileAtRule(rule: AtRule): void {
    const name = rule.name.toLowerCase();
    if (IGNORED_AT_RULES.has(name)) return;
    if (name === 'media') {
      if (mediaApplies(rule.params)) this.compileNodes(rule.nodes ?? []);
    } else if (name === 'page') {
      readPageRule(rule, this.sheet.page, (node, message) => this.warn(node, message));
    } else {
      this.warnEach(rule, `at-rule '@${name}'`);
    }
  }

  compileRule(rule: Rule): void {
    const selectors = splitSelectorList(rule.selector).map((text) => ({ text, info: analyzeSelector(text) }));
    const unsupported = selectors.find((s) => s.info.unsupported)?.info.unsupported;
    const normal: Declared = {};
    const important: Declared = {};
    for (const node of rule.nodes) {
      if (node.type === 'rule' || node.type === 'atrule') {
        this.warnEach(node, 'nested rule');
        continue;
      }
      if (node.type !== 'decl') continue;
      const property = node.prop.toLowerCase();
      const result = parseDeclaration(property, node.value);
      if ('unsupported' in result) this.warn(node, `unsupported CSS property '${property}' ignored`);
      else if ('invalid' in result) this.warn(node, `invalid value '${node.value}' for CSS property '${property}' ignored`);
      else {
        if (unsupported) this.warn(node, `unsupported CSS ${unsupported} ignored`);
        Object.assign(node.important ? important : normal, result.ok);
      }
    }
    for (const { text, info } of selectors) {
      if (info.unsupported) continue;
      const entry: StyleRuleEntry = {
        selector: text,
        matches: this.compileSelector(text, rule),
        specificity: info.specificity,
        order: this.order++,
        uid: nextUid++,
        normal,
        important,
      };
      if (info.key.kind === 'universal') this.sheet.universal.push(entry);
      else if (info.key.kind === 'id') push(this.sheet.byId, info.key.name, entry);
      else if (info.key.kind === 'class') push(this.sheet.byClass, info.key.name, entry);
      else push(this.sheet.byTag, info.key.name, entry);
    }
  }

  compileSelector(text: string, rule: Rule): (element: Element) => boolean {
    try {
      return compile<Element, Element>(text) as (element: Element) => boolean;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new PressroomError('syntax', `invalid CSS selector '${text}': ${reason}`, position(rule, this.sheet.path));
    }
  }
}

function parseStylesheet(path: string, text: string): CompiledStylesheet {
  let root;
  try {
    root = postcss.parse(text, { from: path });
  } catch (error) {
    if (error instanceof postcss.CssSyntaxError) {
      throw new PressroomError('syntax', `CSS syntax error: ${error.reason}`, { file: path, line: error.line, col: error.column });
    }
    throw error;
  }
  const compiler = new StylesheetCompiler(path);
  compiler.compileNodes(root.nodes);
  return compiler.sheet;
}

const CACHE_LIMIT = 32;
const cache = new Map<string, CompiledStylesheet>();

/** Compiles a style sheet, or returns the one compiled before from the same path and text. */
export function compileStylesheet(path: string, text: string): CompiledStylesheet {
  const key = `${path}\u0000${text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const sheet = parseStylesheet(path, text);
  // A long `watch` session recompiles edited sheets; keep only the recent ones.
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, sheet);
  return sheet;
}

/** The rules of `sheet` whose selectors match `element`, in cascade order (specificity, then source). */
export function matchingRules(sheet: CompiledStylesheet, element: Element): StyleRuleEntry[] {
  const found: StyleRuleEntry[] = [];
  const id = element.attribs.id;
  if (id) collect(sheet.byId.get(id), element, found);
  const classAttr = element.attribs.class;
  if (classAttr) {
    // Most elements have one class: no list of names to make, nor a set to drop repeats.
    if (!/\s/.test(classAttr)) collect(sheet.byClass.get(classAttr), element, found);
    else for (const name of new Set(classAttr.split(/\s+/))) if (name) collect(sheet.byClass.get(name), element, found);
  }
  collect(sheet.byTag.get(element.name), element, found);
  collect(sheet.universal, element, found);
  sortRules(found);
  return found;
}

function collect(entries: StyleRuleEntry[] | undefined, element: Element, found: StyleRuleEntry[]): void {
  if (!entries) return;
  for (const entry of entries) if (entry.matches(element)) found.push(entry);
}

/**
 * Cascade order (specificity, then source order, which no two rules share) by insertion: an
 * element matches a few rules, and Array.prototype.sort made a work copy of them for each.
 */
function sortRules(rules: StyleRuleEntry[]): void {
  for (let i = 1; i < rules.length; i++) {
    const rule = rules[i];
    let j = i - 1;
    while (j >= 0 && (rules[j].specificity > rule.specificity || (rules[j].specificity === rule.specificity && rules[j].order > rule.order))) {
      rules[j + 1] = rules[j];
      j--;
    }
    rules[j + 1] = rule;
  }
}
