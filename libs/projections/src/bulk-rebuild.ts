import { openSqliteProjectionHost } from '@app/event-store';
import { Projection } from './projection';
import { RebuildReport, rebuildReadModels } from './rebuild/rebuild-read-models';

export interface BulkRebuildOptions {
  projections: Projection[];
  /** Threads to split the streams among (stream-local read models only; others are rebuilt in one pass). */
  threads: number;
  /** Events folded so far, and the position every thread has passed (of `head`). */
  onProgress?: (events: number, position: bigint, head: bigint) => void;
}

/**
 * Rebuilding read models from the first event in bulk, while the service keeps serving (`npm run projections:rebuild`):
 * a capability of the stores whose read models live next to their events (the SQLite file).
 */
export interface BulkRebuild {
  rebuild(options: BulkRebuildOptions): Promise<RebuildReport>;
}
export const BULK_REBUILD = Symbol('BULK_REBUILD');

/** The bulk rebuild of the read models in the SQLite store's file (rebuildReadModels, on a connection of its own). */
export function sqliteBulkRebuild(file: string): BulkRebuild {
  return {
    rebuild: async (options) => {
      const live = openSqliteProjectionHost(file);
      // Read models are derived: a power cut may lose the swap's last pages (the checkpoints go with them, so they are
      // replayed), and WAL with synchronous=NORMAL never corrupts the file. The events keep FULL on the writer's connection.
      live.db.pragma('synchronous = NORMAL');
      live.db.pragma('cache_size = -1048576');
      live.db.pragma('threads = 2');
      live.db.pragma('temp_store = MEMORY');
      try {
        return await rebuildReadModels({ file, live: live.db, ...options });
      } finally {
        live.close();
      }
    },
  };
}
