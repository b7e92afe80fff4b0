import type { Line } from './text.js';
import { stripMarks } from './text.js';

/** What the letterhead lines gave: the issuer's fields, in the order DESIGN.md lists them. */
export interface FoundIssuer {
  name: string[];
  address?: string;
  phone?: string;
  fax?: string;
  email?: string;
  website?: string;
  /** Lines that fit nowhere, kept so the caller can warn about them. */
  unplaced: Line[];
}

type ContactField = 'phone' | 'fax' | 'email' | 'website';

const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;
const URL = /(?:https?:\/\/|www\.)[^\s;|,]+/i;
/** Keyword labels that start a contact item, and the field each one fills. */
const CONTACT_LABELS: Array<[RegExp, ContactField]> = [
  [/^(?:tel(?:ephone)?|phone|ph|mobile|mob|t)\s*[.:]{1,2}\s*|^(?:tel(?:ephone)?|phone)\s+(?=[+(\d])/i, 'phone'],
  [/^(?:fax|facsimile|f)\s*[.:]{1,2}\s*|^fax\s+(?=[+(\d])/i, 'fax'],
  [/^e-?mail\s*[.:]{0,2}\s*|^mail\s*:\s*/i, 'email'],
  [/^(?:web(?:site)?|internet|url|w)\s*[.:]{1,2}\s*/i, 'website'],
];
const LABEL_START = /(?:^|[\s;,|•·])(?=(?:tel(?:ephone)?|phone|fax|e-?mail|web(?:site)?)\b\s*[.:]?)/gi;

/** True when a line carries contact details rather than a name or an address. */
export function isContactLine(text: string): boolean {
  const plain = stripMarks(text);
  return (
    EMAIL.test(plain) ||
    URL.test(plain) ||
    /^(?:tel(?:ephone)?|phone|fax|e-?mail|web(?:site)?)\b\s*[.:]?/i.test(plain) ||
    /[;|]\s*(?:tel|phone|fax|e-?mail)\b/i.test(plain)
  );
}

/** Splits "Tel:(65) 6265 9766; Fax:(65) 6348 2026; x@y.sg" into its items. */
export function splitContactItems(text: string): string[] {
  return stripMarks(text.replace(/\*\*|__/g, ''))
    .replace(LABEL_START, (sep) => `${sep}\u0000`)
    .split(/\u0000|[;|•·]|\s{2,}|,\s*(?=\S*@|https?:|www\.)/)
    .map((item) => item.trim().replace(/^[,\s]+|[,\s]+$/g, ''))
    .filter((item) => item !== '');
}

/** The field an item fills and its value without the label. */
function classifyContact(item: string): [ContactField, string] | undefined {
  for (const [label, field] of CONTACT_LABELS) {
    const match = label.exec(item);
    if (match) return [field, item.slice(match[0].length).replace(/^mailto:/i, '').trim()];
  }
  if (EMAIL.test(item) && !/\s/.test(item.replace(/^mailto:/i, ''))) return ['email', item.replace(/^mailto:/i, '')];
  if (URL.test(item) && !/\s/.test(item)) return ['website', item];
  if (/^[+(]?\d[\d\s().+/-]{4,}$/.test(item)) return ['phone', item];
  return undefined;
}

/** True for a name line written bold (`**…**`), possibly the start or end of a bold run. */
function opensBold(text: string): boolean {
  return /^\s*\*\*/.test(text);
}

/**
 * Reads the letterhead: the bold block (or Markdown heading, or the first line) is the name,
 * contact lines are split into fields, and what remains is the address.
 */
export function parseLetterhead(lines: Line[]): FoundIssuer {
  const issuer: FoundIssuer = { name: [], unplaced: [] };
  const addressLines: string[] = [];
  let index = 0;
  if (lines.length > 0 && opensBold(lines[0].text)) {
    // A bold run may span lines ("**Embassy of …" / "in the Republic of …**"); bold lines may follow it.
    let open = false;
    for (; index < lines.length && index < 4; index++) {
      const text = lines[index].text;
      if (!open && index > 0 && (!opensBold(text) || isContactLine(text))) break;
      issuer.name.push(stripMarks(text));
      if ((text.match(/\*\*/g) ?? []).length % 2 === 1) open = !open;
    }
  } else if (lines.length > 0 && /^#{1,6}\s/.test(lines[0].text)) {
    for (; index < lines.length && /^#{1,6}\s/.test(lines[index].text); index++) issuer.name.push(stripMarks(lines[index].text));
  } else if (lines.length > 0 && !isContactLine(lines[0].text)) {
    issuer.name.push(stripMarks(lines[0].text));
    index = 1;
    // A second line without digits continues the name ("in the Republic of Singapore").
    while (index < lines.length - 1 && !/\d/.test(lines[index].text) && !isContactLine(lines[index].text) && issuer.name.length < 3) {
      issuer.name.push(stripMarks(lines[index].text));
      index++;
    }
  }
  for (const line of lines.slice(index)) {
    if (isContactLine(line.text)) {
      if (!addContacts(issuer, line.text)) issuer.unplaced.push(line);
    } else if (stripMarks(line.text) !== '') {
      addressLines.push(stripMarks(line.text));
    }
  }
  if (addressLines.length > 0) issuer.address = addressLines.join(', ');
  issuer.name = issuer.name.filter((name) => name !== '');
  return issuer;
}

/** Adds a contact line's items to the issuer; false when none of them could be placed. */
function addContacts(issuer: FoundIssuer, text: string): boolean {
  let placed = false;
  for (const item of splitContactItems(text)) {
    const found = classifyContact(item);
    if (!found || found[1] === '') continue;
    const [field, value] = found;
    // Only a label makes a number a fax; several numbers for one field are kept together.
    issuer[field] = issuer[field] ? `${issuer[field]}, ${value}` : value;
    placed = true;
  }
  return placed;
}
