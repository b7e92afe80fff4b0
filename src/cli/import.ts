import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, dirname } from 'node:path';
import { importText } from '../import/index.js';
import { formatDiagnostic } from '../diagnostics.js';
import { writeFileAtomic } from '../build/index.js';
import { colours, type Console } from './output.js';
import { UsageError } from './usage-error.js';

/** `pressroom import <file>`: a received release (text or Markdown) → release data (YAML). */
export function runImport(args: { file: string; out?: string; year?: number; force?: boolean }, io: Console): number {
  if (!existsSync(args.file)) throw new UsageError(`${args.file}: no such file`);
  const out = args.out ?? join(dirname(args.file), `${basename(args.file, extname(args.file))}.yaml`);
  if (existsSync(out) && !args.force) throw new UsageError(`${out} already exists (use --force to replace it)`);
  const text = readFileSync(args.file, 'utf8');
  const result = importText(text, args.file, { year: args.year });
  const c = colours();
  for (const line of result.inferred) io.err(c.dim('found: ') + line);
  for (const w of result.warnings) io.err(c.yellow('warning: ') + formatDiagnostic(w));
  writeFileAtomic(out, Buffer.from(result.yaml, 'utf8'));
  io.out(`wrote ${out}`);
  return 0;
}
