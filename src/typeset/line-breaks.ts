// UAX #14 break opportunities from the linebreak package, with its character classes looked up
// once per character and kept in a table. The package finds a character's class through a
// Unicode trie at every character of every paragraph; a process started from the snapshot
// runs that interpreted, ~10% of a cold release's typesetting. Only the look-up is replaced:
// the classes are the package's own (asked of it one character at a time) and the state
// machine that turns them into breaks is its own.
import LineBreaker from 'linebreak';

/** The package's internals this module relies on (linebreak 1.1.0). */
interface BreakerInternals {
  string: string;
  pos: number;
  curClass: number | null;
  nextClass: number | null;
  nextCodePoint(): number;
  nextCharClass(): number;
}

const internals = LineBreaker.prototype as unknown as BreakerInternals;
/** The package's own look-up: a class for the code point at `pos`. */
const packageClass = internals.nextCharClass;

const unknown = 0xff;
/** Class + 0 by UTF-16 code point (`unknown` until asked). */
const classes = new Uint8Array(0x10000).fill(unknown);
/** A breaker that is only ever asked for the class of one character. */
const probe = new LineBreaker('') as unknown as BreakerInternals;

function classOf(codePoint: number): number {
  probe.string = String.fromCodePoint(codePoint);
  probe.pos = 0;
  return packageClass.call(probe);
}

/** The package's class of letters (AL), between two of which it never breaks. */
const alphabetic = classOf(0x61);

class TableBreaker extends LineBreaker {
  nextCharClass(this: BreakerInternals): number {
    const cp = this.nextCodePoint();
    if (cp > 0xffff) return classOf(cp);
    let c = classes[cp];
    if (c === unknown) {
      c = classOf(cp);
      // Classes are small numbers; anything else is left to the package each time.
      if (c >= 0 && c < unknown) classes[cp] = c;
    }
    if (c === alphabetic && skipsLetters) skipLetters(this);
    return c;
  }
}

/**
 * Steps over the letters (AL) that follow a letter. The package's loop, given each, would
 * find no break (AL × AL) and end in the state it is in after the first (current and next
 * class AL, no rule pending): most of a word's characters need not go through it.
 */
function skipLetters(b: BreakerInternals): void {
  const s = b.string;
  let p = b.pos;
  for (; p < s.length; p++) {
    const n = s.charCodeAt(p);
    // A surrogate's class says nothing of the pair it starts.
    if (classes[n] !== alphabetic || (n >= 0xd800 && n <= 0xdfff)) break;
  }
  b.pos = p;
}

/** Whether the package is the one this was written against: else it is used as it is. */
const fits = typeof packageClass === 'function' && typeof internals.nextCodePoint === 'function' && Number.isInteger(classOf(0x61));

/** Whether the package never breaks between letters, which skipping them takes for granted. */
const skipsLetters = fits && breakPositions(new LineBreaker('abcd efgh')).join() === '5,9';

function breakPositions(breaker: LineBreaker): number[] {
  const out: number[] = [];
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) out.push(bk.position);
  return out;
}

/** A UAX #14 line breaker over `text`: the package's, with its class look-ups kept. */
export function lineBreaker(text: string): LineBreaker {
  return fits ? new TableBreaker(text) : new LineBreaker(text);
}
