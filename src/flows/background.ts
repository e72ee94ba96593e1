import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readFlows, type FlowReadResult, type ReadFlowsOptions } from './read.js';

/** The worker entry `scripts/build.mjs` bundles next to the Action and CLI bundles (absent when running sources). */
const WORKER_FILE = new URL('./flows-worker.js', import.meta.url);

/** What the worker is started with. */
export interface FlowsWorkerInput {
  files: string[];
  options: Omit<ReadFlowsOptions, 'signal'>;
}

/**
 * {@link readFlows} on another thread when the bundled worker is there, so reading and aggregating large logs
 * overlaps the manifest side of a check (the two are independent until the replay); in this thread otherwise. The
 * result is the same either way, and like `readFlows` this never rejects: a worker that fails to start or dies
 * leaves the read to this thread. Once `options.signal` aborts, the read stops and the promise may never settle.
 */
export function readFlowsInBackground(
  files: readonly string[],
  options: ReadFlowsOptions = {},
): Promise<FlowReadResult> {
  if (!existsSync(fileURLToPath(WORKER_FILE))) return readFlows(files, options);
  const { signal, ...workerOptions } = options;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (read: () => FlowReadResult | Promise<FlowReadResult>) => {
      if (settled) return;
      settled = true;
      resolve(read());
    };
    const readHere = () => settle(() => readFlows(files, options));
    try {
      const input: FlowsWorkerInput = { files: [...files], options: workerOptions };
      const worker = new Worker(WORKER_FILE, { workerData: input });
      worker.once('message', (result: FlowReadResult) => settle(() => result));
      worker.once('error', readHere);
      // Exiting before answering (killed, out of memory): after an answer this does nothing.
      worker.once('exit', readHere);
      // A check that failed must not wait for its logs: the worker would keep the process alive until it is done.
      signal?.addEventListener('abort', () => {
        settled = true;
        void worker.terminate();
      });
    } catch {
      readHere();
    }
  });
}
