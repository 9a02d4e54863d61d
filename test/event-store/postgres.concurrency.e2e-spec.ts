import {
  GENESIS_HASH,
  PostgresEventStore,
  PostgresEventStoreOptions,
  StoredEvent,
  WrongExpectedRevisionError,
  eventHash,
  globalHash,
} from '@app/event-store';
import { collect, ids, newEvents, waitUntil } from '@app/event-store/testing';
import { Client } from 'pg';
import { describeWithPostgres, dropSchema, freshSchemaName, withClient } from '../support/postgres';

/**
 * Global order under truly concurrent writers: several store instances (each its own pool, as separate processes
 * would have) write to one schema while subscribers on yet another instance follow live. The hazard this guards
 * against is a position that commits after a higher one; the first test shows it happening on a plain bigserial
 * table, the others that the store's serialised appends never let it happen.
 */
describeWithPostgres('PostgreSQL event store under concurrent writers', (url) => {
  let schema: string;
  const opened: PostgresEventStore[] = [];
  const open = async (options: Partial<PostgresEventStoreOptions> = {}) => {
    const store = await PostgresEventStore.open({ connectionString: url, schema, poolSize: 4, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    schema = freshSchemaName('conc');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await dropSchema(url, schema);
  });

  /** Resolves when a transaction is queued behind the append lock of `schema` (seen in pg_locks, not guessed by time). */
  const waitForAppendLockWaiter = (probe: Client) =>
    waitUntilAsync(
      async () => {
        const { rows } = await probe.query<{ n: string }>(
          `SELECT count(*) AS n FROM pg_locks l, (SELECT hashtextextended('casetrail.append:' || $1::text, 0) AS k) x
         WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objsubid = 1
           AND l.classid::bigint = ((x.k >> 32) & 4294967295) AND l.objid::bigint = (x.k & 4294967295)`,
          [schema],
        );
        return Number(rows[0].n) > 0;
      },
      'a second appender waits for the append lock',
      10_000,
    );

  it('the hazard is real: on a plain bigserial table a naive "position > checkpoint" reader skips a late commit', async () => {
    await withClient(url, async (setup) => {
      await setup.query(`CREATE SCHEMA "${schema}"; CREATE TABLE "${schema}".naive (position BIGSERIAL PRIMARY KEY, label TEXT NOT NULL)`);
    });
    const [slow, fast, reader] = [
      new Client({ connectionString: url }),
      new Client({ connectionString: url }),
      new Client({ connectionString: url }),
    ];
    await Promise.all([slow.connect(), fast.connect(), reader.connect()]);
    try {
      await slow.query('BEGIN');
      const p1 = (await slow.query(`INSERT INTO "${schema}".naive (label) VALUES ('slow') RETURNING position`)).rows[0].position;
      await fast.query('BEGIN');
      const p2 = (await fast.query(`INSERT INTO "${schema}".naive (label) VALUES ('fast') RETURNING position`)).rows[0].position;
      await fast.query('COMMIT');

      // The naive subscriber: read past the checkpoint, move the checkpoint to the last position seen.
      let checkpoint = '0';
      const seen: string[] = [];
      const naiveRead = async () => {
        const { rows } = await reader.query(
          `SELECT position::text, label FROM "${schema}".naive WHERE position > $1 ORDER BY naive.position`,
          [checkpoint],
        );
        for (const row of rows) {
          seen.push(row.label);
          checkpoint = row.position;
        }
      };
      await naiveRead(); // sees position 2 only: 1 is not committed yet
      await slow.query('COMMIT'); // position 1 becomes visible, below the checkpoint
      await naiveRead();

      expect([p1, p2]).toEqual(['1', '2']);
      expect(seen).toEqual(['fast']); // 'slow' (position 1) was skipped for good
      const all = (await reader.query(`SELECT label FROM "${schema}".naive ORDER BY naive.position`)).rows.map((r) => r.label);
      expect(all).toEqual(['slow', 'fast']);
    } finally {
      await Promise.all([slow.end(), fast.end(), reader.end()]);
    }
  });

  it('the same interleaving through the store: the later appender waits for the earlier commit, so no reader can skip', async () => {
    let entered!: () => void;
    const holding = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let gated = true;
    // Store A stops inside its first transaction, rows written and positions taken, not yet committed.
    const a = await open({
      beforeCommit: async () => {
        if (!gated) return;
        gated = false;
        entered();
        await gate;
      },
    });
    const b = await open();
    const c = await open();
    const subscriber = collect(c.subscribe());

    const settled: string[] = [];
    const slow = a.append('slow', newEvents(3), 'no_stream').then((r) => (settled.push('slow'), r));
    await holding;
    const fast = b.append('fast', newEvents(2), 'no_stream').then((r) => (settled.push('fast'), r));

    // Released in finally too: if the store failed to serialise, A must not be left holding its transaction open.
    await withClient(url, async (probe) => {
      try {
        await waitForAppendLockWaiter(probe);
        // With a bigserial, B would have committed by now and a naive reader would have moved past A's positions.
        const visible = (await probe.query(`SELECT count(*)::int AS n FROM "${schema}".events`)).rows[0].n;
        expect(visible).toBe(0);
        expect(settled).toEqual([]); // neither append is acknowledged while A holds the lock
        release();
        const [s, f] = await Promise.all([slow, fast]);

        // Not the order in which the two promises settled: two connections' replies may be read in either order. The
        // positions tell the commit order: B's were taken after A's commit.
        expect(s.events.map((e) => e.position)).toEqual([1n, 2n, 3n]);
        expect(f.events.map((e) => e.position)).toEqual([4n, 5n]);
        await waitUntil(() => subscriber.lastPosition() >= 5n, 'the subscriber on a third instance sees both appends');
        expect(ids(subscriber.events)).toEqual([...ids(s.events), ...ids(f.events)]);
      } finally {
        release();
      }
    });
    subscriber.subscription.unsubscribe();
  });

  it('8 writers on two store instances with stalled commits, two live subscribers: each sees exactly readAll, and the chains hold', async () => {
    const WRITERS = 8;
    const APPENDS = 40;
    // Commits of instance A stall for a moment now and then while holding the lock: B's appends pile up behind it and
    // go in as one group commit, the pattern that would reorder commits if positions were handed out before the lock.
    let n = 0;
    const a = await open({ beforeCommit: () => new Promise((resolve) => setTimeout(resolve, n++ % 3 === 0 ? 5 : 0)) });
    const b = await open();
    const watcher = await open({ poolSize: 2 });
    const early = collect(watcher.subscribe());
    const onWriter = collect(a.subscribe());
    let late: ReturnType<typeof collect> | undefined;

    const contested = { wins: 0, losses: 0 };
    const writer = async (w: number) => {
      const store = w % 2 === 0 ? a : b;
      const revisions = new Map<string, number>();
      for (let i = 0; i < APPENDS; i++) {
        const streamId = `w${w}-s${i % 5}`;
        const result = await store.append(streamId, newEvents(1 + ((w + i) % 3)), revisions.get(streamId) ?? 'no_stream');
        revisions.set(streamId, result.nextExpectedRevision);
        if (w === 0 && i === APPENDS / 2) late = collect(watcher.subscribe(0n));
        if (i % 4 === 0) {
          // Optimistic concurrency across instances: read, then append at that revision; losers get WrongExpectedRevision.
          const last = (await store.readStream('contested')).at(-1)?.revision;
          try {
            await store.append('contested', newEvents(1), last ?? 'no_stream');
            contested.wins++;
          } catch (error) {
            if (!(error instanceof WrongExpectedRevisionError)) throw error;
            contested.losses++;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    const head = await b.headPosition();
    for (const s of [early, onWriter, late!]) await waitUntil(() => s.lastPosition() >= head, 'a subscriber reaches the head');
    const all = await watcher.readAll();

    expect(all.length).toBeGreaterThan(WRITERS * APPENDS);
    // Dense positions: no hole for a reader to wait on, none that a late commit could fill.
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => BigInt(i + 1)));
    for (const s of [early, onWriter, late!]) {
      expect(s.error).toBeUndefined();
      expect(s.events).toEqual(all);
    }
    expect(contested.wins).toBe((await a.readStream('contested')).length);
    expect(contested.wins + contested.losses).toBe(WRITERS * (APPENDS / 4));

    // Both hash chains, recomputed from the rows, match what two independent writers stored.
    await withClient(url, async (probe) => {
      const rows = (
        await probe.query(
          `SELECT position::text, event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash FROM "${schema}".events ORDER BY events.position`,
        )
      ).rows;
      const last = new Map<string, string>();
      let global = GENESIS_HASH;
      for (const r of rows) {
        const prev = last.get(r.stream_id) ?? GENESIS_HASH;
        expect(r.prev_hash).toBe(prev);
        const hash = eventHash(prev, {
          streamId: r.stream_id,
          revision: r.revision,
          id: r.event_id,
          type: r.type,
          data: r.data,
          metadata: r.metadata,
        });
        expect(r.hash).toBe(hash);
        global = globalHash(global, hash);
        expect(r.global_hash).toBe(global);
        last.set(r.stream_id, hash);
      }
    });
    for (const s of [early, onWriter, late!]) s.subscription.unsubscribe();
  });

  it('a subscriber on another instance keeps following after its LISTEN connection is cut (re-LISTEN, not the poll)', async () => {
    const writer = await open();
    // The poll would also deliver; an hour-long interval leaves NOTIFY as the only way in during this test.
    const reader = await open({ pollIntervalMs: 3_600_000 });
    const subscriber = collect(reader.subscribe());
    const first = await writer.append('s', newEvents(2), 'no_stream');
    await waitUntil(() => subscriber.lastPosition() >= first.position, 'the first events arrive by NOTIFY');

    const pid = reader.listenerPid!;
    expect(pid).toEqual(expect.any(Number));
    await withClient(url, (c) => c.query('SELECT pg_terminate_backend($1)', [pid]));
    await waitUntil(
      () => reader.listenerConnections === 2 && reader.listenerPid !== null && reader.listenerPid !== pid,
      'the listener reconnects',
    );

    const second = await writer.append('s', newEvents(3), 1);
    await waitUntil(() => subscriber.lastPosition() >= second.position, 'the later events arrive by NOTIFY on the new connection');
    expect(ids(subscriber.events)).toEqual([...ids(first.events), ...ids(second.events)]);
    subscriber.subscription.unsubscribe();
  });

  it('without LISTEN the poll alone delivers every commit of another instance, in order', async () => {
    const writer = await open();
    const reader = await open({ listen: false, pollIntervalMs: 20 });
    expect(reader.listenerConnections).toBe(0);
    const subscriber = collect(reader.subscribe());
    const appended: StoredEvent[] = [];
    for (let i = 0; i < 5; i++) appended.push(...(await writer.append(`s${i % 2}`, newEvents(2), 'any')).events);
    await waitUntil(() => subscriber.lastPosition() >= appended[appended.length - 1].position, 'the poll finds the commits');
    expect(subscriber.events).toEqual(appended);
    subscriber.subscription.unsubscribe();
  });
});

async function waitUntilAsync(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
