import type { Database } from 'better-sqlite3';
import { StoredEvent } from '@app/event-store';
import type { PgQueryable } from './postgres/pg-sql';

/** The thin I/O of a read model in the embedded SQLite file (synchronous: better-sqlite3). */
export interface SqliteProjectionStore<R> {
  setup(db: Database): void;
  clear(db: Database): void;
  write(db: Database, rows: R[]): void;
}

/**
 * The same read model in PostgreSQL: the same tables, columns and row semantics, so the same queries answer the same.
 * `schema` is the quoted schema identifier every statement names (the connection may be shared with the event store,
 * so nothing relies on search_path). `write` gets a whole page of rows and batches them.
 */
export interface PgProjectionStore<R> {
  setup(db: PgQueryable, schema: string): Promise<void>;
  clear(db: PgQueryable, schema: string): Promise<void>;
  write(db: PgQueryable, schema: string, rows: R[]): Promise<void>;
}

/**
 * A read model (docs/architecture.md §4.6): a pure `evolve` from one event to the rows it contributes, shared by every
 * dialect, plus per dialect the thin I/O that creates, clears and writes its tables. The runners call `write` in the
 * same transaction as the checkpoint.
 */
export interface Projection<R = unknown> {
  readonly name: string;
  /** Bump to rebuild from zero on the next start (the rows' shape changed). */
  readonly version: number;
  /**
   * True when the rows a stream's events produce depend on that stream's events only (every read model keyed by
   * case or by position): a rebuild may then split the streams among threads and merge their tables. A read model
   * that combines streams (a running total across cases) leaves it unset and is rebuilt in one pass.
   */
  readonly streamLocal?: boolean;
  /** True when `evolve` reads the events' hash chain (`prevHash`, `hash`); a rebuild skips those columns otherwise. */
  readonly readsHashChain?: boolean;
  evolve(event: StoredEvent): R[];
  readonly sqlite: SqliteProjectionStore<R>;
  readonly postgres: PgProjectionStore<R>;
}

/** The rows a page of events contributes to a projection, in event order (only events after `after`, when given). */
export function rowsOf<R>(p: Projection<R>, events: readonly StoredEvent[], after = -1n): R[] {
  const rows: R[] = [];
  for (const e of events) if (e.position > after) for (const row of p.evolve(e)) rows.push(row);
  return rows;
}
