import { StoredEvent, openSqliteProjectionHost } from '@app/event-store';
import { Projection } from '@app/projections';

/**
 * A test read model that counts how often each event was applied: a second application of any event shows as
 * times = 2 (where the real read models might hide it, their statements being partly idempotent).
 */
export const appliedCounterProjection: Projection<bigint> = {
  name: 'applied-counter',
  version: 1,
  evolve: (e: StoredEvent) => [e.position],
  sqlite: {
    setup: (db) => void db.exec('CREATE TABLE IF NOT EXISTS applied (position INTEGER PRIMARY KEY, times INTEGER NOT NULL)'),
    clear: (db) => void db.exec('DELETE FROM applied'),
    write: (db, rows) => {
      const s = db.prepare('INSERT INTO applied (position, times) VALUES (?, 1) ON CONFLICT (position) DO UPDATE SET times = times + 1');
      for (const p of rows) s.run(p);
    },
  },
  postgres: {
    setup: async (db, s) =>
      void (await db.query(`CREATE TABLE IF NOT EXISTS ${s}.applied (position BIGINT PRIMARY KEY, times INTEGER NOT NULL)`)),
    clear: async (db, s) => void (await db.query(`DELETE FROM ${s}.applied`)),
    write: async (db, s, rows) =>
      void (await db.query(
        `INSERT INTO ${s}.applied (position, times) SELECT p, 1 FROM unnest($1::bigint[]) AS p ON CONFLICT (position) DO UPDATE SET times = applied.times + 1`,
        [rows.map(String)],
      )),
  },
};

/** The EventStore port's readAll over a SQLite file, read-only (another process may be writing it). */
export function sqliteReader(file: string) {
  const host = openSqliteProjectionHost(file, { readonly: true });
  return {
    readAll: async ({ after = 0n, limit = Number.MAX_SAFE_INTEGER }: { after?: bigint; limit?: number } = {}) =>
      host.readPage(after, limit),
    close: () => host.close(),
  };
}
