// The linebreak package ships no types; this is the part of its API the typesetter uses.
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}

// ejs ships no types; epub-gen-memory's templates are compiled with it (src/epub/generator.ts).
declare module 'ejs' {
  const ejs: { compile(template: string): (data: object) => string };
  export default ejs;
}

// A pattern module of the hyphen package, e.g. `hyphen/en-us`.
declare module 'hyphen/en-us' {
  export function hyphenateSync(text: string, options: { hyphenChar: string; minWordLength: number }): string;
  /** Levels table, pattern trie and exceptions: what src/typeset/liang.ts matches. */
  export const patterns: import('./liang.js').HyphenPatterns;
}
