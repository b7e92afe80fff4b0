import { extname } from 'node:path';
import Handlebars from 'handlebars';
import type { ReleaseView, SafeHtml } from '../markup/types.js';
import type { RenderedRelease, RunningContext } from './types.js';
import type { CompiledTemplate } from './load.js';

function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 1 && 'html' in value;
}

/**
 * The Handlebars context: every optional field present (null when absent) so that strict
 * mode flags misspelt names in templates but not missing data; HTML fragments marked safe.
 */
function toContext(value: unknown): unknown {
  if (value === undefined) return null;
  if (isSafeHtml(value)) return new Handlebars.SafeString(value.html);
  if (Array.isArray(value)) return value.map(toContext);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = toContext(v);
    return out;
  }
  return value;
}

const VIEW_KEYS = ['subtitle', 'subtitleText', 'label', 'reference', 'dateline', 'about', 'end'] as const;
const ISSUER_KEYS = ['phone', 'fax', 'email', 'website', 'logo'] as const;

/** Renders the release view with the template into the one XHTML document both outputs share. */
export function renderRelease(view: ReleaseView, template: CompiledTemplate): RenderedRelease {
  const assets: Record<string, string> = {};
  let logo: { src: string; alt: string } | undefined;
  if (view.issuer.logo) {
    const src = `images/logo${extname(view.issuer.logo.path).toLowerCase()}`;
    assets[src] = view.issuer.logo.path;
    logo = { src, alt: view.issuer.logo.alt };
  }
  const label = view.label ?? template.labels[view.lang] ?? template.labels[view.lang.split('-')[0]] ?? template.labels.en;
  const base = toContext({ ...view, label, issuer: { ...view.issuer, logo } }) as Record<string, unknown>;
  for (const key of VIEW_KEYS) if (!(key in base)) base[key] = null;
  const issuer = base.issuer as Record<string, unknown>;
  for (const key of ISSUER_KEYS) if (!(key in issuer)) issuer[key] = null;

  const xhtml = template.render(base);
  return {
    template: { name: template.name, dir: template.dir, description: template.description, stylesheet: template.stylesheet },
    xhtml,
    lang: view.lang,
    dir: view.dir,
    meta: {
      title: view.titleText,
      subtitle: view.subtitleText,
      issuer: view.issuer.name.join(' '),
      issuerLines: view.issuer.name,
      label: typeof label === 'string' ? label : undefined,
      date: view.date,
      identifier: view.identifier,
      reference: view.reference,
    },
    renderRunning: (part: 'header' | 'footer', ctx: RunningContext) =>
      template.renderPartial(part, { ...base, page: ctx.page, pages: ctx.pages }) ?? '',
    assets,
    warnings: [],
  };
}
