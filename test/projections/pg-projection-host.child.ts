/**
 * Another casetrail instance, as far as the read models go: a PgProjectionHost over the events of a SQLite file,
 * run as its own process so that the test can SIGKILL it. Prints `leading` when it holds the lease, and `blocked`
 * when it sits inside the transaction of page BLOCK_AT_PAGE (before COMMIT), where it stays until killed.
 */
import { ALL_PROJECTIONS, PgProjectionHost } from '@app/projections';
import { appliedCounterProjection, sqliteReader } from './applied-counter';

const { SQLITE_FILE, PG_URL, SCHEMA, PAGE_SIZE, BLOCK_AT_PAGE } = process.env as Record<string, string>;
const store = sqliteReader(SQLITE_FILE);
let pages = 0;
const host = new PgProjectionHost({
  store,
  connection: PG_URL,
  schema: SCHEMA,
  projections: [...ALL_PROJECTIONS, appliedCounterProjection],
  pageSize: Number(PAGE_SIZE),
  retryIntervalMs: 50,
  checkIntervalMs: 50,
  pollIntervalMs: 50,
  onLeading: (leading) => leading && process.stdout.write('leading\n'),
  beforeCommit: async () => {
    if (++pages !== Number(BLOCK_AT_PAGE)) return;
    process.stdout.write('blocked\n');
    await new Promise(() => undefined);
  },
});
host.start();
