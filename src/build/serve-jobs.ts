// The worker's side of the pool in ./pool.ts, in a module of its own: only worker processes
// answer jobs on their IPC channel.
import { firstLine, type AnswerMessage, type JobMessage, type StartMessage } from './pool.js';

/**
 * In a worker module: answers the pool's jobs with `work`, one at a time, in the order sent.
 * The first message is the pool's `workerData`; the worker exits when the pool disconnects
 * (or dies), so none outlives its batch.
 */
export function serveJobs<T, R>(work: (item: T, data: unknown) => Promise<R>): void {
  if (!process.send) throw new Error('serveJobs() runs only in a worker process started by runPool()');
  // Once the pool has gone (disconnect), there is no one to answer: exit follows.
  const send = (answer: AnswerMessage<R>) => process.connected && process.send?.(answer);
  const queue: JobMessage<T>[] = [];
  let start: StartMessage | undefined;
  let busy = false;
  const drain = async () => {
    busy = true;
    for (let job = queue.shift(); job; job = queue.shift()) {
      const { id, item } = job;
      try {
        send({ id, value: await work(item, start?.data) });
      } catch (error) {
        send({ id, error: firstLine(error) });
      }
    }
    busy = false;
  };
  process.on('message', (message: unknown) => {
    if (!start) {
      start = message as StartMessage;
      return;
    }
    queue.push(message as JobMessage<T>);
    if (!busy) void drain();
  });
  process.on('disconnect', () => process.exit(0));
}
