import { describe, expect, it } from 'vitest';
import { defaultJobs, runPool } from '../../src/build/pool.js';

// The worker is plain JS importing the compiled pool (dist/), as a real worker process would.
const workerUrl = new URL('./fixtures/echo-worker.mjs', import.meta.url);
type Answer = { item: string; doubled?: number; data?: unknown; failed?: string; thread?: number /* the worker's process id */ };
const failed = (item: string, message: string): Answer => ({ item, failed: message });

describe('runPool', () => {
  it('answers in the order of the items, whatever order the workers finish in', async () => {
    const items = ['1', '2', '3', '4', '5', '6', '7'];
    const seen: number[] = [];
    const answers = await runPool<string, Answer>({ workerUrl, items, jobs: 3, failed, workerData: 'shared', onResult: (_, i) => seen.push(i) });
    expect(answers.map((a) => a.doubled)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(answers.every((a) => a.data === 'shared')).toBe(true);
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('costs a throwing job or a dying worker only its own item', async () => {
    const answers = await runPool<string, Answer>({ workerUrl, items: ['1', 'throw', '2', 'crash', '3', '4'], jobs: 2, failed });
    expect(answers.map((a) => a.doubled ?? a.failed)).toEqual([2, 'bad item', 4, 'worker stopped (exit code 3)', 6, 8]);
  });

  it("gives a dead worker's own reason from its stderr", async () => {
    const answers = await runPool<string, Answer>({ workerUrl, items: ['1', 'oom', '2'], jobs: 1, failed });
    expect(answers.map((a) => a.doubled ?? a.failed)).toEqual([2, 'worker stopped (FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory)', 4]);
  });

  it('leaves no worker process behind once it resolves', async () => {
    const answers = await runPool<string, Answer>({ workerUrl, items: ['1', '2', '3', '4'], jobs: 2, failed });
    for (const pid of new Set(answers.map((a) => a.thread!))) expect(() => process.kill(pid, 0), `process ${pid}`).toThrow();
  });

  it('replaces a worker by a fresh one after jobsPerWorker jobs', async () => {
    const items = ['1', '2', '3', '4', '5', '6', '7'];
    const answers = await runPool<string, Answer>({ workerUrl, items, jobs: 2, jobsPerWorker: 2, failed });
    expect(answers.map((a) => a.doubled)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    const perThread = new Map<number, number>();
    for (const a of answers) perThread.set(a.thread!, (perThread.get(a.thread!) ?? 0) + 1);
    expect(Math.max(...perThread.values())).toBeLessThanOrEqual(2);
    expect(perThread.size).toBeGreaterThanOrEqual(4);
  });

  it('resolves at once with no items, and works with one worker', async () => {
    expect(await runPool<string, Answer>({ workerUrl, items: [], jobs: 4, failed })).toEqual([]);
    const answers = await runPool<string, Answer>({ workerUrl, items: ['5', '6'], jobs: 1, failed });
    expect(answers.map((a) => a.doubled)).toEqual([10, 12]);
  });
});

describe('defaultJobs', () => {
  it('starts a worker per CPU only when each gets enough inputs to pay for its start', () => {
    expect(defaultJobs(1, 8)).toBe(1);
    expect(defaultJobs(200, 8)).toBe(1);
    expect(defaultJobs(201, 2)).toBe(2);
    expect(defaultJobs(1000, 2)).toBe(2);
    expect(defaultJobs(1000, 8)).toBe(5);
    expect(defaultJobs(5000, 8)).toBe(8);
  });
});
