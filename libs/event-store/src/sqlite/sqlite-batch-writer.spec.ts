import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedRevisionError } from '../event-store.port';
import { AppendRequest, SqliteBatchWriter } from './sqlite-batch-writer';
import { SqliteEventStore } from './sqlite.event-store';
import { migrate } from './sqlite.migrations';
import { openSqlite } from './sqlite.open';

/** The bulk import: lazy, the same checks and hash chains as a commit, and all or nothing. */
describe('SqliteBatchWriter.import', () => {
  let directory: string;
  let filename: string;
  let db: Database;
  let store: SqliteEventStore;

  const append = (streamId: string, n: number, expected: AppendRequest['expected'], tag = streamId): AppendRequest => ({
    streamId,
    expected,
    events: Array.from({ length: n }, (_, i) => ({
      id: `${tag}-${i}`,
      type: 'Imported',
      data: `{"n":${i},"名称":"导入"}`,
      metadata: '{"source":"import"}',
    })),
  });

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'casetrail-import-spec-'));
    filename = join(directory, 'events.db');
    store = new SqliteEventStore({ filename, writer: 'inline' });
    await store.append('numbers', [{ id: 'n-0', type: 'NumberAssigned', data: { number: 1 }, metadata: {} }], 'no_stream');
    db = openSqlite(filename);
    migrate(db);
  });

  afterEach(async () => {
    db.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes the appends of an iterable, continues existing streams, skips exact retries, and both chains verify', async () => {
    function* appends(): Generator<AppendRequest> {
      for (let s = 0; s < 300; s++) {
        yield append(`case-${s}`, 4, 'no_stream');
        yield append('numbers', 1, 'any', `number-${s}`);
      }
      yield append('case-0', 4, 'no_stream'); // the first append again: a retry, written once
    }
    const writer = new SqliteBatchWriter(db);

    expect(writer.import(appends())).toBe(1500);

    const all = await store.readAll();
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => BigInt(i + 1)));
    expect((await store.readStream('numbers')).map((e) => e.revision)).toEqual(Array.from({ length: 301 }, (_, i) => i));
    expect((await store.readStream('case-299')).map((e) => e.data)).toEqual([0, 1, 2, 3].map((n) => ({ n, 名称: '导入' })));
    const integrity = await store.capabilities.integrity.verify();
    expect(integrity.problem).toBeUndefined();
    expect(integrity.checkedEvents).toBe(1501);
    expect((await store.capabilities.integrity.listAnchors()).map((a) => a.position)).toEqual(['1501']);
  });

  it('rolls the whole import back when one append is refused', async () => {
    const writer = new SqliteBatchWriter(db);
    const batch = [append('case-a', 3, 'no_stream'), append('case-b', 2, 'no_stream'), append('numbers', 1, 5, 'late')];

    expect(() => writer.import(batch)).toThrow(WrongExpectedRevisionError);

    expect(await store.headPosition()).toBe(1n);
    expect(await store.readStream('case-a')).toEqual([]);
    expect(writer.import([append('case-a', 3, 'no_stream')])).toBe(3);
    expect((await store.capabilities.integrity.verify()).ok).toBe(true);
  });
});
