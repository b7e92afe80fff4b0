import type { PageItem } from './types.js';

/** What a page break before an element costs: the paginator takes the cheapest, latest break. */
export const breakFree = 0;
export const breakAvoid = 1; // inside a `break-inside: avoid` block that fits on a page
export const breakWidowOrphan = 2; // would leave fewer lines than `widows`/`orphans`
export const breakKeep = 3; // after a `break-after: avoid` block, or between a border and its content

/**
 * One unbreakable piece of the vertical list (a line, a rule, an image) with the space above it.
 * Item coordinates are relative: x to the content box's left edge, y to the element's top.
 */
export interface FlowElement {
  height: number;
  /** Collapsed margins above: dropped at the top of a page after an unforced break. */
  margin: number;
  /** Padding (and any margins after it) above: always kept. */
  fixed: number;
  level: number;
  /** `break-before: page` (or the previous block's `break-after: page`). */
  forced: boolean;
  items: PageItem[];
  outline?: { title: string; level: number };
}

/** CSS margin collapsing: the largest positive margin plus the most negative one. */
export function collapse(margins: number[]): number {
  let pos = 0;
  let neg = 0;
  for (const m of margins) {
    if (m > pos) pos = m;
    if (m < neg) neg = m;
  }
  return pos + neg;
}

/** Builds the vertical list, collapsing adjoining margins as CSS does. */
export class Flow {
  readonly elements: FlowElement[] = [];
  private leading: number[] = [];
  private fixed = 0;
  private trailing: number[] = [];
  private keep = breakFree;
  private forced = false;

  margin(m: number): void {
    if (this.fixed === 0) this.leading.push(m);
    else this.trailing.push(m);
  }

  /** Space that separates margins (padding): margins on either side no longer collapse. */
  space(f: number): void {
    if (f <= 0) return;
    this.fixed += collapse(this.trailing) + f;
    this.trailing = [];
  }

  keepWithNext(level: number): void {
    this.keep = Math.max(this.keep, level);
  }

  breakBeforeNext(): void {
    if (this.elements.length > 0) this.forced = true;
  }

  push(height: number, items: PageItem[], level: number = breakFree, outline?: FlowElement['outline']): FlowElement {
    const element: FlowElement = {
      height,
      margin: collapse(this.leading),
      fixed: this.fixed + collapse(this.trailing),
      level: Math.max(level, this.keep),
      forced: this.forced,
      items,
    };
    if (outline) element.outline = outline;
    this.elements.push(element);
    this.leading = [];
    this.fixed = 0;
    this.trailing = [];
    this.keep = breakFree;
    this.forced = false;
    return element;
  }

  /** Height of elements[from..] as stacked, without the first one's margin. */
  heightFrom(from: number): number {
    let h = 0;
    for (let i = from; i < this.elements.length; i++) {
      const e = this.elements[i];
      h += (i === from ? 0 : e.margin) + e.fixed + e.height;
    }
    return h;
  }

  /** Raises the cost of breaks inside elements[from..] (break-inside: avoid). */
  avoidBreaksFrom(from: number): void {
    for (let i = from + 1; i < this.elements.length; i++) {
      this.elements[i].level = Math.max(this.elements[i].level, breakAvoid);
    }
  }
}
