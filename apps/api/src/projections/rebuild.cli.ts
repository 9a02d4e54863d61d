import * as path from 'node:path';
import { openSqlite } from '@app/event-store/sqlite/sqlite.open';
import { ALL_PROJECTIONS, Projection, ProjectionRunner } from '@app/projections';

/**
 * `npm run projections:rebuild [name]`: clears the named read model (or all) and rebuilds it from the first event,
 * with a progress bar and events/s. Safe while the API serves: runners apply a page only past their checkpoint.
 */
const ALL: Projection[] = ALL_PROJECTIONS;

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function isEmptyTableOf(db: ReturnType<typeof openSqlite>, index: string): boolean {
  const { tbl_name } = db.prepare(`SELECT tbl_name FROM sqlite_master WHERE name = ?`).get(index) as { tbl_name: string };
  return db.prepare(`SELECT 1 FROM "${tbl_name}" LIMIT 1`).get() === undefined;
}

function main(): number {
  const name = process.argv[2];
  const selected = name ? ALL.filter((p) => p.name === name) : ALL;
  if (!selected.length) {
    console.error(`没有名为 ${name} 的读模型 (no projection named ${name}); known: ${ALL.map((p) => p.name).join(', ')}`);
    return 2;
  }
  const file = path.join(path.resolve(process.env.DATA_DIR || './data'), 'casetrail.db');
  const db = openSqlite(file);
  // Read models are derived: a power cut may lose the last pages (they are replayed from their checkpoint, committed
  // with them), and WAL with synchronous=NORMAL never corrupts the file. The events keep FULL on the writer's connection.
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -131072');
  const total = Number((db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events').get() as { head: number }).head);
  const runner = new ProjectionRunner(db, selected, 10_000);
  for (const p of selected) runner.reset(p);
  // Bulk load: the secondary indexes of the tables just emptied are dropped and built once at the end (a sort),
  // instead of being updated row by row — the bulk of a rebuild's cost.
  const emptied = (db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name NOT IN ('events', 'streams', 'anchors', 'projection_checkpoints')`).all() as { name: string; sql: string }[]).filter((i) => isEmptyTableOf(db, i.name));
  for (const i of emptied) db.exec(`DROP INDEX "${i.name}"`);
  const started = process.hrtime.bigint();
  const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
  runner.catchUp((_done, position) => {
    const n = Number(position);
    process.stderr.write(`\r${bar(n, total)} ${n}/${total} events  ${Math.round(n / Math.max(seconds(), 1e-6)).toLocaleString('en')} events/s`);
  });
  for (const i of emptied) db.exec(i.sql);
  db.close();
  process.stderr.write('\n');
  console.log(`重建完成 rebuilt ${selected.map((p) => p.name).join(', ')}: ${total} events in ${seconds().toFixed(2)} s = ${Math.round(total / Math.max(seconds(), 1e-6)).toLocaleString('en')} events/s`);
  return 0;
}

process.exitCode = main();
