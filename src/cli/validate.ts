import { expandInputs } from '../build/index.js';
import { validateRelease } from '../release/index.js';
import { colours, type Console } from './output.js';
import type { Limits } from '../limits.js';

/** `pressroom validate`: every error of every input at once; 0 when all are valid, else 1. */
export async function runValidate(args: { inputs: string[]; json?: boolean; limits?: Partial<Limits> }, io: Console): Promise<number> {
  const { files, missing } = expandInputs(args.inputs);
  const c = colours();
  let failed = missing.length;
  for (const e of missing) io.err(c.red('error: ') + e.format());
  for (const file of files) {
    const { maxInputBytes, maxImageBytes, maxImagePixels } = args.limits ?? {};
    const { errors } = await validateRelease(file, { maxBytes: maxInputBytes, maxImageBytes, maxImagePixels });
    if (args.json) io.out(JSON.stringify({ input: file, valid: errors.length === 0, errors: errors.map((e) => e.format()) }));
    else if (errors.length === 0) io.out(`${file}: valid`);
    else for (const e of errors) io.err(c.red('error: ') + e.format());
    if (errors.length > 0) failed += 1;
  }
  if (!args.json) io.err(`${files.length + missing.length - failed} valid, ${failed} invalid`);
  return failed > 0 ? 1 : 0;
}
