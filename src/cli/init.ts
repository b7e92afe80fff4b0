import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_TEMPLATES } from '../template/index.js';
import type { Console } from './output.js';
import { UsageError } from './usage-error.js';

function starterRelease(withTemplate: boolean): string {
  const today = new Date().toISOString().slice(0, 10);
  return `# A starter release: change the fields, then run \`npx pressroom build release.yaml\`.
${withTemplate ? 'template: ./template\n' : ''}lang: en
issuer:
  name:
    - Embassy of the Example Republic
    - in the Kingdom of Elsewhere
  address: "12 Harbour Road, #04-01 Example Tower, Elsewhere 100200"
  phone: (65) 6000 0000
  email: press@example.org
label: Press Release
date: ${today}
dateline:
  place: Elsewhere
title: Ambassador Opens **the Example Republic Cultural Week**
body: |
  The Ambassador of the Example Republic today opened the Cultural Week at the City Hall.

  Write the body in Markdown: **bold**, *italic*, [links](https://example.org), lists and
  \`## headings\`. Blank lines separate paragraphs.
`;
}

/** `pressroom init [dir]`: a starter release, and with `--template` a copy of the default template. */
export function runInit(args: { dir: string; template?: boolean }, io: Console): number {
  const release = join(args.dir, 'release.yaml');
  if (existsSync(release)) throw new UsageError(`${release} already exists; not overwritten`);
  mkdirSync(args.dir, { recursive: true });
  if (args.template) {
    const target = join(args.dir, 'template');
    if (existsSync(target)) throw new UsageError(`${target} already exists; not overwritten`);
    cpSync(join(BUILTIN_TEMPLATES, 'embassy'), target, { recursive: true });
    io.out(`wrote ${target}/ (a copy of the embassy template to change)`);
  }
  writeFileSync(release, starterRelease(Boolean(args.template)));
  io.out(`wrote ${release}`);
  io.out(`next: npx pressroom build ${release}`);
  return 0;
}
