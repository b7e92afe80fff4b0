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

