import { Document, isScalar, Scalar } from 'yaml';

/** The order of fields in DESIGN.md, so imported files read like hand-written ones. */
const FIELD_ORDER = [
  'template', 'lang', 'issuer', 'label', 'reference', 'release', 'date', 'dateline',
  'title', 'subtitle', 'body', 'contacts', 'about', 'end',
];
const ISSUER_ORDER = ['name', 'address', 'phone', 'fax', 'email', 'website', 'logo'];
const DATELINE_ORDER = ['place', 'source', 'text'];
/** Block Markdown fields, written as literal block scalars so they read as the text they are. */
const BLOCK_FIELDS = ['body', 'about'];

function ordered(record: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of order) if (record[key] !== undefined) result[key] = record[key];
  for (const key of Object.keys(record)) if (!(key in result) && record[key] !== undefined) result[key] = record[key];
  return result;
}

/** The release data with every record's keys in DESIGN.md order and absent fields left out. */
export function orderRelease(data: Record<string, unknown>): Record<string, unknown> {
  const result = ordered(data, FIELD_ORDER);
  if (isRecord(result.issuer)) result.issuer = ordered(result.issuer, ISSUER_ORDER);
  if (isRecord(result.dateline)) result.dateline = ordered(result.dateline, DATELINE_ORDER);
  return result;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Writes release data as YAML: plain scalars unless YAML needs quotes, no folding of long
 * lines, Markdown bodies as `|` blocks. `comments` puts a trailing comment on a top-level
 * field (a guessed value, for instance) so the reader sees it where it matters.
 */
export function releaseYaml(data: Record<string, unknown>, comments: Record<string, string> = {}): string {
  const doc = new Document(orderRelease(data));
  for (const field of BLOCK_FIELDS) {
    const node = doc.get(field, true);
    if (isScalar(node) && typeof node.value === 'string') node.type = Scalar.BLOCK_LITERAL;
  }
  for (const [field, comment] of Object.entries(comments)) {
    const node = doc.get(field, true);
    if (isScalar(node)) node.comment = ` ${comment}`;
  }
  return doc.toString({ lineWidth: 0 });
}
