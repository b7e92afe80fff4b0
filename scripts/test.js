#!/usr/bin/env node
// The test command of the README and CI: makes sure the real validators are installed,
// compiles the CLI, runs vitest, and ends with the plain line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const VALIDATORS = { epubcheck: 'epubcheck', qpdf: 'qpdf', pdffonts: 'poppler-utils', pdftotext: 'poppler-utils', pdfinfo: 'poppler-utils', pdftoppm: 'poppler-utils', 'ots-sanitize': 'opentype-sanitizer' };
const REPORT = '.vitest-report.json';

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  return result.status ?? 1;
}

function ensureValidators() {
  const missing = Object.keys(VALIDATORS).filter((c) => !have(c));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((c) => VALIDATORS[c]))];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !have('apt-get')) {
    console.error(`test: missing ${missing.join(', ')}; install the Debian packages ${packages.join(' ')} (apt-get install -y ${packages.join(' ')}) and run the tests again`);
    process.exit(1);
  }
  console.error(`test: installing ${packages.join(' ')} (missing: ${missing.join(', ')})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0 || run('apt-get', ['install', '-y', '-qq', ...packages], { env }) !== 0) {
    console.error(`test: apt-get could not install ${packages.join(' ')}; install them by hand and run the tests again`);
    process.exit(1);
  }
  const still = Object.keys(VALIDATORS).filter((c) => !have(c));
  if (still.length > 0) {
    console.error(`test: ${still.join(', ')} still missing after apt-get install`);
    process.exit(1);
  }
}

ensureValidators();
if (run('npx', ['tsc', '-p', 'tsconfig.json']) !== 0) {
  console.error('test: TypeScript compilation failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// The command line the tests run is the bundle bin/pressroom.js loads (scripts/bundle.js).
if (run('node', ['scripts/bundle.js']) !== 0) {
  console.error('test: bundling the command line failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
rmSync(REPORT, { force: true });
const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORT}`, ...process.argv.slice(2)]);
if (!existsSync(REPORT)) {
  console.log('0 passed, 1 failed');
  process.exit(status || 1);
}
const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const failed = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
console.log(`${report.numPassedTests} passed, ${failed} failed${report.numPendingTests ? `, ${report.numPendingTests} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 || report.numPassedTests === 0 ? 1 : 0);
