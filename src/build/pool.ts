import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, parentPort, workerData, type ResourceLimits } from 'node:worker_threads';
import type { BuildOptions, BuildResult, RenderedOutputs } from './index.js';

/** A job sent to a worker, and its answer: `value`, or `error` when the job threw. */
interface JobMessage<T> {
  id: number;
  item: T;
}
type AnswerMessage<R> = { id: number; value: R } | { id: number; error: string };

export interface PoolOptions<T, R> {
  /** The worker module: it calls `serveJobs` with the function that does one job. */
  workerUrl: URL;
  /** Handed to every worker as `workerData` (must be structured-cloneable). */
  workerData?: unknown;
  items: readonly T[];
  /** Heap limits of each worker (see `WORKER_HEAP`). */
  resourceLimits?: ResourceLimits;
  /** Number of workers; never more than there are items. */
  jobs: number;
  /** The answer for an item whose job threw or whose worker died. */
  failed: (item: T, message: string) => R;
  /** Told about each answer as it arrives (in completion order), e.g. for progress. */
  onResult?: (value: R, index: number) => void;
}

/**
 * Runs `items` through a pool of worker threads, one job per worker at a time, and resolves
 * to the answers in the order of `items`. A job that throws, or a worker that dies, costs
 * only its own item: a dead worker is replaced while items are left.
 */
export function runPool<T, R>(options: PoolOptions<T, R>): Promise<R[]> {
  const { items, failed, onResult } = options;
  const answers = new Array<R>(items.length);
  let next = 0;
  let settled = 0;
  return new Promise((resolve) => {
    if (items.length === 0) return resolve(answers);
    const workers = new Set<Worker>();
    const settle = (index: number, value: R) => {
      answers[index] = value;
      settled += 1;
      onResult?.(value, index);
      if (settled === items.length) {
        for (const w of workers) void w.terminate();
        resolve(answers);
      }
    };
    const start = () => {
      const worker = new Worker(options.workerUrl, { workerData: options.workerData, resourceLimits: options.resourceLimits });
      workers.add(worker);
      let current: number | undefined;
      let died = '';
      const feed = () => {
        if (next >= items.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = next++;
        worker.postMessage({ id: current, item: items[current] } satisfies JobMessage<T>);
      };
      worker.on('message', (answer: AnswerMessage<R>) => {
        settle(answer.id, 'value' in answer ? answer.value : failed(items[answer.id], answer.error));
        feed();
      });
      worker.on('error', (error) => {
        died = error.message.split('\n')[0];
      });
      worker.on('exit', (code) => {
        workers.delete(worker);
        if (current === undefined) return;
        const index = current;
        current = undefined;
        settle(index, failed(items[index], `worker stopped (${died || `exit code ${code}`})`));
        if (next < items.length) start();
      });
      feed();
    };
    const count = Math.max(1, Math.min(options.jobs, items.length));
    for (let i = 0; i < count; i++) start();
  });
}

/** In a worker module: answers the pool's jobs with `work`, one at a time. */
export function serveJobs<T, R>(work: (item: T, data: unknown) => Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs() runs only in a worker thread');
  port.on('message', async ({ id, item }: JobMessage<T>) => {
    try {
      port.postMessage({ id, value: await work(item, workerData) } satisfies AnswerMessage<R>);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      port.postMessage({ id, error: message } satisfies AnswerMessage<R>);
    }
  });
}

/** Inputs a worker should have to itself before starting it pays for loading fonts again. */
export const INPUTS_PER_WORKER = 4;

/**
 * Worker threads for a batch when `--jobs` is not given: one per CPU, but each worker's first
 * release costs seconds of font loading and warm-up, so small batches get fewer (1: none).
 */
export function defaultJobs(inputs: number, cpus = availableParallelism()): number {
  return Math.max(1, Math.min(cpus, Math.ceil(inputs / INPUTS_PER_WORKER)));
}

/**
 * The compiled build worker. Under vitest this module is `src/build/pool.ts`, which has no
 * `worker.js` beside it, so the one `tsc` wrote to `dist/` is used instead.
 */
export function buildWorkerUrl(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL('../../dist/build/worker.js', import.meta.url);
}

/**
 * A build worker's young generation is kept small and its old generation capped: left alone,
 * V8 lets each worker's heap float to ~150 MB of garbage between collections, and a batch's
 * peak memory grew with its length. A release needs ~20 MB live; a worker that still runs
 * out is replaced and costs only its input.
 */
const WORKER_HEAP: ResourceLimits = {
  maxOldGenerationSizeMb: Number(process.env.PRESSROOM_WORKER_OLD_MB ?? 128),
  maxYoungGenerationSizeMb: Number(process.env.PRESSROOM_WORKER_YOUNG_MB ?? 8),
};

/** What a build worker is given: the build options that can cross a thread boundary. */
export type WorkerBuildOptions = Omit<BuildOptions, 'onWarning' | 'onResult' | 'jobs'>;

/**
 * Renders `inputs` in `jobs` worker threads; each worker loads fonts and templates once and
 * renders one input at a time. Outputs come back as bytes and are written here, in the main
 * thread, where writeFileAtomic's Ctrl-C cleanup runs.
 */
export async function buildInPool(
  inputs: readonly string[],
  options: WorkerBuildOptions,
  jobs: number,
  write: (rendered: RenderedOutputs) => BuildResult,
  onResult?: (result: BuildResult) => void,
): Promise<BuildResult[]> {
  const results = new Array<BuildResult>(inputs.length);
  await runPool<string, RenderedOutputs>({
    workerUrl: buildWorkerUrl(),
    workerData: options,
    resourceLimits: WORKER_HEAP,
    items: inputs,
    jobs,
    failed: (input, message) => ({ result: { input, outputs: [], warnings: [], errors: [`${input}: ${message}`] }, files: [] }),
    onResult: (rendered, index) => {
      results[index] = write(rendered);
      onResult?.(results[index]);
    },
  });
  return results;
}
