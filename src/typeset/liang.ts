// Liang's pattern matching over the `hyphen` package's pattern data (`hyphen/patterns/<lang>.js`),
// giving the break points its `hyphenateSync` gives for a word of letters, without the per-call
// text reader, verifier closures and per-character regular expressions it sets up (~16 ms of a
// cold release). test/typeset/liang.test.ts proves the equality over large word lists.

/** A node of the package's pattern trie: letters lead on; a number names a row of levels. */
export interface PatternTrie {
  [letter: string]: PatternTrie | [PatternTrie, number] | number;
}

/** A `hyphen/patterns/<lang>.js` module: levels table, trie, and exceptions (word → marker offsets). */
export type HyphenPatterns = [levels: number[][], trie: PatternTrie, exceptions?: Record<string, number[]>];

const hasOwn = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** The trie a number leads to: nothing follows a final pattern letter. */
const leaf: PatternTrie = Object.freeze({}) as PatternTrie;

/**
 * Offsets in `word` (letters only) after which the package would insert a hyphen, before any
 * minimum of letters kept on either side: an exception's markers when the word (or its
 * lower case) is one, else the odd levels of the patterns matched against `.word.`.
 */
export function hyphenMarkers(patterns: HyphenPatterns, word: string): number[] {
  const [table, trie, exceptions] = patterns;
  const lowered = word.toLocaleLowerCase();
  if (exceptions) {
    if (hasOwn(exceptions, word)) return exceptions[word];
    if (hasOwn(exceptions, lowered)) return exceptions[lowered];
  }
  // As the package: one level per gap of the original word, even when lower case is longer (the
  // array then grows as it is written past its end).
  const levels: number[] = new Array<number>(word.length + 1).fill(0);
  const dotted = `.${lowered}.`;
  // Matches start at each character but the last two of `.word.`; those starting at the dot and
  // at the first letter both write levels from offset 0 (the package's own numbering).
  for (let start = 0; start <= dotted.length - 3; start++) {
    const base = start === 0 ? 0 : start - 1;
    let node = trie;
    for (let j = start; j < dotted.length; j++) {
      const next = node[dotted[j]];
      if (next === undefined) break;
      let row = -1;
      if (typeof next === 'number') {
        row = next;
        node = leaf;
      } else if (Array.isArray(next)) {
        node = next[0];
        row = next[1];
      } else if (typeof next === 'object' && next !== null) {
        node = next;
      } else {
        node = leaf; // not pattern data: the package stops matching here too
      }
      if (row < 0) continue;
      const values = table[row];
      for (let k = 0; k < values.length; k++) {
        // Math.max(value, level) without the call: NaN where the array had no level yet.
        const level = levels[base + k];
        if (level === undefined) levels[base + k] = NaN;
        else if (values[k] > level) levels[base + k] = values[k];
      }
    }
  }
  const n = levels.length;
  levels[0] = levels[1] = levels[n - 1] = levels[n - 2] = 0;
  const markers: number[] = [];
  for (let i = 0; i < n; i++) if ((levels[i] & 1) === 1) markers.push(i);
  return markers;
}
