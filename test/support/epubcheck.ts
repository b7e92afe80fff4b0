import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const JAR = '/usr/share/java/epubcheck.jar';

/** How to start epubcheck here: the Debian jar through java (its /usr/bin link needs binfmt), else PATH. */
async function command(): Promise<[string, string[]]> {
  // C1-only JIT and the serial collector: a short run starts and finishes sooner.
  if (existsSync(JAR)) return ['java', ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', JAR]];
  try {
    await run('epubcheck', ['--version']);
    return ['epubcheck', []];
  } catch {
    throw new Error('epubcheck is not installed: run `apt-get install -y epubcheck` (the EPUB tests need the real validator)');
  }
}

export interface EpubcheckResult {
  ok: boolean;
  output: string;
}

/** Runs epubcheck on one file; `ok` only with no fatal errors, errors or warnings at all. */
export async function epubcheck(file: string): Promise<EpubcheckResult> {
  const [cmd, args] = await command();
  const { stdout, stderr } = await run(cmd, [...args, file], { maxBuffer: 16 << 20 }).catch(
    (e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? String(e) }),
  );
  const output = `${stdout}\n${stderr}`.trim();
  return { ok: /No errors or warnings detected/.test(output) && !/^(FATAL|ERROR|WARNING)/m.test(output), output };
}
