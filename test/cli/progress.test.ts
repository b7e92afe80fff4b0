import { describe, expect, it } from 'vitest';
import { Progress, formatDuration, progressLine } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: { isTTY, columns: 100, write: (chunk: string) => chunks.push(chunk) > 0 } };
}

describe('progress', () => {
  it('shows count, rate and time left', () => {
    expect(progressLine(10, 40, 5000)).toBe('[######------------------] 10/40  2.0/s  ETA 15 s');
    expect(progressLine(0, 40, 0)).toContain('ETA ?');
    expect(progressLine(3, 40, 1000, 1)).toContain('3/40, 1 failed');
    expect(formatDuration(184)).toBe('3 min 4 s');
  });

  it('draws on a terminal for a long batch, at most ~10 times a second, and clears itself', () => {
    const { chunks, stream } = fakeStream(true);
    const progress = new Progress(50, stream);
    for (let i = 0; i < 50; i++) progress.tick(true);
    progress.finish();
    // The first draw, the last tick, the clearing: the ticks in between fall in one 100 ms window.
    expect(chunks.length).toBeLessThan(10);
    expect(chunks.at(-2)).toContain('50/50');
    expect(chunks.at(-1)).toBe('\r\u001b[K');
  });

  it('stays silent when not on a terminal, for short batches, and when disabled', () => {
    for (const [tty, total, enabled] of [[false, 50, true], [true, 5, true], [true, 50, false]] as const) {
      const { chunks, stream } = fakeStream(tty);
      const progress = new Progress(total, stream, enabled);
      for (let i = 0; i < total; i++) progress.tick(true);
      progress.finish();
      expect(chunks).toEqual([]);
    }
  });
});
