import { execFileSync, spawnSync } from 'node:child_process';

/** Runs a validator that the test command installs; a missing one fails the test loudly. */
export function runTool(command: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${command} is not installed: run the tests with \`npm test\`, which installs it (Debian package ${PACKAGES[command] ?? command})`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

const PACKAGES: Record<string, string> = {
  epubcheck: 'epubcheck',
  qpdf: 'qpdf',
  pdffonts: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  'ots-sanitize': 'opentype-sanitizer',
};

/** The text of a PDF as poppler extracts it, in reading order. */
export function pdfText(path: string): string {
  return runTool('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout;
}

/** Rows of `pdffonts`: name, type, embedded, subset. */
export function pdfFonts(path: string): { name: string; emb: boolean; sub: boolean }[] {
  const lines = runTool('pdffonts', [path]).stdout.split('\n').slice(2).filter((l) => l.trim());
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    const n = cols.length;
    // The last columns are: emb sub uni object ID (2 columns) — read from the right.
    return { name: cols[0], emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes' };
  });
}

/**
 * The OpenType Sanitizer that Chrome and Firefox run on every web font (and so e-readers built
 * on them): a font it rejects is not drawn; it names each table it drops or repairs.
 */
export function otsCheck(path: string): { ok: boolean; output: string } {
  const r = runTool('ots-sanitize', [path]);
  return { ok: r.status === 0, output: (r.stdout + r.stderr).trim() };
}

export function qpdfCheck(path: string): { ok: boolean; output: string } {
  const r = runTool('qpdf', ['--check', path]);
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

export function toolVersion(command: string, args = ['--version']): string {
  return execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0];
}
