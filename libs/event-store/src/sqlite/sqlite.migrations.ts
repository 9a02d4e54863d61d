import type { Database } from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many have run. Append new steps, never edit
 * a shipped one: existing files already ran it.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    -- AUTOINCREMENT so a position is never reused, even if the newest rows were ever removed.
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  );
  -- One row per stream with its last revision: the expected-revision check is a single primary-key lookup.
  CREATE TABLE streams (
    stream_id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database): void {
  const found = readVersion(db);
  if (found > SCHEMA_VERSION) {
    throw new Error(`Event store schema version ${found} is newer than this code supports (${SCHEMA_VERSION})`);
  }
  for (let step = found; step < SCHEMA_VERSION; step++) {
    // Re-read inside the write lock: another process may have migrated the same file meanwhile.
    db.transaction(() => {
      if (readVersion(db) > step) return;
      db.exec(MIGRATIONS[step]);
      db.pragma(`user_version = ${step + 1}`);
    }).immediate();
  }
}

function readVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
