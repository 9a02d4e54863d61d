import type { Database } from 'better-sqlite3';
import { GENESIS_HASH, eventHash, globalHash } from '../common/hash-chain';
import type { EventRow } from './sqlite.statements';

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
  // Tamper evidence (docs/supervision.md §1): per-stream and global hash chains, and the anchors of the global chain.
  `
  ALTER TABLE events ADD COLUMN prev_hash TEXT;
  ALTER TABLE events ADD COLUMN hash TEXT;
  ALTER TABLE events ADD COLUMN global_hash TEXT;
  ALTER TABLE streams ADD COLUMN hash TEXT;
  CREATE TABLE anchors (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    position INTEGER NOT NULL,
    global_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    reason TEXT NOT NULL
  );
  `,
  // The anchor covering a position (a dossier's seal) is a seek, not a walk through every anchor of the log.
  `CREATE INDEX anchors_position ON anchors (position);`,
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
      if (step === 1) backfillHashes(db);
      db.pragma(`user_version = ${step + 1}`);
    }).immediate();
  }
}

/** Files written before the hash chains existed get theirs computed once, in commit order. */
function backfillHashes(db: Database): void {
  const rows = db
    .prepare('SELECT position, event_id, stream_id, revision, type, data, metadata FROM events ORDER BY position')
    .safeIntegers(true)
    .iterate() as Iterable<Omit<EventRow, 'prev_hash' | 'hash'>>;
  const update = db.prepare('UPDATE events SET prev_hash = ?, hash = ?, global_hash = ? WHERE position = ?');
  const streamHash = db.prepare('UPDATE streams SET hash = ? WHERE stream_id = ?');
  const last = new Map<string, string>();
  let global = GENESIS_HASH;
  const pending: [string, string, string, bigint][] = [];
  for (const r of rows) {
    const prev = last.get(r.stream_id) ?? GENESIS_HASH;
    const hash = eventHash(prev, {
      streamId: r.stream_id,
      revision: Number(r.revision),
      id: r.event_id,
      type: r.type,
      data: r.data,
      metadata: r.metadata,
    });
    global = globalHash(global, hash);
    last.set(r.stream_id, hash);
    pending.push([prev, hash, global, r.position]);
  }
  for (const p of pending) update.run(...p);
  for (const [streamId, hash] of last) streamHash.run(hash, streamId);
}

function readVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
