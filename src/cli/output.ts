/** Where the command line writes: kept in one place so tests can capture it. */
export interface Console {
  out(line: string): void;
  err(line: string): void;
}

export const processConsole: Console = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Colour only on a terminal and when NO_COLOR is not set (https://no-color.org). */
export function colours(stream: NodeJS.WriteStream = process.stderr) {
  const on = Boolean(stream.isTTY) && !process.env.NO_COLOR;
  const paint = (code: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { red: paint(31), yellow: paint(33), green: paint(32), dim: paint(2) };
}
