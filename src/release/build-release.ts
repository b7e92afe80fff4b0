import type { Contact, Dateline, Issuer, Release, ReleaseTiming } from './types.js';
import type { Fields, FieldValue } from './validate.js';

/*
 * Turns checked fields into the typed Release. It runs only when validation found no
 * errors, so every required field is present and every value has its schema type; the
 * casts below restate what the schema walk guaranteed.
 */

function text(fields: Fields, name: string): string {
  return fields.get(name) as string;
}

/** The named optional text fields that are present, and no others (no `undefined` members). */
function optionalTexts<K extends string>(fields: Fields, names: readonly K[]): Partial<Record<K, string>> {
  const found: Partial<Record<K, string>> = {};
  for (const name of names) {
    const value: FieldValue | undefined = fields.get(name);
    if (typeof value === 'string') found[name] = value;
  }
  return found;
}

function buildIssuer(fields: Fields): Issuer {
  return {
    name: fields.get('name') as string[],
    address: text(fields, 'address'),
    ...optionalTexts(fields, ['phone', 'fax', 'email', 'website', 'logo'] as const),
  };
}

function buildDateline(fields: Fields): Dateline {
  return { place: text(fields, 'place'), ...optionalTexts(fields, ['source', 'text'] as const) };
}

function buildContact(fields: Fields): Contact {
  return { name: text(fields, 'name'), ...optionalTexts(fields, ['role', 'phone', 'email'] as const) };
}

export function buildRelease(fields: Fields): Release {
  const dateline = fields.get('dateline') as Fields | undefined;
  const contacts = (fields.get('contacts') as Fields[] | undefined) ?? [];
  const release: Release = {
    ...optionalTexts(fields, ['id', 'template'] as const),
    lang: (fields.get('lang') as string | undefined) ?? 'en',
    issuer: buildIssuer(fields.get('issuer') as Fields),
    ...optionalTexts(fields, ['label', 'reference'] as const),
    release: (fields.get('release') as ReleaseTiming | undefined) ?? { kind: 'immediate' },
    date: text(fields, 'date'),
    ...(dateline ? { dateline: buildDateline(dateline) } : {}),
    title: text(fields, 'title'),
    ...optionalTexts(fields, ['subtitle'] as const),
    body: text(fields, 'body'),
    contacts: contacts.map(buildContact),
    ...optionalTexts(fields, ['about', 'end'] as const),
  };
  return release;
}
