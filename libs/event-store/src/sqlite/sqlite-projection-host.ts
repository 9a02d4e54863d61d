import Database from 'better-sqlite3';
import { SqliteProjectionHost } from '../capabilities';
import { DEFAULT_BUSY_TIMEOUT_MS, openSqlite } from './sqlite.open';
import { EVENT_COLUMNS, EventTuple, tupleToStoredEvent } from './sqlite.statements';

/** The projection host over a connection to the store's file (the statements are prepared on first use). */
export function sqliteProjectionHost(db: Database.Database, filename: string): SqliteProjectionHost {
  let page: Database.Statement | null = null;
  let head: Database.Statement | null = null;
  return {
    filename,
    db,
    readPage: (after, limit) => {
      page ??= db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).safeIntegers(true).raw(true);
      return (page.all(after, limit) as EventTuple[]).map(tupleToStoredEvent);
    },
    headPosition: () => {
      head ??= db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').safeIntegers(true);
      return (head.get() as { head: bigint }).head;
    },
  };
}

export interface OpenProjectionHostOptions {
  /** A read-only connection (another process may be writing the file). Default false. */
  readonly?: boolean;
  busyTimeoutMs?: number;
  /**
   * For a connection that writes read models only: its commits are not flushed to disk one by one (synchronous =
   * NORMAL; the WAL stays consistent). Read models and their checkpoints commit together and are rebuilt from the
   * events, so a commit lost to a power cut is applied again; each flush held the write lock appends wait for.
   */
  readModelsOnly?: boolean;
}

/**
 * A connection of its own to a store's existing file, for read models written next to the events: a projection
 * thread, a rebuild, a test. Opened with the store's pragmas (WAL, the busy timeout), or read-only.
 */
export function openSqliteProjectionHost(
  filename: string,
  options: OpenProjectionHostOptions = {},
): SqliteProjectionHost & { close(): void } {
  let db: Database.Database;
  if (options.readonly) {
    db = new Database(filename, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  } else {
    db = openSqlite(filename, options.busyTimeoutMs);
    if (options.readModelsOnly) db.pragma('synchronous = NORMAL');
  }
  return { ...sqliteProjectionHost(db, filename), close: () => db.close() };
}
