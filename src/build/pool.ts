import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, BuildResult } from './index.js';
import { signalExitStatus } from './write.js';

/** A job sent to a worker, and its answer: `value`, or `error` when the job threw. */
export interface JobMessage<T> {
  id: number;
  item: T;
}
export type AnswerMessage<R> = { id: number; value: R } | { id: number; error: string };

/** The first message a worker gets, before any job: what `workerData` was for a thread. */
export interface StartMessage {
  data: unknown;
}

export interface PoolOptions<T, R> {
  /** The worker module: it calls `serveJobs` with the function that does one job. */
  workerUrl: URL;
  /** Handed to every worker before its first job (must be structured-cloneable). */
  workerData?: unknown;
  items: readonly T[];
  /** Node flags of each worker process (see `WORKER_FLAGS`). */
  execArgv?: string[];
  /** Pass the workers' stderr on to this process's (--debug's stack traces), not only keep its last line. */
  echoStderr?: boolean;
  /** Jobs a worker does before it is replaced by a fresh one (default: no limit). */
  jobsPerWorker?: number;
  /** Jobs at a time; never more than there are items. */
  jobs: number;
  /** The answer for an item whose job threw or whose worker died. */
  failed: (item: T, message: string) => R;
  /** Told about each answer as it arrives (in completion order), e.g. for progress. */
  onResult?: (answer: R, index: number) => void;
}

/**
 * Jobs sent to a worker before its answers come back: the next one waits in the worker while
 * its last answer travels here, so the worker never idles for a message.
 */
const QUEUED_PER_WORKER = 2;

export const firstLine = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));

/** The line saying why a worker died (V8's out-of-memory report, say), kept short. */
function lastLineOf(child: ChildProcess, echo: boolean): () => string {
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    tail = (tail + chunk).slice(-2000);
    if (echo) process.stderr.write(chunk);
  });
  return () => {
    const lines = tail.split('\n').map((line) => line.trim()).filter(Boolean);
    return (lines.find((line) => /^(FATAL ERROR|\w*Error\b)/.test(line)) ?? lines.pop() ?? '').slice(0, 200);
  };
}

/**
 * Runs `items` through a pool of worker processes, and resolves to the answers in the order
 * of `items`. Processes, not threads: on a 2-core machine two worker threads of one process
 * built 1,000 releases no faster than one thread (14 s, 25 s of CPU), two processes in 9 s
 * (17 s of CPU), and each process's memory is its own. A job that throws, or a worker that
 * dies, costs only its own item: a dead worker's queued items go to the others, and it is
 * replaced while items are left.
 */
export function runPool<T, R>(options: PoolOptions<T, R>): Promise<R[]> {
  // Loaded when a pool starts, not with this module, which the startup snapshot holds. Through
  // require, which a snapshot's bundle has, where import() is not.
  const { fork } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const workerPath = fileURLToPath(options.workerUrl);
  const { items, failed, onResult } = options;
  const jobsPerWorker = options.jobsPerWorker ?? Infinity;
  const answers = new Array<R>(items.length);
  let next = 0;
  const retry: number[] = [];
  let settled = 0;
  const take = (): number | undefined => (retry.length > 0 ? retry.shift() : next < items.length ? next++ : undefined);
  const left = () => retry.length > 0 || next < items.length;
  return new Promise((resolve) => {
    if (items.length === 0) return resolve(answers);
    const workers = new Set<ChildProcess>();
    // A worker leaves when its channel closes (see serveJobs): no signal, nothing half-sent.
    const stop = (worker: ChildProcess) => {
      if (worker.connected) worker.disconnect();
    };
    // SIGINT or SIGTERM here (Ctrl-C reaches the workers too; `kill PID` only this process) is
    // passed on, and this process exits as writeFileAtomic's cleanup does once every worker has:
    // a worker stops between writes, so no file changes after the command has ended. A second
    // signal does not wait.
    let stopping: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      const again = stopping !== undefined;
      stopping = signal;
      for (const w of workers) w.kill(again ? 'SIGKILL' : signal);
      if (workers.size === 0) process.exit(signalExitStatus(signal));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const settle = (index: number, value: R) => {
      answers[index] = value;
      settled += 1;
      onResult?.(answers[index], index);
      if (settled === items.length) {
        for (const w of workers) stop(w);
        finish();
      }
    };
    // Resolved once every worker has exited, so none outlives the batch (and the caller's
    // resource usage counts theirs).
    const finish = () => {
      if (settled !== items.length || workers.size !== 0) return;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(answers);
    };
    const start = () => {
      // Advanced serialisation: answers may hold bytes. stdout is unused, stderr kept for a crash.
      const worker = fork(workerPath, [], { execArgv: options.execArgv ?? [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      const stderr = lastLineOf(worker, options.echoStderr ?? false);
      workers.add(worker);
      worker.send({ data: options.workerData } satisfies StartMessage);
      // Sent and not yet answered, in the order the worker takes them.
      const queued: number[] = [];
      let sent = 0;
      let died = '';
      const feed = () => {
        if (stopping) return;
        while (queued.length < QUEUED_PER_WORKER && sent < jobsPerWorker) {
          const index = take();
          if (index === undefined) break;
          queued.push(index);
          sent += 1;
          worker.send({ id: index, item: items[index] } satisfies JobMessage<T>);
        }
        if (queued.length > 0) return;
        stop(worker);
        if (sent >= jobsPerWorker && left()) start();
      };
      worker.on('message', (message: unknown) => {
        const answer = message as AnswerMessage<R>;
        queued.splice(queued.indexOf(answer.id), 1);
        settle(answer.id, 'value' in answer ? answer.value : failed(items[answer.id], answer.error));
        feed();
      });
      worker.on('error', (error) => {
        died = firstLine(error);
      });
      // Handled once stderr has been read to its end. (Not 'close': after disconnect() Node
      // never emits it.)
      worker.on('exit', (code, signal) => {
        if (worker.stderr && !worker.stderr.destroyed) worker.stderr.once('close', () => exited(code, signal));
        else exited(code, signal);
      });
      const exited = (code: number | null, signal: NodeJS.Signals | null) => {
        workers.delete(worker);
        if (stopping) {
          if (workers.size === 0) process.exit(signalExitStatus(stopping));
          return;
        }
        const [running, ...waiting] = queued.splice(0);
        if (running === undefined) return finish();
        retry.push(...waiting);
        const why = died || stderr() || (signal ? `signal ${signal}` : `exit code ${code}`);
        settle(running, failed(items[running], `worker stopped (${why})`));
        if (left()) start();
      };
      feed();
    };
    const count = Math.max(1, Math.min(options.jobs, items.length));
    for (let i = 0; i < count; i++) start();
  });
}

/**
 * Inputs a worker should have to itself before starting it pays. A worker process loads the
 * code and fonts and warms up again (~0.5 s), and on this 2-core VM two busy processes each run
 * at little more than half speed. Measured, --jobs 1 (this process) against 2 workers:
 * 100 releases 2.0 / 2.7 s, 200 2.9 / 3.6 s, 400 4.7 / 5.3 s, 1,000 10.2 / 9.9 s. This
 * process's heap has no limit, though (1,000 releases: 263 MiB), so from 200 on the workers
 * build, whose memory is bounded.
 */
export const INPUTS_PER_WORKER = 200;

/**
 * Worker processes for a batch when `--jobs` is not given: one per CPU, but each worker must
 * have enough inputs to pay for its start, so smaller batches get fewer (1: none).
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
 * A build worker's Node flags. Its old generation is capped: left alone, V8 lets a heap of
 * ~36 MB live float to ~170 MB between collections. Its young generation is V8's default
 * size, fixed from the start: a release allocates ~5 MB, and a smaller nursery promotes a
 * release's working set to be collected again as old garbage (threads held to 8 MB spent
 * ~16% of their time collecting). A worker that still runs out is replaced and costs only
 * its input. --liftoff-only as the command line sets it (see runProcess).
 */
const WORKER_FLAGS = [
  `--max-old-space-size=${Number(process.env.PRESSROOM_WORKER_OLD_MB ?? 128)}`,
  `--min-semi-space-size=${Number(process.env.PRESSROOM_WORKER_SEMI_MB ?? 16)}`,
  `--max-semi-space-size=${Number(process.env.PRESSROOM_WORKER_SEMI_MB ?? 16)}`,
  '--liftoff-only',
];

/**
 * Releases a build worker renders before a fresh one takes over. A worker's memory creeps up
 * over thousands of releases: its caches of words, shapes and glyph runs (bounded at
 * 4,000-50,000 entries, an archive's vocabulary) fill for as long as new text arrives, and
 * its live heap after a full collection went 39 -> 50 MB from 400 to 1,600 releases.
 * Measured peak RSS of a batch: 263 MiB at 1,000 releases and 297 MiB at 3,000 without a
 * limit, 251 and 271 MiB with 1,000. With 600 a worker of a 5,000-release batch never holds
 * more than one of a 1,000-release batch (~500 each on two cores) and those replace none;
 * a new worker costs ~0.3 s of CPU (fonts, code), ~1% of its 600 releases.
 */
const JOBS_PER_WORKER = 600;

/** What a build worker is given: the build options that can cross to another process. */
export type WorkerBuildOptions = Omit<BuildOptions, 'onWarning' | 'onResult' | 'jobs'>;

/**
 * Builds `inputs` in `jobs` worker processes; each worker loads fonts and templates once and
 * builds and writes one input at a time, atomically, and answers with its result. Bytes stay in
 * the worker: sent here to be written, they held this process at ~110 MiB (IPC buffers
 * awaiting collection) where it needs ~65.
 */
export async function buildInPool(inputs: readonly string[], options: WorkerBuildOptions, jobs: number, onResult?: (result: BuildResult) => void): Promise<BuildResult[]> {
  return runPool<string, BuildResult>({
    workerUrl: buildWorkerUrl(),
    workerData: options,
    execArgv: WORKER_FLAGS,
    echoStderr: Boolean(process.env.PRESSROOM_DEBUG),
    jobsPerWorker: JOBS_PER_WORKER,
    items: inputs,
    jobs,
    failed: (input, message) => ({ input, outputs: [], warnings: [], errors: [`${input}: ${message}`] }),
    onResult: (result) => onResult?.(result),
  });
}
