/** Batches shorter than this finish before a progress bar would tell anything. */
export const PROGRESS_THRESHOLD = 20;
/** At most ten redraws a second: more only costs terminal time. */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): boolean;
}

/** `12 s`, `3 min 4 s` */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** One line of progress: bar, count, rate and time left. */
export function progressLine(done: number, total: number, elapsedMs: number, failed = 0): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '-'.repeat(BAR_WIDTH - filled);
  const rate = elapsedMs > 0 ? done / (elapsedMs / 1000) : 0;
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '?';
  const failures = failed > 0 ? `, ${failed} failed` : '';
  return `[${bar}] ${done}/${total}${failures}  ${rate.toFixed(1)}/s  ETA ${eta}`;
}

/**
 * A progress bar redrawn in place on a terminal; does nothing when the stream is not a TTY
 * or the batch is short. `finish()` clears the line so the summary stands alone.
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = 0;
  private readonly started = performance.now();
  private readonly active: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream = process.stderr,
    enabled = true,
  ) {
    this.active = enabled && Boolean(stream.isTTY) && total > PROGRESS_THRESHOLD;
    if (this.active) this.draw();
  }

  /** Counts one finished input. */
  tick(ok: boolean): void {
    this.done += 1;
    if (!ok) this.failed += 1;
    const now = performance.now();
    if (this.active && (now - this.lastDraw >= REDRAW_MS || this.done === this.total)) this.draw();
  }

  finish(): void {
    if (this.active) this.stream.write('\r\u001b[K');
  }

  private draw(): void {
    this.lastDraw = performance.now();
    const line = progressLine(this.done, this.total, this.lastDraw - this.started, this.failed);
    const width = this.stream.columns || 80; // 0 when the terminal size is unknown
    this.stream.write('\r\u001b[K' + line.slice(0, Math.max(0, width - 1)));
  }
}
