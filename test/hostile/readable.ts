/** What a person would not want to read in a one-line message, or undefined when the line is fine. */
export function unreadable(line: string): string | undefined {
  if (line.includes('\n')) return 'more than one line';
  if (/\bat .+:\d+:\d+\)?$/.test(line) || /node_modules|\/dist\/|\/src\//.test(line)) return 'a stack frame or internal path';
  if (/\[object Object\]|\bundefined\b|\bNaN\b|TypeError|RangeError|ReferenceError|Cannot read prop/.test(line)) return 'internals';
  return undefined;
}
