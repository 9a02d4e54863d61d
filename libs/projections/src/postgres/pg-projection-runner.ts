import { ClientBase, Pool, PoolClient } from 'pg';
import { EventStore } from '@app/event-store';
import { Projection, rowsOf } from '../projection';
import { ProjectionStatus } from '../sqlite-projection-runner';
import { NUMERIC_TYPES, PgQueryable, pgFunctionsSql, quoteSchema } from './pg-sql';

interface CheckpointRow {
  name: string;
  version: number;
  position: number;
}

/**
 * Creates what the read models need in `schema` (the schema itself, the helper functions, the checkpoints table and
 * every projection's tables), idempotently. Every instance runs it at start-up, so that reads find the tables even
 * before the instance that runs the projections has caught up; a transaction-scoped advisory lock makes concurrent
 * start-ups take turns (concurrent CREATE … IF NOT EXISTS and CREATE OR REPLACE FUNCTION can otherwise fail).
 */
export async function setupPgReadModels(db: PgQueryable, schema: string, projections: Projection[]): Promise<void> {
  const s = quoteSchema(schema);
  await inTransaction(db, async (c) => {
    await c.query(`SELECT pg_advisory_xact_lock(hashtextextended('casetrail.read-models.setup:' || $1::text, 0))`, [schema]);
    // Checked first: CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists.
    if (!(await c.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema])).rowCount) await c.query(`CREATE SCHEMA ${s}`);
    await c.query(pgFunctionsSql(s));
    await c.query(`CREATE TABLE IF NOT EXISTS ${s}.projection_checkpoints (
      name TEXT COLLATE "C" PRIMARY KEY, version INTEGER NOT NULL, position BIGINT NOT NULL, updated_at TEXT COLLATE "C" NOT NULL
    )`);
    for (const p of projections) await p.postgres.setup(c, s);
  });
}

/** Runs `fn` in a transaction on one connection (a pool lends one for the while). */
export async function inTransaction<T>(db: PgQueryable, fn: (client: ClientBase) => Promise<T>): Promise<T> {
  const lent: PoolClient | null = db instanceof Pool ? await db.connect() : null;
  const client: ClientBase = lent ?? (db as ClientBase);
  try {
    await client.query('BEGIN');
    try {
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    lent?.release();
  }
}

export interface PgProjectionRunnerOptions {
  /** Where events come from: any adapter, through the port. */
  store: Pick<EventStore, 'readAll'>;
  /**
   * The connection the read models are written on. Give the lease's own connection (PgLease.client): a runner whose
   * lease is lost then cannot commit anything, because losing the lease means this very connection is gone.
   */
  db: ClientBase;
  schema: string;
  projections: Projection[];
  pageSize?: number;
  /** Fault injection for tests: awaited inside each page's transaction, after its rows are written, before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

/**
 * Feeds projections from any event store into PostgreSQL, in position order, in pages; each page's rows and the
 * projections' checkpoints commit in one transaction, so a restart (or another instance taking over) resumes exactly
 * where the last commit left off.
 *
 * No event is applied twice even if two runners work at once (a lease handed over while the old holder is still
 * busy, or the rebuild tool next to a running instance): each page's transaction locks the checkpoint rows
 * (SELECT … FOR UPDATE), reads them again under the lock, and applies to each projection only the events after its
 * checkpoint as committed by whoever ran before.
 */
export class PgProjectionRunner {
  private readonly s: string;
  private readonly pageSize: number;

  constructor(private readonly options: PgProjectionRunnerOptions) {
    this.s = quoteSchema(options.schema);
    this.pageSize = options.pageSize ?? 5000;
  }

  /** Creates the tables, a checkpoint at zero for each new projection, and resets those whose version changed. */
  async setup(): Promise<void> {
    const { db, schema, projections } = this.options;
    await setupPgReadModels(db, schema, projections);
    await db.query(
      `INSERT INTO ${this.s}.projection_checkpoints (name, version, position, updated_at) SELECT name, version, 0, $3 FROM unnest($1::text[], $2::int[]) AS u(name, version)
       ON CONFLICT (name) DO NOTHING`,
      [projections.map((p) => p.name), projections.map((p) => p.version), new Date().toISOString()],
    );
    const checkpoints = await this.checkpoints();
    for (const p of projections) if (checkpoints.get(p.name)!.version < p.version) await this.reset(p);
  }

  async status(): Promise<ProjectionStatus[]> {
    const checkpoints = await this.checkpoints();
    return this.options.projections.map((p) => ({
      name: p.name,
      version: p.version,
      position: String(checkpoints.get(p.name)?.position ?? 0),
    }));
  }

  /** Clears a projection and moves its checkpoint back to zero (the next catch-up rebuilds it). */
  async reset(p: Projection): Promise<void> {
    await inTransaction(this.options.db, async (c) => {
      await c.query(`SELECT 1 FROM ${this.s}.projection_checkpoints WHERE name = $1 FOR UPDATE`, [p.name]);
      await p.postgres.clear(c, this.s);
      await this.saveCheckpoint(c, p, 0);
    });
  }

  /** Applies one page of events to every projection behind; returns how many events it read (0 when caught up). */
  async step(): Promise<number> {
    const { projections, store, db } = this.options;
    const before = await this.checkpoints();
    const mine = projections.filter((p) => before.get(p.name)?.version === p.version);
    if (!mine.length) return 0;
    const from = mine.reduce((min, p) => Math.min(min, before.get(p.name)!.position), Number.MAX_SAFE_INTEGER);
    const events = await store.readAll({ after: BigInt(from), limit: this.pageSize });
    if (!events.length) return 0;
    const last = events[events.length - 1].position;
    await inTransaction(db, async (c) => {
      const locked = await this.checkpoints(c, true);
      for (const p of mine) {
        const cp = locked.get(p.name);
        // Another runner may have moved on (cp > from: apply only what is still missing), reset the projection
        // (cp < from: this page does not reach back that far; the next step starts lower), or be newer code that
        // rebuilt it to another version (leave it to that code).
        if (!cp || cp.version !== p.version || cp.position < from || BigInt(cp.position) >= last) continue;
        await p.postgres.write(c, this.s, rowsOf(p, events, BigInt(cp.position)));
        await this.saveCheckpoint(c, p, last);
      }
      await this.options.beforeCommit?.();
    });
    return events.length;
  }

  /** Runs pages until caught up; `onPage` reports progress (events done so far, lowest checkpoint). */
  async catchUp(onPage?: (done: number, position: bigint) => void): Promise<number> {
    let done = 0;
    for (let n = await this.step(); n > 0; n = await this.step()) {
      done += n;
      if (onPage) onPage(done, BigInt(Math.min(...[...(await this.checkpoints()).values()].map((c) => c.position))));
    }
    return done;
  }

  private async checkpoints(c: PgQueryable = this.options.db, forUpdate = false): Promise<Map<string, CheckpointRow>> {
    const { rows } = await c.query({
      text: `SELECT name, version, position FROM ${this.s}.projection_checkpoints WHERE name = ANY($1::text[]) ORDER BY name${forUpdate ? ' FOR UPDATE' : ''}`,
      values: [this.options.projections.map((p) => p.name)],
      types: NUMERIC_TYPES,
    });
    return new Map((rows as CheckpointRow[]).map((r) => [r.name, r]));
  }

  private async saveCheckpoint(c: PgQueryable, p: Projection, position: bigint | number): Promise<void> {
    await c.query(
      `INSERT INTO ${this.s}.projection_checkpoints (name, version, position, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`,
      [p.name, p.version, position.toString(), new Date().toISOString()],
    );
  }
}
