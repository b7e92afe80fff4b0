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
  const anonymous = new WeakMap<ComputedStyle, ComputedStyle>();

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
      const declared: Declared = {};
      for (const rule of matchingRules(ua, element)) Object.assign(declared, rule.normal);
      const authorRules = matchingRules(author, element);
      for (const rule of authorRules) Object.assign(declared, rule.normal);
      const attribute = element.attribs.style ? inlineStyle(element.attribs.style) : undefined;
      if (attribute) Object.assign(declared, attribute.normal);
      for (const rule of authorRules) Object.assign(declared, rule.important);
      if (attribute) Object.assign(declared, attribute.important);
      return computeStyle(declared, parent, env);
    },
    inheritedFrom(parent) {
      let style = anonymous.get(parent);
      if (!style) {
        style = computeStyle({ display: 'block' }, parent, env);
        anonymous.set(parent, style);
      }
      return style;
    },
  };
}
