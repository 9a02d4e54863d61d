import { randomBytes } from 'node:crypto';
import { POSTGRES_SCHEMA_VERSION, PostgresEventStore, PostgresEventStoreOptions, PostgresUnavailableError } from '@app/event-store';
import { ids, newEvents, rejectionOf } from '@app/event-store/testing';
import { describeWithPostgres, dropSchema, freshSchemaName, withClient } from '../support/postgres';

/** What the PostgreSQL adapter adds to the shared contract: migrations, group commit, login errors, tamper evidence. */
describeWithPostgres('PostgreSQL event store adapter', (url) => {
  let schema: string;
  const opened: PostgresEventStore[] = [];
  const open = async (options: Partial<PostgresEventStoreOptions> = {}) => {
    const store = await PostgresEventStore.open({ connectionString: url, schema, poolSize: 3, ...options });
    opened.push(store);
    return store;
  };
  const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    withClient(url, async (c) => (await c.query(text, values)).rows as T[]);

  beforeEach(() => {
    schema = freshSchemaName('adapter');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await dropSchema(url, schema);
  });

  it('processes starting at once migrate the schema once; a restart applies nothing', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => open()));
    const versions = await sql<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(versions.map((v) => v.version)).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1));
    const tables = await sql<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
      [schema],
    );
    expect(tables.map((t) => t.table_name)).toEqual(['anchors', 'events', 'schema_migrations', 'streams']);

    await stores[0].append('s', newEvents(2), 'no_stream');
    await open();
    expect(await sql(`SELECT version FROM "${schema}".schema_migrations`)).toHaveLength(POSTGRES_SCHEMA_VERSION);
    expect(await stores[3].readStream('s')).toHaveLength(2);
  });

  it('refuses a schema migrated by newer code', async () => {
    await (await open()).close();
    await sql(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES ($1, 'from the future')`, [POSTGRES_SCHEMA_VERSION + 1]);
    const error = await rejectionOf(open());
    expect((error as Error).message).toContain(
      `is at version ${POSTGRES_SCHEMA_VERSION + 1}, newer than this code supports (${POSTGRES_SCHEMA_VERSION})`,
    );
  });

  it('appends fired together share one transaction (group commit)', async () => {
    const store = await open();
    const before = store.commitCount;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => store.append(`g-${i}`, newEvents(2), 'no_stream')));
    expect(store.commitCount - before).toBe(1);
    expect(results.map((r) => r.position)).toEqual([2n, 4n, 6n, 8n, 10n, 12n]);
  });

  it('an append the database itself rejects fails alone; the others of its group commit', async () => {
    const store = await open();
    // A stream id too long for a btree index entry: PostgreSQL aborts the statement, and with it the shared transaction.
    const tooLong = randomBytes(15_000).toString('base64');
    const settled = await Promise.allSettled([
      store.append('before', newEvents(1), 'no_stream'),
      store.append(tooLong, newEvents(1), 'no_stream'),
      store.append('after', newEvents(2), 'no_stream'),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(/index row/);
    const all = await store.readAll();
    expect(all.map((e) => e.streamId)).toEqual(['before', 'after', 'after']);
    expect(all.map((e) => e.position)).toEqual([1n, 2n, 3n]);
    expect((await store.capabilities.integrity.verify()).ok).toBe(true);
  });

  it('refuses NUL in ids, types and stream ids before anything is queued', async () => {
    const store = await open();
    const [event] = newEvents(1);
    expect(await rejectionOf(store.append('s\u0000', [event], 'any'))).toBeInstanceOf(TypeError);
    expect(await rejectionOf(store.append('s', [{ ...event, type: 'T\u0000' }], 'any'))).toBeInstanceOf(TypeError);
    // NUL inside data is fine: JSON writes it as the escape \u0000.
    await store.append('s', [{ ...event, data: { text: 'a\u0000b' } }], 'no_stream');
    expect((await store.readStream('s'))[0].data).toEqual({ text: 'a\u0000b' });
  });

  it('a wrong password or database is reported as unavailable, naming the target but not the password', async () => {
    const wrong = new URL(url);
    wrong.password = 'definitely-not-the-password';
    const badLogin = await rejectionOf(open({ connectionString: wrong.href }));
    expect(badLogin).toBeInstanceOf(PostgresUnavailableError);
    expect((badLogin as PostgresUnavailableError).code).toBe('28P01');
    expect((badLogin as Error).message).toContain(`${wrong.hostname}:${wrong.port || '5432'}`);
    expect((badLogin as Error).message).not.toContain('definitely-not-the-password');

    const noDb = new URL(url);
    noDb.pathname = '/casetrail_no_such_database';
    const missing = await rejectionOf(open({ connectionString: noDb.href }));
    expect(missing).toBeInstanceOf(PostgresUnavailableError);
    expect((missing as PostgresUnavailableError).code).toBe('3D000');
    expect((missing as Error).message).toContain('/casetrail_no_such_database');
  });

  it('keeps tamper evidence: edits, deletions and truncation are found at their position', async () => {
    const store = await open({ anchorEvery: 10 });
    for (let i = 0; i < 5; i++) await store.append(`case-${i % 2}`, newEvents(5), 'any');
    const clean = await store.capabilities.integrity.verify(7);
    expect(clean).toEqual({ ok: true, checkedEvents: 25, headPosition: '25', anchors: 2 });
    expect((await store.capabilities.integrity.listAnchors()).map((a) => a.position)).toEqual(['10', '20']);
    expect((await store.capabilities.integrity.anchorCovering(11n))?.position).toBe('20');
    expect(await store.capabilities.integrity.anchorCovering(21n)).toBeNull();

    await sql(`UPDATE "${schema}".events SET data = '{"n":99}' WHERE position = 12`);
    expect(await store.capabilities.integrity.verify()).toMatchObject({ ok: false, problem: { kind: 'edited', position: '12' } });
    await sql(`DELETE FROM "${schema}".events WHERE position = 12`);
    expect(await store.capabilities.integrity.verify()).toMatchObject({ ok: false, problem: { kind: 'missing', position: '12' } });
    await sql(`DELETE FROM "${schema}".events WHERE position >= 12`);
    expect(await store.capabilities.integrity.verify()).toMatchObject({ ok: false, problem: { kind: 'truncated', position: '12' } });
  });

  it('anchors the head on demand, as SQLite does, and verification checks that anchor', async () => {
    const store = await open({ anchorEvery: 0 });
    const integrity = store.capabilities.integrity;
    expect(await integrity.createAnchor('empty', new Date('2026-11-27T00:00:00Z'))).toBeNull();
    await store.append('case-a', newEvents(3), 'no_stream');
    const head = (await store.readAll())[2];
    const anchor = await integrity.createAnchor('季度核查', new Date('2026-11-27T00:00:00Z'));
    expect(anchor).toMatchObject({ position: '3', reason: '季度核查', createdAt: '2026-11-27T00:00:00.000Z' });
    expect(await integrity.listAnchors()).toEqual([anchor]);
    expect(await integrity.verify()).toEqual({ ok: true, checkedEvents: 3, headPosition: '3', anchors: 1 });
    await sql(`UPDATE "${schema}".anchors SET global_hash = 'x' WHERE position = ${head.position}`);
    expect(await integrity.verify()).toMatchObject({ ok: false, problem: { kind: 'anchor_mismatch', position: '3' } });
  });

  it('positions beyond 2^53 survive the round trip as bigint', async () => {
    const store = await open();
    const big = 2n ** 60n;
    // A log moved from elsewhere may start high; positions are int8 and must never pass through a double.
    await sql(
      `INSERT INTO "${schema}".events (position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash)
       VALUES ($1, 'imported', 'old', 0, 'Imported', '{}', '{}', '', '', '')`,
      [String(big)],
    );
    const next = await store.append('new', newEvents(2), 'no_stream');
    expect(next.events.map((e) => e.position)).toEqual([big + 1n, big + 2n]);
    expect((await store.readAll({ after: big })).map((e) => e.position)).toEqual([big + 1n, big + 2n]);
    expect(await store.headPosition()).toBe(big + 2n);
    expect(ids(await store.readStream('new'))).toEqual(ids(next.events));
  });
});
