/** The flags of `build` that `simpleBuildArgs` reads, as yargs hands them to the build command. */
export interface SimpleBuildArgs {
  inputs: string[];
  out?: string;
  format?: string[];
  template?: string;
  quiet?: boolean;
  json?: boolean;
  debug?: boolean;
}

const VALUE_FLAGS: Record<string, 'out' | 'format' | 'template'> = { '-o': 'out', '--out': 'out', '-f': 'format', '--format': 'format', '-t': 'template', '--template': 'template' };
const SWITCHES: Record<string, 'quiet' | 'json' | 'debug'> = { '-q': 'quiet', '--quiet': 'quiet', '--json': 'json', '--debug': 'debug' };

/**
 * The arguments of the commonest command line, `build FILES [-o DIR] [-f FORMATS] [-t NAME]
 * [-q] [--json] [--debug]`, read without yargs, which costs ~10 ms of a one-release build in
 * cold code. `undefined` for anything else, and for every spelling whose meaning in yargs
 * takes more than this to state (`--out=DIR`, `-qo`, a flag given twice, `--quiet false`, a
 * word after -f, which yargs would add to the formats): yargs then reads it as always.
 */
export function simpleBuildArgs(argv: readonly string[]): SimpleBuildArgs | undefined {
  if (argv[0] !== 'build') return undefined;
  const args: SimpleBuildArgs = { inputs: [] };
  const seen = new Set<string>();
  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    if (!word.startsWith('-')) {
      args.inputs.push(word);
      continue;
    }
    const valueFlag = VALUE_FLAGS[word];
    const key = valueFlag ?? SWITCHES[word];
    if (!key || seen.has(key)) return undefined;
    seen.add(key);
    if (!valueFlag) {
      // yargs reads a following true/false as the switch's value.
      if (argv[i + 1] === 'true' || argv[i + 1] === 'false') return undefined;
      args[SWITCHES[word]] = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    i++;
    if (valueFlag === 'format') {
      if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('-')) return undefined;
      args.format = [value];
    } else {
      args[valueFlag] = value;
    }
  }
  return args.inputs.length > 0 ? args : undefined;
}
