import type { Database } from 'better-sqlite3';
import { StoredEvent } from '@app/event-store';

/**
 * A read model (architecture §4.6): a pure `evolve` from one event to the rows it contributes, plus the thin I/O
 * that creates, clears and writes its tables. The runner calls `write` in the same transaction as the checkpoint.
 */
export interface Projection<R = unknown> {
  readonly name: string;
  /** Bump to rebuild from zero on the next start (the rows' shape changed). */
  readonly version: number;
  setup(db: Database): void;
  clear(db: Database): void;
  evolve(event: StoredEvent): R[];
  write(db: Database, rows: R[]): void;
}
