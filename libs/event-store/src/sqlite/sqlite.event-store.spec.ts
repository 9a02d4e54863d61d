import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, ids, newEvents, waitUntil } from '../testing/contract.helpers';
import { SqliteEventStore } from './sqlite.event-store';
import { openSqliteProjectionHost } from './sqlite-projection-host';
import { SCHEMA_VERSION } from './sqlite.migrations';

describe('SqliteEventStore', () => {
  let directory: string;
  let filename: string;
  const opened: SqliteEventStore[] = [];
  const open = (options: { busyTimeoutMs?: number } = {}): SqliteEventStore => {
    const store = new SqliteEventStore({ filename, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'casetrail-sqlite-spec-'));
    filename = join(directory, 'a', 'b', 'events.db');
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('creates the parent directory and runs with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const store = open();
    expect(existsSync(filename)).toBe(true);
    expect(store.capabilities.sqliteProjectionHost.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.capabilities.sqliteProjectionHost.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.capabilities.sqliteProjectionHost.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.capabilities.sqliteProjectionHost.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(store.capabilities.sqliteProjectionHost.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  it('opens a read-models-only connection without a flush per commit, the store keeping its own', () => {
    const store = open();
    const readModels = openSqliteProjectionHost(filename, { readModelsOnly: true });
    const other = openSqliteProjectionHost(filename);
    try {
      expect(readModels.db.pragma('synchronous', { simple: true })).toBe(1);
      expect(other.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(store.capabilities.sqliteProjectionHost.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      readModels.close();
      other.close();
    }
  });

  it('finds the anchor covering a position by a seek in anchors_position, not by walking the anchor log', async () => {
    const store = open();
    const db = store.capabilities.sqliteProjectionHost.db;
    const integrity = store.capabilities.integrity;
    for (let i = 0; i < 3; i++) {
      await store.append(`s-${i}`, newEvents(2), 'no_stream');
      await integrity.createAnchor(`a${i}`, new Date('2026-03-01T00:00:00Z'));
    }
    expect((await integrity.anchorCovering(1n))?.reason).toBe('a0');
    expect((await integrity.anchorCovering(3n))?.reason).toBe('a1');
    expect((await integrity.anchorCovering(6n))?.reason).toBe('a2');
    expect(await integrity.anchorCovering(7n)).toBeNull();
    const plan = db
      .prepare(
        'EXPLAIN QUERY PLAN SELECT seq, position, global_hash, created_at, reason FROM anchors WHERE position >= ? ORDER BY position, seq LIMIT 1',
      )
      .all(3) as { detail: string }[];
    expect(plan.map((r) => r.detail)).toEqual([expect.stringMatching(/^SEARCH anchors USING INDEX anchors_position \(position>\?\)$/)]);
  });

  it('commits appends fired together in fewer transactions than appends', async () => {
    const store = open();
    const before = store.commitCount;
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(`s-${i % 20}`, newEvents(1), 'any')));
    const commits = store.commitCount - before;
    expect(results).toHaveLength(200);
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThan(200);
    expect((await store.readAll()).length).toBe(200);
  });

  it('lets appends issued from promise continuations of the same turn share the commit', async () => {
    const store = open();
    const first = store.append('a', newEvents(1), 'no_stream');
    await Promise.resolve();
    const second = store.append('b', newEvents(1), 'no_stream');
    await Promise.all([first, second]);
    expect(store.commitCount).toBe(1);
  });

  it('commits awaited appends one transaction each', async () => {
    const store = open();
    for (let i = 0; i < 5; i++) await store.append('s', newEvents(1), 'any');
    expect(store.commitCount).toBe(5);
  });

  it('keeps events, revisions and idempotency across close and reopen', async () => {
    const first = open();
    const retried = newEvents(2);
    const original = await first.append('case-1', retried, 'no_stream');
    await first.append('case-2', newEvents(1), 'no_stream');
    const before = await first.readAll();
    await first.close();

    const second = open();
    expect(await second.readAll()).toEqual(before);
    expect(await second.headPosition()).toBe(before[before.length - 1].position);
    expect(await second.append('case-1', retried, 'no_stream')).toEqual(original);
    await expect(second.append('case-1', newEvents(1), 'no_stream')).rejects.toMatchObject({ actual: 1 });
    const next = await second.append('case-1', newEvents(1), 1);
    expect(next.events[0].revision).toBe(2);
    expect(next.position).toBeGreaterThan(before[before.length - 1].position);
  });

  it('refuses a file written by a newer schema version', () => {
    open();
    const raw = new Database(filename);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => new SqliteEventStore({ filename })).toThrow(/newer/);
  });

  it('rejects the whole batch when its transaction cannot start, and recovers afterwards', async () => {
    const store = open({ busyTimeoutMs: 20 });
    await store.append('s', newEvents(1), 'no_stream');
    const blocker = new Database(filename);
    blocker.prepare('BEGIN IMMEDIATE').run();

    const results = await Promise.allSettled([store.append('s', newEvents(1), 0), store.append('t', newEvents(1), 'any')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });

    blocker.prepare('ROLLBACK').run();
    blocker.close();
    expect(await store.readAll()).toHaveLength(1);
    expect((await store.append('s', newEvents(1), 0)).nextExpectedRevision).toBe(1);
  });

  it('releases subscriptions on unsubscribe and completes them on close', async () => {
    const store = open();
    const kept = collect(store.subscribe());
    const dropped = collect(store.subscribe());
    expect(store.subscriberCount).toBe(2);
    dropped.subscription.unsubscribe();
    expect(store.subscriberCount).toBe(1);

    const result = await store.append('s', newEvents(2), 'no_stream');
    await waitUntil(() => kept.events.length === 2, 'the kept subscriber catches up');
    await store.close();
    expect(kept.completed).toBe(true);
    expect(ids(kept.events)).toEqual(ids(result.events));
    expect(store.subscriberCount).toBe(0);
    await expect(store.append('s', newEvents(1), 'any')).rejects.toThrow(/closed/);
  });

  it('hands its subscribers its own commits without reading them back, and reads what another connection wrote', async () => {
    const store = open();
    const other = open();
    const first = collect(store.subscribe());
    const second = collect(store.subscribe());
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve)); // their first (empty) reads
    const reads = jest.spyOn(store['sql'].readAll, 'all');
    const mine = await store.append('a', newEvents(3), 'no_stream');
    await waitUntil(() => first.events.length === 3 && second.events.length === 3, 'both see the own commit');
    expect(reads).not.toHaveBeenCalled();
    expect(ids(first.events)).toEqual(ids(mine.events));
    expect(first.events.map((e) => [e.revision, e.position, e.hash, e.data])).toEqual(
      (await store.readAll()).map((e) => [e.revision, e.position, e.hash, e.data]),
    );

    const theirs = await other.append('b', newEvents(2), 'no_stream');
    const after = await store.append('a', newEvents(1), 2); // after a gap this store did not write: read from the file
    await waitUntil(() => first.events.length === 6 && second.events.length === 6, 'both see every commit');
    expect(reads).toHaveBeenCalled();
    expect(ids(second.events)).toEqual([...ids(mine.events), ...ids(theirs.events), ...ids(after.events)]);
  });
});
