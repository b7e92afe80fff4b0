// The worker's side of the pool in ./pool.ts, in a module of its own: only worker threads load
// node:worker_threads' parentPort with it.
import { parentPort, workerData } from 'node:worker_threads';
import { firstLine, type AnswerMessage, type JobMessage } from './pool.js';

/** In a worker module: answers the pool's jobs with `work`, one at a time, in the order sent. */
export function serveJobs<T, R>(work: (item: T, data: unknown) => Promise<R>): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs() runs only in a worker thread');
  const queue: JobMessage<T>[] = [];
  let busy = false;
  const drain = async () => {
    busy = true;
    for (let job = queue.shift(); job; job = queue.shift()) {
      const { id, item } = job;
      try {
        port.postMessage({ id, value: await work(item, workerData) } satisfies AnswerMessage<R>);
      } catch (error) {
        port.postMessage({ id, error: firstLine(error) } satisfies AnswerMessage<R>);
      }
    }
    busy = false;
  };
  port.on('message', (job: JobMessage<T>) => {
    queue.push(job);
    if (!busy) void drain();
  });
}
