import type { Database } from 'better-sqlite3';
import { Projection } from '../projection';
import { readModelSchema } from './read-model-schema';

/**
 * Swaps rebuilt read models into the live file in one transaction: each table is dropped and created afresh, filled
 * from every partition's stage file, then its secondary indexes are built (a sort, much cheaper than keeping them
 * while rows arrive), and the projections' checkpoints move to `head`. Readers see the old tables until the commit
 * and the new ones after it; writers (the store's appends, the live projection runner) wait for the lock meanwhile.
 */
export function mergePartitions(live: Database, stageFiles: string[], projections: Projection[], head: bigint): void {
  const { tables, indexes } = readModelSchema(projections);
  const aliases = stageFiles.map((_, k) => `rebuild_${k}`);
  stageFiles.forEach((file, k) => live.prepare(`ATTACH DATABASE ? AS ${aliases[k]}`).run(file));
  try {
    const checkpoint = live.prepare(
      `INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`,
    );
    live.transaction(() => {
      for (const t of tables) {
        live.exec(`DROP TABLE IF EXISTS main."${t.name}"`);
        live.exec(t.sql);
        for (const alias of aliases) live.exec(`INSERT INTO main."${t.name}" SELECT * FROM ${alias}."${t.name}"`);
      }
      for (const i of indexes) live.exec(i.sql);
      const now = new Date().toISOString();
      for (const p of projections) checkpoint.run(p.name, p.version, head, now);
    }).immediate();
  } finally {
    for (const alias of aliases) live.exec(`DETACH DATABASE ${alias}`);
  }
}
