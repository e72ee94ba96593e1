// Entry of the flow-reading worker (bundled as dist/flows-worker.js, started by background.ts): reads the logs it is
// given and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import type { FlowsWorkerInput } from './background.js';
import { readFlows } from './read.js';

const { files, options } = workerData as FlowsWorkerInput;
parentPort?.postMessage(await readFlows(files, options));
