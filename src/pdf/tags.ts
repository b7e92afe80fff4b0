import type { Artifact, StructNode } from '../typeset/types.js';

/** A rectangle in page coordinates (top-left origin), for a link annotation. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Open = { kind: 'struct'; index: number } | { kind: 'artifact'; artifact: Artifact };

/**
 * Builds the structure tree from `Pages.structure` while the pages are drawn, and brackets
 * content in marked-content sequences: tagged content for blocks, artifacts for running heads,
 * footers, rules and marks.
 *
 * Elements are made when their first content is drawn, so an element's kids (content and child
 * elements) are in reading order and elements with no content never exist (an element made but
 * never ended would hold up the end of the document). One element collects marked content from
 * every page its lines are on: PDFKit writes MCRs with /Pg for the pages after the first.
 */
export class Tagger {
  private readonly elements = new Map<number, PDFKit.PDFStructureElement>();
  /** Index in `structure` of each node id (parents are given by id). */
  private readonly indexOfId = new Map<number, number>();
  private readonly root: PDFKit.PDFStructureElement;
  private structure: readonly StructNode[];
  private open: Open | null = null;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    structure: readonly StructNode[],
    lang: string,
  ) {
    this.structure = structure;
    structure.forEach((node, index) => this.indexOfId.set(node.id, index));
    const rootIndex = structure.findIndex((node) => node.role === 'Document' && node.parent === null);
    const rootNode = rootIndex >= 0 ? structure[rootIndex] : undefined;
    this.root = doc.struct('Document', rootNode?.lang && rootNode.lang !== lang ? { lang: rootNode.lang } : {});
    doc.addStructure(this.root);
    if (rootIndex >= 0) this.elements.set(rootIndex, this.root);
  }

  /**
   * Starts a section of a bundle: block indices from here on are into `structure`, a release's
   * own tree, which hangs under the Document root. Its roots (nodes
   * with no parent) become Sect elements in their language or else `lang`; a node whose parent
   * is not in `structure` hangs on the Document root. The previous section's elements are ended.
   */
  section(structure: readonly StructNode[], lang: string): void {
    this.endSection();
    this.elements.clear();
    this.indexOfId.clear();
    this.structure = structure.map((node) =>
      node.parent === null ? { ...node, role: node.role === 'Document' ? 'Sect' : node.role, lang: node.lang ?? lang } : node,
    );
    structure.forEach((node, index) => this.indexOfId.set(node.id, index));
  }

  /** Ends the open section's elements, so PDFKit writes them out now and lets them go. */
  endSection(): void {
    this.close();
    for (const element of this.elements.values()) if (element !== this.root) element.end();
  }

  /** Tags what follows as content of block `index`, continuing the open sequence if it is the same block. */
  content(index: number, alt?: string, bbox?: [number, number, number, number]): void {
    if (this.open?.kind === 'struct' && this.open.index === index) return;
    this.close();
    const element = this.element(index, alt, bbox);
    element.add(this.doc.markStructureContent(this.role(index)));
    this.open = { kind: 'struct', index };
  }

  /** Tags an image as a Figure with its alt text; one with no alt text is decorative, an artifact. */
  figure(index: number, alt: string, bbox: [number, number, number, number]): void {
    if (this.structure[index]?.alt || alt) this.content(index, alt, bbox);
    else this.artifact('layout');
  }

  /** Marks what follows as an artifact (pagination for heads and footers, layout otherwise). */
  artifact(artifact: Artifact): void {
    if (this.open?.kind === 'artifact' && this.open.artifact === artifact) return;
    this.close();
    if (artifact === 'layout') {
      this.doc.markContent('Artifact', { type: 'Layout' });
    } else {
      this.doc.markContent('Artifact', { type: 'Pagination', attached: [artifact === 'header' ? 'Top' : 'Bottom'] });
    }
    this.open = { kind: 'artifact', artifact };
  }

  /** Printer's marks outside the trim: an artifact of type Page. */
  pageArtifact(draw: () => void): void {
    this.close();
    this.doc.markContent('Artifact', { type: 'Page' });
    draw();
    this.doc.endMarkedContent();
  }

  /**
   * Draws a linked piece of block `index` as a Link element holding its marked content and the
   * link annotation (as an OBJR), which is ended at once so PDFKit records this page for it.
   */
  link(index: number, url: string, label: string, draw: () => Box): void {
    this.close();
    const link = this.doc.struct('Link');
    this.element(index).add(link);
    link.add(this.doc.markStructureContent('Link'));
    const box = draw();
    this.doc.endMarkedContent();
    this.doc.link(box.x, box.y, box.width, box.height, url, {
      structParent: link,
      // PDFKit writes a JS string as a PDF name; Contents must be a PDF text string.
      Contents: new String(label) as unknown as string,
    });
    link.end();
  }

  /** Ends the open marked-content sequence, if any (before a page ends, or other content). */
  close(): void {
    if (this.open) {
      this.doc.endMarkedContent();
      this.open = null;
    }
  }

  private role(index: number): string {
    const node = this.structure[index];
    return node ? node.role : 'P';
  }

  /** `bbox` (left, top, right, bottom from the page's top-left) becomes a Layout BBox, for figures. */
  private element(index: number, alt?: string, bbox?: [number, number, number, number], depth = 0): PDFKit.PDFStructureElement {
    const existing = this.elements.get(index);
    if (existing) return existing;
    const node = this.structure[index];
    // A missing node, or a parent chain that loops, hangs the content on the root.
    if (!node || depth > this.structure.length) return this.root;
    const options: PDFKit.Mixins.StructureElementOptions = {};
    const altText = node.alt ?? alt;
    if (altText) options.alt = altText;
    if (node.lang) options.lang = node.lang;
    if (bbox) options.bbox = bbox;
    const parentIndex = node.parent === null ? undefined : this.indexOfId.get(node.parent);
    const parent = parentIndex === undefined ? this.root : this.element(parentIndex, undefined, undefined, depth + 1);
    const element = this.doc.struct(node.role === 'Document' ? 'Div' : node.role, options);
    this.elements.set(index, element);
    parent.add(element);
    return element;
  }
}
