import type { LoadedRelease } from '../release/types.js';
import type { ReleaseView, SafeHtml } from './types.js';
import { inlineText, renderBlocks, renderInline } from './markdown.js';
import { uuidV5 } from './identifier.js';
import { formatDate } from './dates.js';

export type { ReleaseView, SafeHtml } from './types.js';
export { formatDate, learnDateFormat, clearDateFormats } from './dates.js';

const RTL_LANGUAGES = new Set(['ar', 'arc', 'dv', 'fa', 'he', 'ku', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** Writing direction of a BCP 47 tag, from its primary language subtag. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(lang.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}

function html(text: string): SafeHtml {
  return { html: text };
}

/** Turns a validated release into what the template sees: Markdown rendered, defaults filled. */
export function toReleaseView({ release }: LoadedRelease): ReleaseView {
  const { issuer } = release;
  const identity = release.id ?? [issuer.name.join(' '), release.reference ?? '', release.date, release.title].join('\n');
  const dateText = formatDate(release.date, release.lang);
  return {
    lang: release.lang,
    dir: directionOf(release.lang),
    identifier: release.id && /^urn:/.test(release.id) ? release.id : uuidV5(identity),
    issuer: {
      name: issuer.name,
      shortName: issuer.name[0],
      address: issuer.address,
      phone: issuer.phone,
      fax: issuer.fax,
      email: issuer.email,
      website: issuer.website,
      logo: issuer.logo ? { path: issuer.logo, alt: `Emblem of ${issuer.name.join(' ')}` } : undefined,
    },
    label: release.label,
    reference: release.reference,
    release:
      release.release.kind === 'immediate'
        ? { immediate: true }
        : { immediate: false, embargoUntil: release.release.until },
    date: release.date,
    dateText,
    dateline: release.dateline
      ? { place: release.dateline.place, source: release.dateline.source, text: release.dateline.text ?? dateText }
      : undefined,
    title: html(renderInline(release.title, release.lang)),
    titleText: inlineText(release.title, release.lang),
    subtitle: release.subtitle ? html(renderInline(release.subtitle, release.lang)) : undefined,
    subtitleText: release.subtitle ? inlineText(release.subtitle, release.lang) : undefined,
    body: html(renderBlocks(release.body, 'body', release.lang)),
    contacts: release.contacts.map((c) => ({ name: c.name, role: c.role, phone: c.phone, email: c.email })),
    about: release.about ? html(renderBlocks(release.about, 'about', release.lang)) : undefined,
    end: release.end,
  };
}
