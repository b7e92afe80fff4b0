/**
 * Words of a text for word-by-word comparison: hyphens are dropped so that a word split at
 * a line end ("hyphen-" + "ation", "example.org/" + "news") and the source word compare equal;
 * dashes separate words.
 */
export function words(text: string): string[] {
  return text
    .replace(/[–—]/g, ' ')
    .replace(/-\n/g, '')
    // A URL broken after a slash at a line end is one word, as a hyphenated one is.
    .replace(/\/\n/g, '/')
    .replace(/[\u00ad\-‐‑]/g, '')
    // Typographic quotes are how the text is set, not a change of its words.
    .replace(/[‘’‚]/g, "'")
    .replace(/[“”„«»]/g, '"')
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
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&amp;/g, '&');
}

/** Context of a running head or footer, as the template stage renders it. */
interface RunningSource {
  renderRunning(part: 'header' | 'footer', ctx: { page: number; pages: number }): string;
}

/**
 * The words of a PDF's pages with each page's running head and footer taken off (checked to
 * be there, word for word) and list markers dropped: what should equal the release's text.
 */
export function bodyWords(pageTexts: string[], rendered: RunningSource, check: (ok: boolean, what: string) => void): string[] {
  return pageTexts.flatMap((text, i) => {
    const context = { page: i + 1, pages: pageTexts.length };
    const head = words(xhtmlBodyText(`<body>${rendered.renderRunning('header', context)}`));
    const foot = words(xhtmlBodyText(`<body>${rendered.renderRunning('footer', context)}`));
    const all = words(text);
    check(head.every((w, k) => all[k] === w), `running head of page ${i + 1}`);
    check(foot.every((w, k) => all[all.length - foot.length + k] === w), `footer of page ${i + 1}`);
    return all.slice(head.length, all.length - foot.length).filter((w) => w !== '•');
  });
}
