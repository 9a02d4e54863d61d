import Database from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS, EVENT_COLUMNS, EventTuple, tupleToStoredEvent } from '@app/event-store';
import { projectionsNamed } from '../all-projections';
import { rowsOf } from '../projection';
import { readModelSchema } from './read-model-schema';
import { streamPartitionSql } from './stream-partition';

/** One thread's share of a rebuild: the streams of one partition, every event up to `head`, into its own stage file. */
export interface PartitionJob {
  liveFile: string;
  stageFile: string;
  projections: string[];
  /** The last position the rebuild covers (decimal string: bigint does not cross to a worker as workerData text). */
  head: string;
  partition: number;
  partitions: number;
  pageSize: number;
  cacheMiB: number;
}

/**
 * Builds the read models of one partition into a scratch SQLite file: no journal, no fsync, one writer — the file
 * is thrown away if anything stops half-way, and the live read models are untouched until the merge. Secondary
 * indexes are left out here and built once, by sorting, when the partitions are merged into the live file.
 * Returns how many events the partition held.
 */
export function buildPartition(job: PartitionJob, onPage?: (events: number, position: bigint) => void): number {
  const projections = projectionsNamed(job.projections);
  const live = new Database(job.liveFile, { readonly: true, fileMustExist: true });
  const stage = new Database(job.stageFile);
  try {
    live.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
    stage.pragma('journal_mode = OFF');
    stage.pragma('synchronous = OFF');
    stage.pragma('main.locking_mode = EXCLUSIVE');
    stage.pragma(`cache_size = -${job.cacheMiB * 1024}`);
    for (const p of projections) p.sqlite.setup(stage);
    for (const index of readModelSchema(projections).indexes) stage.exec(`DROP INDEX IF EXISTS "${index.name}"`);

    // The hash chain columns are a tenth of a row; only a read model that keeps them reads them.
    const columns = projections.some((p) => p.readsHashChain) ? EVENT_COLUMNS : EVENT_COLUMNS.replace('prev_hash, hash', 'NULL, NULL');
    const mine = job.partitions > 1 ? ` AND ${streamPartitionSql('stream_id', job.partitions)} = ${job.partition}` : '';
    const page = live
      .prepare(`SELECT ${columns} FROM events WHERE position > ? AND position <= ?${mine} ORDER BY position LIMIT ?`)
      .safeIntegers(true)
      .raw(true);
    const head = BigInt(job.head);
    let after = 0n;
    let done = 0;
    // One transaction for the whole partition: without a journal it costs nothing to keep open, and each page of the
    // read models is written to the file once instead of once per commit.
    stage.exec('BEGIN');
    for (;;) {
      const rows = page.all(after, head, job.pageSize) as EventTuple[];
      if (!rows.length) break;
      const events = rows.map(tupleToStoredEvent);
      for (const p of projections) p.sqlite.write(stage, rowsOf(p, events));
      after = rows[rows.length - 1][0];
      done += rows.length;
      onPage?.(done, after);
    }
    stage.exec('COMMIT');
    return done;
  } finally {
    stage.close();
    live.close();
  }
}
