import { PoolClient } from 'pg';
import { AppendResult, DuplicateEventIdError, ExpectedRevision, StoredEvent, WrongExpectedRevisionError } from '../event-store.port';
import { SerializedEvent, checkExpectedRevision, resolveRetry, toAppendResult } from '../common/append-checks';
import { GENESIS_HASH, eventHash, globalHash } from '../common/hash-chain';
import { PgDatabase } from './pg-database';
import { PgEventRow, PgStatements, toStoredEvent } from './pg-statements';
import { PostgresUnavailableError } from './postgres.errors';

export interface PgAppendRequest {
  streamId: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
}

export interface PgGroupCommitOptions {
  /** Anchor the global chain whenever the head crosses a multiple of this many events (0: never). */
  anchorEvery: number;
  /** Most appends committed in one transaction. */
  maxBatch: number;
  /** Fault injection for tests: awaited inside every append transaction before COMMIT. */
  beforeCommit?: () => Promise<void>;
}

interface PendingAppend {
  request: PgAppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; wrote: boolean; stored: StoredEvent[] } | { ok: false; error: Error };

/**
 * Group commit: appends queued while a transaction runs share the next one (one append lock, one COMMIT, one fsync),
 * each still checked on its own so a failing append rejects only itself. Each transaction takes the append lock,
 * numbers its events after the head it then reads, extends both hash chains, anchors when the head crosses a multiple
 * of `anchorEvery`, and NOTIFYs the new head with its COMMIT.
 */
export class PgGroupCommit {
  private queue: PendingAppend[] = [];
  private writing = false;
  private drained: (() => void) | null = null;
  private commits = 0;

  constructor(
    private readonly db: PgDatabase,
    private readonly sql: PgStatements,
    private readonly options: PgGroupCommitOptions,
    /** After a commit that wrote events, with the new head. */
    private readonly onCommitted: (head: bigint) => void,
  ) {}

  /** Transactions committed so far; fewer than appends when group commit works. */
  get commitCount(): number {
    return this.commits;
  }

  append(request: PgAppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every append queued so far has committed or failed. */
  async idle(): Promise<void> {
    if (this.writing || this.queue.length) await new Promise<void>((resolve) => (this.drained = resolve));
  }

  private schedule(): void {
    if (this.writing) return;
    this.writing = true;
    // One turn of the event loop lets appends fired together share the first transaction too.
    setImmediate(() => void this.writeQueued());
  }

  private async writeQueued(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      await this.commitBatch(batch);
    }
    this.writing = false;
    this.drained?.();
  }

  private async commitBatch(batch: PendingAppend[]): Promise<void> {
    try {
      this.settle(batch, await this.transaction(batch));
    } catch (error) {
      if (batch.length === 1 || error instanceof PostgresUnavailableError) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // Something other than an append's own check failed the shared transaction, so nothing of it committed. Each
      // append then gets a transaction of its own, so the one at fault fails alone. Safe even if the COMMIT's outcome
      // was unknown: appends are idempotent by event id, so a repeat returns what the first attempt stored.
      for (const pending of batch) {
        try {
          this.settle([pending], await this.transaction([pending]));
        } catch (own) {
          pending.reject(own);
        }
      }
    }
  }

  private settle(batch: PendingAppend[], outcomes: Outcome[]): void {
    this.commits++;
    let head = 0n;
    batch.forEach((pending, i) => {
      const outcome = outcomes[i];
      if (!outcome.ok) return pending.reject(outcome.error);
      if (outcome.wrote) head = outcome.stored[outcome.stored.length - 1].position;
      pending.resolve(toAppendResult(pending.request.streamId, outcome.stored));
    });
    if (head > 0n) this.onCommitted(head);
  }

  /** One transaction: the append lock, each append checked and written in turn, the automatic anchor, NOTIFY, COMMIT. */
  private async transaction(batch: PendingAppend[]): Promise<Outcome[]> {
    const client = await this.db.connect();
    let failed = false;
    try {
      await client.query(this.sql.beginAndLock);
      try {
        const [head] = (await client.query<{ position: string; global_hash: string }>(this.sql.globalHead)).rows;
        const before = head ? BigInt(head.position) : 0n;
        const state = { position: before, global: head?.global_hash ?? GENESIS_HASH };
        const outcomes: Outcome[] = [];
        for (const { request } of batch) {
          try {
            outcomes.push(await this.writeAppend(client, request, state));
          } catch (error) {
            // An append's own refusal is decided before it writes anything, so the transaction goes on for the others.
            if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
            outcomes.push({ ok: false, error });
          }
        }
        const every = BigInt(this.options.anchorEvery);
        if (every > 0n && state.position / every > before / every) await client.query(this.sql.insertAnchor(state.position, state.global));
        if (this.options.beforeCommit) await this.options.beforeCommit();
        await client.query(state.position > before ? this.sql.notifyAndCommit(state.position) : 'COMMIT');
        return outcomes;
      } catch (error) {
        failed = true;
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } catch (error) {
      failed = true;
      throw this.db.wrap(error);
    } finally {
      // A connection whose transaction failed in an unknown way is not handed to the next caller.
      client.release(failed);
    }
  }

  private async writeAppend(
    client: PoolClient,
    { streamId, events, expected }: PgAppendRequest,
    state: { position: bigint; global: string },
  ): Promise<Outcome> {
    const ids = events.map((e) => e.id);
    const { rows } = await client.query<{
      kind: 'e' | 's';
      stream_id: string;
      revision: number;
      event_id: string | null;
      hash: string | null;
    }>(this.sql.check(ids, streamId));
    const found = new Map<string, { stream_id: string; revision: number }>();
    let stream: { revision: number; hash: string } | undefined;
    for (const row of rows) {
      if (row.kind === 's') stream = { revision: row.revision, hash: row.hash! };
      else found.set(row.event_id!, row);
    }
    if (found.size) {
      const first = found.get(ids[0]);
      if (!first)
        throw new DuplicateEventIdError(
          ids.find((id) => found.has(id))!,
          streamId,
        );
      const run = (await client.query<PgEventRow>(this.sql.readStream(first.stream_id, first.revision, ids.length))).rows.map(
        toStoredEvent,
      );
      return { ok: true, wrote: false, stored: resolveRetry(streamId, ids, run).events };
    }
    checkExpectedRevision(streamId, expected, stream?.revision);

    const base = stream ? stream.revision + 1 : 0;
    let prev = stream?.hash ?? GENESIS_HASH;
    let global = state.global;
    let position = state.position;
    const stored: StoredEvent[] = [];
    const columns = {
      positions: [] as string[],
      revisions: [] as number[],
      prevs: [] as string[],
      hashes: [] as string[],
      globals: [] as string[],
    };
    events.forEach((event, i) => {
      const revision = base + i;
      const hash = eventHash(prev, { streamId, revision, id: event.id, type: event.type, data: event.data, metadata: event.metadata });
      global = globalHash(global, hash);
      position += 1n;
      columns.positions.push(String(position));
      columns.revisions.push(revision);
      columns.prevs.push(prev);
      columns.hashes.push(hash);
      columns.globals.push(global);
      // Parsed from the written text, so the result shares no object with the caller's input.
      stored.push({
        id: event.id,
        streamId,
        type: event.type,
        revision,
        position,
        data: JSON.parse(event.data) as unknown,
        metadata: JSON.parse(event.metadata) as StoredEvent['metadata'],
        prevHash: prev,
        hash,
      });
      prev = hash;
    });
    await client.query(
      this.sql.insert([
        columns.positions,
        ids,
        streamId,
        columns.revisions,
        events.map((e) => e.type),
        events.map((e) => e.data),
        events.map((e) => e.metadata),
        columns.prevs,
        columns.hashes,
        columns.globals,
        base + events.length - 1,
        prev,
      ]),
    );
    state.position = position;
    state.global = global;
    return { ok: true, wrote: true, stored };
  }
}
