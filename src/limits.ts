/**
 * Limits that keep one hostile input from exhausting memory or time. Each has a command-line
 * flag and a configuration key to raise it; messages name both.
 */
export interface Limits {
  /** Largest release file, in bytes. */
  maxInputBytes: number;
  /** Largest image file (the logo), in bytes. */
  maxImageBytes: number;
  /** Most pixels (width × height) of a PNG or JPEG, which is decoded whole. */
  maxImagePixels: number;
  /** Most pages of one PDF. */
  maxPages: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 10 * 1024 * 1024,
  maxImageBytes: 10 * 1024 * 1024,
  maxImagePixels: 50_000_000,
  maxPages: 100,
};

const FLAGS: Record<keyof Limits, string> = {
  maxInputBytes: '--max-input-bytes',
  maxImageBytes: '--max-image-bytes',
  maxImagePixels: '--max-image-pixels',
  maxPages: '--max-pages',
};

export const LIMIT_KEYS = Object.keys(FLAGS) as (keyof Limits)[];

/** The command-line flag of a limit. */
export function limitFlag(key: keyof Limits): string {
  return FLAGS[key];
}

/** The hint on every limit error: how to raise it. */
export function raiseHint(key: keyof Limits): string {
  return `raise it with ${FLAGS[key]} or '${key}' in pressroom.config.json`;
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** The limits in effect: defaults, with any given ones over them. */
export function limitsOf(given: Partial<Limits> = {}): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of LIMIT_KEYS) if (given[key] !== undefined) limits[key] = given[key];
  return limits;
}
