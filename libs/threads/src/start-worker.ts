import * as path from 'node:path';
import { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker whose entry is `<dir>/<name>.worker.js` when running compiled, or the `.ts` source through
 * the swc loader when running from sources (jest).
 */
export function startWorker(
  dir: string,
  name: string,
  workerData: unknown,
  compiled: boolean,
  options: Pick<WorkerOptions, 'resourceLimits'> = {},
): Worker {
  if (compiled) return new Worker(path.join(dir, `${name}.worker.js`), { ...options, workerData });
  const loader = path.join(__dirname, 'ts-worker-loader.js');
  const entry = path.join(dir, `${name}.worker.ts`);
  return new Worker(`require(${JSON.stringify(loader)}); require(${JSON.stringify(entry)});`, { ...options, eval: true, workerData });
}
