import MarkdownIt from 'markdown-it';

/** Schemes a link in release text may use; anything else stays plain text. */
const LINK_SCHEMES = /^(https?:|mailto:|tel:|#)/i;

/** Quotation marks by primary language: double open, double close, single open, single close. */
const QUOTES: Record<string, [string, string, string, string]> = {
  en: ['“', '”', '‘', '’'], de: ['„', '“', '‚', '‘'], fr: ['«\u00a0', '\u00a0»', '‹\u00a0', '\u00a0›'],
  es: ['«', '»', '“', '”'], it: ['«', '»', '“', '”'], pt: ['«', '»', '“', '”'], ru: ['«', '»', '„', '“'],
  uk: ['«', '»', '„', '“'], pl: ['„', '”', '‚', '’'], nl: ['“', '”', '‘', '’'], sv: ['”', '”', '’', '’'],
  da: ['»', '«', '›', '‹'], fi: ['”', '”', '’', '’'], nb: ['«', '»', '‘', '’'], cs: ['„', '“', '‚', '‘'],
  el: ['«', '»', '“', '”'], ko: ['“', '”', '‘', '’'], ja: ['「', '」', '『', '』'], zh: ['“', '”', '‘', '’'],
};

function quotesFor(lang: string): string[] {
  return QUOTES[lang.split('-')[0].toLowerCase()] ?? QUOTES.en;
}

function createRenderer(lang: string) {
  // Raw HTML off: `<script>` in data is text. xhtmlOut so the result is valid in XHTML/EPUB.
  // Smart quotes in the release's language; other typographic replacements (-- → –) stay
  // off so that text is set exactly as written.
  const md = new MarkdownIt('default', { html: false, xhtmlOut: true, linkify: false, typographer: true, quotes: quotesFor(lang) });
  md.validateLink = (url) => LINK_SCHEMES.test(url.trim());
  md.disable(['image', 'replacements']);
  return md;
}

const renderers = new Map<string, ReturnType<typeof createRenderer>>();

function rendererFor(lang: string) {
  let md = renderers.get(lang);
  if (!md) renderers.set(lang, (md = createRenderer(lang)));
  return md;
}

/** Renders block Markdown (body, about) into an XHTML fragment; `##` and deeper become h2…h6. */
export function renderBlocks(source: string, field: string, lang = 'en'): string {
  const md = rendererFor(lang);
  const env = {};
  const tokens = md.parse(source, env);
  let heading = 0;
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      // The release title is the page's only h1; body headings start at h2.
      const level = Math.min(6, Math.max(2, Number(token.tag.slice(1)) + 1));
      token.tag = `h${level}`;
      if (token.type === 'heading_open') {
        heading += 1;
        token.attrSet('id', `${field}-h${heading}`);
      }
    }
  }
  return md.renderer.render(tokens, md.options, env);
}

/** Renders one line of inline Markdown (title, subtitle) into an XHTML fragment. */
export function renderInline(source: string, lang = 'en'): string {
  return rendererFor(lang).renderInline(source.replace(/\s*\n\s*/g, ' '));
}

/** The text of inline Markdown without its marks, for metadata and outlines. */
export function inlineText(source: string, lang = 'en'): string {
  const html = renderInline(source, lang);
  return decodeEntities(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}
