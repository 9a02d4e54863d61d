import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Opens the store's file with the pragmas durability needs: WAL, and synchronous=FULL so that an acknowledged
 * commit survives power loss, not only a process crash (architecture §5).
 */
export function openSqlite(filename: string, busyTimeoutMs = 5000): Database.Database {
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
