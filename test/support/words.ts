/**
 * Words of a text for word-by-word comparison: hyphens and dashes are dropped so that a
 * word split at a line end ("hyphen-" + "ation") and the source word compare equal.
 */
export function words(text: string): string[] {
  return text
    .replace(/-\n/g, '')
    .replace(/[\u00ad\-‐‑–—]/g, '')
    .split(/\s+/)
    .map((w) => w.normalize('NFC'))
    .filter((w) => w.length > 0);
}

/** The text content of an XHTML body, as a reader sees it (tags dropped, entities decoded). */
export function xhtmlBodyText(xhtml: string): string {
  const body = xhtml.slice(xhtml.indexOf('<body'));
  return body
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<\/?(p|h\d|li|ul|ol|div|section|article|header|footer|blockquote|hr)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
