import { isComment, isTag, isText, type ChildNode, type Element } from 'domhandler';
import { allowedAttributes } from 'epub-gen-memory/dist/lib/util/constants.js';
import { escapeXml } from '../markup/xml.js';

/**
 * A chapter's body as final XHTML, with holes where image paths go: the paths are named by
 * the library only once it has seen every chapter. `text` has one more entry than `imageUrls`.
 */
export interface ChapterXml {
  text: string[];
  /** The `file://` URL of each image, in document order, for the hole after `text[i]`. */
  imageUrls: string[];
}

/**
 * Elements whose trip through the library (our HTML out, its HTML parser in, its XML out)
 * gives them back as they were, when nested as `impliedClose` allows. Raw-text (script,
 * style, title, textarea), foreign (svg, math) and form elements are left out.
 */
const KEPT_ELEMENTS = new Set(
  (
    'a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q s samp small span strong sub sup time u var wbr ' +
    'address article aside blockquote caption col colgroup dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 ' +
    'header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'
  ).split(' '),
);

/** Elements that an HTML parser never gives children: `<br>x</br>` would not come back. */
const VOID_ELEMENTS = new Set(['br', 'col', 'hr', 'img', 'wbr']);

const P_CLOSERS = 'address article aside blockquote div dl figcaption figure footer h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul';

/**
 * Parents that opening a child closes in the HTML parser (htmlparser2's implied ends, for
 * the elements above): `<p><div>` comes back as `<p></p><div>`.
 */
const IMPLIED_CLOSE = new Map<string, Set<string>>([
  ...P_CLOSERS.split(' ').map((name): [string, Set<string>] => [name, new Set(['p'])]),
  ['li', new Set(['li'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
]);

/** The library keeps only these attributes and drops the rest. */
const ALLOWED_ATTRIBUTES = new Set<string>(allowedAttributes);

/**
 * Whether the library's normalisation would give `body`'s content back unchanged but for
 * its entity encoding, image paths and alt texts: only known elements, nested as an HTML
 * parser keeps them, allowed attributes, images with a source, and text or comments.
 */
export function keptByLibrary(body: Element): boolean {
  const kept = (nodes: ChildNode[], parent: string | null): boolean =>
    nodes.every((node) => {
      if (isText(node) || isComment(node)) return true;
      if (!isTag(node) || !KEPT_ELEMENTS.has(node.name)) return false;
      if (parent !== null && IMPLIED_CLOSE.get(node.name)?.has(parent)) return false;
      if (VOID_ELEMENTS.has(node.name) && node.children.length) return false;
      if (node.name === 'img' && !node.attribs.src) return false;
      for (const name in node.attribs) if (!ALLOWED_ATTRIBUTES.has(name)) return false;
      return kept(node.children, node.name);
    });
  return kept(body.children, null);
}

/**
 * `body`'s content as the library writes it (XML, empty elements self-closed, the five XML
 * characters as named entities) after `DeterministicEPub` has undone its character references
 * and its invented alt text: an image without alt text gets an empty one.
 */
export function chapterXml(body: Element): ChapterXml {
  const text: string[] = [];
  const imageUrls: string[] = [];
  let out = '';
  const write = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (isText(node)) out += escapeXml(node.data);
      else if (isComment(node)) out += `<!--${node.data}-->`;
      else if (isTag(node)) {
        out += `<${node.name}`;
        const image = node.name === 'img';
        for (const [name, value] of Object.entries(node.attribs)) {
          if (image && name === 'src') {
            out += ' src="';
            text.push(out);
            imageUrls.push(value);
            out = '"';
          } else if (image && name === 'alt' && value === 'image-placeholder') {
            out += ' alt=""';
          } else {
            out += ` ${name}="${escapeXml(value)}"`;
          }
        }
        if (image && node.attribs.alt === undefined) out += ' alt=""';
        if (node.children.length) {
          out += '>';
          write(node.children);
          out += `</${node.name}>`;
        } else {
          out += '/>';
        }
      }
    }
  };
  write(body.children);
  text.push(out);
  return { text, imageUrls };
}
