import type { Warning } from '../diagnostics.js';
import type { LoadedRelease } from '../release/types.js';

/** Every text field of a release with its dotted path, in the order a reader meets them. */
function textFields(loaded: LoadedRelease): [string, string][] {
  const r = loaded.release;
  const fields: [string, string | undefined][] = [
    ...r.issuer.name.map((n, i): [string, string] => [`issuer.name[${i}]`, n]),
    ['issuer.address', r.issuer.address],
    ['issuer.phone', r.issuer.phone],
    ['issuer.fax', r.issuer.fax],
    ['issuer.email', r.issuer.email],
    ['label', r.label],
    ['reference', r.reference],
    ['dateline.place', r.dateline?.place],
    ['dateline.source', r.dateline?.source],
    ['dateline.text', r.dateline?.text],
    ['title', r.title],
    ['subtitle', r.subtitle],
    ['body', r.body],
    ...r.contacts.flatMap((c, i): [string, string | undefined][] => [
      [`contacts[${i}].name`, c.name],
      [`contacts[${i}].role`, c.role],
    ]),
    ['about', r.about],
    ['end', r.end],
  ];
  return fields.filter((f): f is [string, string] => typeof f[1] === 'string');
}

/**
 * Names the release file, field and line of a typesetting warning about a character
 * (`U+1F600`), which the typesetter only knows as text on a page.
 */
export function attributeWarning(warning: Warning, loaded: LoadedRelease | undefined): Warning {
  if (!loaded || warning.file !== 'typeset') return warning;
  const located: Warning = { ...warning, file: loaded.source.path };
  const code = /U\+([0-9A-F]{4,6})/.exec(warning.message)?.[1];
  if (!code) return located;
  const char = String.fromCodePoint(parseInt(code, 16));
  const hit = textFields(loaded).find(([, text]) => text.includes(char));
  if (!hit) return located;
  const [field, text] = hit;
  const at = loaded.source.positions[field];
  if (at?.line === undefined) return { ...located, field };
  const linesBefore = text.slice(0, text.indexOf(char)).split('\n').length - 1;
  // A Markdown body's position is its first line; a YAML block scalar starts below its key.
  const blockStart = text.includes('\n') && !(field === 'body' && loaded.source.format === 'markdown') ? 1 : 0;
  return { ...located, field, line: at.line + blockStart + linesBefore, col: blockStart === 0 && linesBefore === 0 ? at.col : undefined };
}
