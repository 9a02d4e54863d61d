import type { Database } from 'better-sqlite3';
import { readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sqliteProjectionHost } from '@app/event-store';
import { startWorker } from '@app/threads';
import { Projection } from '../projection';
import { SqliteProjectionRunner } from '../sqlite-projection-runner';
import { PartitionJob } from './build-partition';
import { mergePartitions } from './merge-partitions';
import { acquireRebuildLock } from './rebuild-lock';

export { RebuildInProgressError } from './rebuild-lock';

export interface RebuildOptions {
  /** The live SQLite file (events and read models), opened by the caller as `live`. */
  file: string;
  live: Database;
  projections: Projection[];
  /** Threads to split the streams among (stream-local read models only; others are rebuilt in one pass). */
  threads: number;
  pageSize?: number;
  /** Page cache per thread for its scratch file. */
  cacheMiB?: number;
  /** Events folded so far, and the position every thread has passed (of `head`). */
  onProgress?: (events: number, position: bigint, head: bigint) => void;
}

export interface RebuildReport {
  /** Events up to the head the rebuild started from, all of them folded. */
  events: number;
  head: bigint;
  partitions: number;
  buildSeconds: number;
  /** How long the swaps took (one transaction per projection, each holding the live file's write lock). */
  mergeSeconds: number;
  /** The longest of those transactions: how long the store's appends may have waited. */
  longestSwap: { name: string; seconds: number };
  /** Events appended while it ran, applied after the swap. */
  caughtUp: number;
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * Rebuilds read models from the first event while the service keeps running (`npm run projections:rebuild`):
 * threads each fold one partition of the streams up to the current head into a scratch file, the partitions are
 * swapped into the live file one projection per transaction (mergePartitions), and the events appended meanwhile
 * are then applied from the new checkpoints. Until its swap, a read model serves its previous tables, whole.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildReport> {
  const release = acquireRebuildLock(options.file);
  try {
    return await rebuild(options);
  } finally {
    release();
  }
}

async function rebuild(options: RebuildOptions): Promise<RebuildReport> {
  const { file, live, projections } = options;
  const runner = new SqliteProjectionRunner(sqliteProjectionHost(live, file), projections);
  const head = BigInt(
    (live.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').safeIntegers(true).get() as { head: bigint }).head,
  );
  const partitions = projections.every((p) => p.streamLocal) ? Math.max(1, Math.floor(options.threads)) : 1;
  removeAbandonedStageFiles(file);
  const stageFiles = Array.from({ length: partitions }, (_, k) => `${file}.rebuild-${process.pid}-${k}`);
  const started = process.hrtime.bigint();
  try {
    const done = new Array<number>(partitions).fill(0);
    const reached = new Array<bigint>(partitions).fill(0n);
    const workers = stageFiles.map((stageFile, partition) => {
      const job: PartitionJob = {
        liveFile: file,
        stageFile,
        projections: projections.map((p) => p.name),
        head: head.toString(),
        partition,
        partitions,
        pageSize: options.pageSize ?? 2500,
        cacheMiB: options.cacheMiB ?? 512,
      };
      // A young generation big enough for a page of parsed events keeps them out of the old generation.
      return startWorker(__dirname, 'rebuild-partition', job, __filename.endsWith('.js'), {
        resourceLimits: { maxYoungGenerationSizeMb: 192 },
      });
    });
    let counts: number[];
    try {
      counts = await Promise.all(
        workers.map((worker, partition) =>
          runWorker(worker, (n, position) => {
            done[partition] = n;
            reached[partition] = position;
            options.onProgress?.(
              done.reduce((a, b) => a + b, 0),
              reached.reduce((a, b) => (b < a ? b : a)),
              head,
            );
          }),
        ),
      );
    } catch (error) {
      // One thread failed: stop the others before their scratch files are removed.
      await Promise.all(workers.map((w) => w.terminate()));
      throw error;
    }
    const buildSeconds = seconds(started);
    const merging = process.hrtime.bigint();
    const swaps = mergePartitions(live, runner, stageFiles, projections, head);
    const longestSwap = swaps.reduce((a, b) => (b.seconds > a.seconds ? b : a));
    const mergeSeconds = seconds(merging);
    const caughtUp = runner.catchUp();
    return { events: counts.reduce((a, b) => a + b, 0), head, partitions, buildSeconds, mergeSeconds, longestSwap, caughtUp };
  } finally {
    for (const f of stageFiles) rmSync(f, { force: true });
  }
}

function runWorker(worker: Worker, onPage: (done: number, position: bigint) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    let events = 0;
    worker.on('message', (m: { type: 'page' | 'done'; done?: number; position?: string; events?: number }) => {
      if (m.type === 'page') onPage(m.done!, BigInt(m.position!));
      else events = m.events!;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve(events) : reject(new Error(`rebuild thread exited with code ${code}`))));
  });
}

/**
 * Scratch files of a rebuild that was killed (every normal or failed end removes its own): called under the rebuild
 * lock, so none of them belongs to a running rebuild, and they do not pile up next to the store.
 */
function removeAbandonedStageFiles(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.rebuild-`;
  for (const name of readdirSync(dir)) if (name.startsWith(prefix)) rmSync(path.join(dir, name), { force: true });
}
