import { parentPort, workerData } from 'node:worker_threads';
import { PartitionJob, buildPartition } from './build-partition';

/** A rebuild thread: builds its partition and reports progress per page; an error ends the thread (the caller sees it). */
const job = workerData as PartitionJob;
const events = buildPartition(job, (done, position) => parentPort!.postMessage({ type: 'page', done, position: position.toString() }));
parentPort!.postMessage({ type: 'done', events });
