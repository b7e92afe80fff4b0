/** The cascade for one element: user-agent rules, then the template's, then its `style` attribute. */
import type { Element } from 'domhandler';
import type { Warning } from '../diagnostics.js';
import { type ComputedStyle, type StyleEnvironment, computeStyle } from './computed-style.js';
import { type Declared, parseDeclaration } from './properties.js';
import { type CompiledStylesheet, matchingRules } from './stylesheet.js';

export interface StyleResolver {
  styleOf(element: Element, parent: ComputedStyle): ComputedStyle;
  /** The style of an anonymous block or box: only what it inherits. */
  inheritedFrom(parent: ComputedStyle): ComputedStyle;
}

interface InlineStyle {
  normal: Declared;
  important: Declared;
  messages: string[];
}

/** Parses `style="a: b; c: d !important"`; the attribute's declarations beat every rule. */
function parseStyleAttribute(text: string): InlineStyle {
  const parsed: InlineStyle = { normal: {}, important: {}, messages: [] };
  for (const part of text.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const property = part.slice(0, colon).trim().toLowerCase();
    let value = part.slice(colon + 1).trim();
    const important = /!\s*important$/i.test(value);
    if (important) value = value.replace(/!\s*important$/i, '').trim();
    const result = parseDeclaration(property, value);
    if ('ok' in result) Object.assign(important ? parsed.important : parsed.normal, result.ok);
    else if ('unsupported' in result) parsed.messages.push(`unsupported CSS property '${property}' in a style attribute ignored`);
    else parsed.messages.push(`invalid value '${value}' for CSS property '${property}' in a style attribute ignored`);
  }
  return parsed;
}

/**
 * Elements matched by the same rules under the same parent style share one computed style, within
 * a document and across documents built from the same sheets: style objects are never mutated.
 */
const computedStyles = new WeakMap<ComputedStyle, Map<string, ComputedStyle>>();
const anonymousStyles = new WeakMap<ComputedStyle, ComputedStyle>();

/**
 * Resolves styles against the user-agent and author sheets. Warnings about `style` attributes
 * are reported once each against `markupFile`.
 */
export function createStyleResolver(
  ua: CompiledStylesheet,
  author: CompiledStylesheet,
  env: StyleEnvironment,
  markupFile: string,
  warnings: Warning[],
): StyleResolver {
  const inlineStyles = new Map<string, InlineStyle>();
  const envKey = `${env.containerWidth}|${env.dir}|`;

  const inlineStyle = (text: string): InlineStyle => {
    let parsed = inlineStyles.get(text);
    if (!parsed) {
      parsed = parseStyleAttribute(text);
      inlineStyles.set(text, parsed);
      for (const message of parsed.messages) warnings.push({ file: markupFile, message });
    }
    return parsed;
  };

  return {
    styleOf(element, parent) {
      const uaRules = matchingRules(ua, element);
      const authorRules = matchingRules(author, element);
      const styleAttribute = element.attribs.style;
      // Parsed before the cache lookup so each document reports its own style-attribute warnings.
      const attribute = styleAttribute ? inlineStyle(styleAttribute) : undefined;
      let key = `${envKey}${env.rootFontSize}|`;
      for (const rule of uaRules) key += `${rule.uid},`;
      for (const rule of authorRules) key += `${rule.uid},`;
      if (styleAttribute) key += `style:${styleAttribute}`;
      let byRules = computedStyles.get(parent);
      if (!byRules) {
        byRules = new Map();
        computedStyles.set(parent, byRules);
      }
      const cached = byRules.get(key);
      if (cached) return cached;

      const declared: Declared = {};
      for (const rule of uaRules) Object.assign(declared, rule.normal);
      for (const rule of authorRules) Object.assign(declared, rule.normal);
      if (attribute) Object.assign(declared, attribute.normal);
      for (const rule of authorRules) Object.assign(declared, rule.important);
      if (attribute) Object.assign(declared, attribute.important);
      const style = computeStyle(declared, parent, env);
      // The root's map outlives every document; edited sheets in a long watch session add keys.
      if (byRules.size >= 512) byRules.clear();
      byRules.set(key, style);
      return style;
    },
    inheritedFrom(parent) {
      let style = anonymousStyles.get(parent);
      if (!style) {
        // Anonymous boxes only inherit, so nothing in the environment changes their style.
        style = computeStyle({ display: 'block' }, parent, env);
        anonymousStyles.set(parent, style);
      }
      return style;
    },
  };
}
