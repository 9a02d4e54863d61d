import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * How long a write waits for another connection's write lock before failing. Generous on purpose: a read-model
 * rebuild swaps its tables in under the lock (about 3 s per million events for the audit trail), and a command or
 * the projection thread should wait that out rather than fail. Readers never wait (WAL).
 */
export const DEFAULT_BUSY_TIMEOUT_MS = 30_000;

/**
 * Opens the store's file with the pragmas durability needs: WAL, and synchronous=FULL so that an acknowledged
 * commit survives power loss, not only a process crash (docs/architecture.md §5).
 */
export function openSqlite(filename: string, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): Database.Database {
  if (filename !== ':memory:' && filename !== '' && !filename.startsWith('file:')) {
    mkdirSync(dirname(resolve(filename)), { recursive: true });
  }
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
