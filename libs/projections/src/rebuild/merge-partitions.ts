import type { Database } from 'better-sqlite3';
import { Projection } from '../projection';
import { SqliteProjectionRunner } from '../sqlite-projection-runner';
import { readModelSchema } from './read-model-schema';

/**
 * Swaps rebuilt read models into the live file, one transaction per projection (each has its own checkpoint, so each
 * swap is whole on its own, and the store's appends get the lock between them): its tables are dropped and created
 * afresh, filled from every partition's stage file, then their secondary indexes are built (a sort, much cheaper
 * than keeping them while rows arrive), and its checkpoint moves to `head`. Readers see the old tables until the
 * commit and the new ones after it; writers wait for the lock meanwhile. Returns how long each swap held the lock.
 */
export function mergePartitions(
  live: Database,
  runner: SqliteProjectionRunner,
  stageFiles: string[],
  projections: Projection[],
  head: bigint,
): { name: string; seconds: number }[] {
  const aliases = stageFiles.map((_, k) => `rebuild_${k}`);
  stageFiles.forEach((file, k) => live.prepare(`ATTACH DATABASE ? AS ${aliases[k]}`).run(file));
  try {
    const held: { name: string; seconds: number }[] = [];
    for (const p of projections) {
      const { tables, indexes } = readModelSchema([p]);
      const started = process.hrtime.bigint();
      live
        .transaction(() => {
          // A virtual table (full-text search) keeps its rows in shadow tables of its own: it is copied through itself.
          const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
          for (const t of tables) {
            if (virtual.some((v) => t.name.startsWith(`${v}_`))) continue;
            live.exec(`DROP TABLE IF EXISTS main."${t.name}"`);
            live.exec(t.sql);
            const union = aliases.map((alias) => `SELECT * FROM ${alias}."${t.name}"`).join(' UNION ALL ');
            if (virtual.includes(t.name)) {
              live.exec(`INSERT INTO main."${t.name}" ${union}`);
              continue;
            }
            // In key order across the partitions (SQLite merges the already ordered scans): every row is appended to the
            // table's B-tree, which stays densely packed, instead of splitting pages the other partitions filled.
            live.exec(`INSERT INTO main."${t.name}" ${union} ORDER BY ${primaryKey(live, t.name)}`);
          }
          for (const i of indexes) live.exec(i.sql);
          runner.moveCheckpoint(p, head);
        })
        .immediate();
      held.push({ name: p.name, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    }
    return held;
  } finally {
    for (const alias of aliases) live.exec(`DETACH DATABASE ${alias}`);
  }
}

/** The table's primary key columns in order, or its rowid when it declares none. */
function primaryKey(db: Database, table: string): string {
  const columns = (db.prepare(`PRAGMA main.table_info("${table}")`).all() as { name: string; pk: number }[])
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk);
  return columns.length ? columns.map((c) => `"${c.name}"`).join(', ') : 'rowid';
}
