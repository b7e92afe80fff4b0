/**
 * The release fields as data: the validator walks this, did-you-mean suggestions come
 * from its names, and the README's field table can be generated from it.
 */

export type FieldType =
  | 'line' // one line of text, surrounding white space trimmed
  | 'inline' // inline Markdown (one paragraph)
  | 'markdown' // block Markdown
  | 'lines' // one line, or a non-empty list of lines
  | 'date' // YYYY-MM-DD that exists on the calendar
  | 'lang' // BCP 47 language tag
  | 'timing' // "immediate" or an ISO 8601 date-time with a time zone
  | 'email'
  | 'url' // an http(s) address, only ever used as a link
  | 'image' // a local PNG, JPEG or SVG inside the release's folder
  | 'group' // a mapping of the fields in `children`
  | 'list'; // a list of mappings of the fields in `children`

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly description: string;
  /** Value used when the field is absent. */
  readonly default?: string;
  readonly children?: readonly FieldSpec[];
}

function field(name: string, type: FieldType, description: string, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { name, type, required: false, description, ...extra };
}

export const ReleaseSchema: FieldSpec = {
  name: 'release',
  type: 'group',
  required: true,
  description: 'A press release.',
  children: [
    field('id', 'line', 'Identifier of the release; derived from the release when absent.'),
    field('template', 'line', 'Template name under templates/, or a path to a template folder.'),
    field('lang', 'lang', 'BCP 47 language tag; drives hyphenation, quotes, date formats and tags.', { default: 'en' }),
    field('issuer', 'group', 'The letterhead.', {
      required: true,
      children: [
        field('name', 'lines', 'Issuer name: one line, or a list of lines.', { required: true }),
        field('address', 'line', 'Postal address, one line.', { required: true }),
        field('phone', 'line', 'Telephone number.'),
        field('fax', 'line', 'Fax number.'),
        field('email', 'email', 'Press e-mail address.'),
        field('website', 'url', 'Web site (http or https), shown as a link.'),
        field('logo', 'image', 'PNG, JPEG or SVG file, relative to the release file and inside its folder.'),
      ],
    }),
    field('label', 'line', "Label such as 'Press Release'; the template's default in `lang` otherwise."),
    field('reference', 'line', 'Release number, e.g. No. 12/2021.'),
    field('release', 'timing', "'immediate', or an embargo: an ISO 8601 date-time with a time zone.", { default: 'immediate' }),
    field('date', 'date', 'Release date, YYYY-MM-DD.', { required: true }),
    field('dateline', 'group', 'Run into the first paragraph: "Place, date (source) -- ".', {
      children: [
        field('place', 'line', 'Place of the dateline.', { required: true }),
        field('source', 'line', 'News agency or source.'),
        field('text', 'line', 'Display form of the date; `date` formatted in `lang` otherwise.'),
      ],
    }),
    field('title', 'inline', 'Title, inline Markdown.', { required: true }),
    field('subtitle', 'inline', 'Subtitle, inline Markdown.'),
    field('body', 'markdown', 'The release text, Markdown; in a .md file, the text after the front matter.', { required: true }),
    field('contacts', 'list', 'Media contacts.', {
      children: [
        field('name', 'line', 'Name of the contact.', { required: true }),
        field('role', 'line', 'Role or title.'),
        field('phone', 'line', 'Telephone number.'),
        field('email', 'email', 'E-mail address.'),
      ],
    }),
    field('about', 'markdown', 'Boilerplate about the issuer, Markdown.'),
    field('end', 'line', "End mark, e.g. '###'."),
  ],
};

export interface SchemaPath {
  path: string;
  spec: FieldSpec;
}

let allPaths: readonly SchemaPath[] | undefined;

/** Dotted paths of every field in the schema (`issuer.name`, `contacts.email`), for "belongs under" hints. */
export function schemaPaths(): readonly SchemaPath[] {
  allPaths ??= pathsUnder(ReleaseSchema, '');
  return allPaths;
}

function pathsUnder(spec: FieldSpec, prefix: string): SchemaPath[] {
  const found: SchemaPath[] = [];
  for (const child of spec.children ?? []) {
    const path = prefix ? `${prefix}.${child.name}` : child.name;
    found.push({ path, spec: child });
    found.push(...pathsUnder(child, path));
  }
  return found;
}
