import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { GENESIS_HASH, SqliteEventStore, eventHash, globalHash, openSqliteIntegrity } from '@app/event-store';

/**
 * Tamper evidence against the real SQLite file (docs/supervision.md §1): one test per kind of tampering, each found at
 * the right position. The log: 20 events over three interleaved streams, anchored at its head.
 */
describe('tamper evidence on the SQLite file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-tamper-'));
  const pristine = path.join(dir, 'pristine.db');
  let n = 0;

  beforeAll(async () => {
    const store = new SqliteEventStore({ filename: pristine });
    for (let i = 1; i <= 20; i++) {
      const stream = `case-${['a', 'b', 'c'][i % 3]}`;
      await store.append(
        stream,
        [{ id: `e${i}`, type: 'EvidenceRecorded', data: { n: i, 标题: '现场照片' }, metadata: { actor: 'u1' } }],
        'any',
      );
    }
    await store.capabilities.integrity.createAnchor('test', new Date('2026-11-27T00:00:00Z'));
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of the pristine file, tampered with by `edit` through a plain SQLite connection, then verified. */
  async function tamper(edit: (db: Database.Database) => void) {
    const file = path.join(dir, `t${++n}.db`);
    copyFileSync(pristine, file);
    const db = new Database(file);
    edit(db);
    db.close();
    const integrity = openSqliteIntegrity(file);
    const report = await integrity.verify();
    integrity.close();
    return report;
  }

  it('an untouched log verifies', async () => {
    expect(await tamper(() => undefined)).toMatchObject({ ok: true, checkedEvents: 20, headPosition: '20', anchors: 1 });
  });

  it('names the anchor covering a position: the first at or after it, none beyond the last', async () => {
    const integrity = openSqliteIntegrity(pristine);
    try {
      expect(await integrity.anchorCovering(7n)).toMatchObject({ seq: 1, position: '20', reason: 'test' });
      expect(await integrity.anchorCovering(20n)).toMatchObject({ seq: 1, position: '20' });
      expect(await integrity.anchorCovering(21n)).toBeNull();
    } finally {
      integrity.close();
    }
  });

  it('edited: the event whose content changed', async () => {
    const r = await tamper((db) => db.prepare(`UPDATE events SET data = '{"n":999}' WHERE position = 7`).run());
    expect(r.problem).toMatchObject({ kind: 'edited', position: '7' });
  });

  it('deleted: the missing position', async () => {
    const r = await tamper((db) => db.prepare('DELETE FROM events WHERE position = 7').run());
    expect(r.problem).toMatchObject({ kind: 'missing', position: '7' });
  });

  it('inserted: the forged event', async () => {
    const r = await tamper((db) => {
      db.prepare('UPDATE events SET position = position + 1000 WHERE position >= 7').run();
      db.prepare('UPDATE events SET position = position - 999 WHERE position >= 1007').run();
      const prev = db.prepare("SELECT hash FROM events WHERE stream_id = 'case-a' ORDER BY revision DESC LIMIT 1").get() as {
        hash: string;
      };
      db.prepare(
        "INSERT INTO events (position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash, global_hash) VALUES (7, 'forged', 'case-x', 0, 'PaymentRecorded', '{}', '{}', ?, 'h', 'g')",
      ).run(prev.hash);
    });
    expect(r.ok).toBe(false);
    expect(r.problem!.position).toBe('7');
  });

  it('reordered: the first of the swapped events', async () => {
    const r = await tamper((db) => {
      db.prepare(`UPDATE events SET position = 1000 WHERE position = 7`).run();
      db.prepare(`UPDATE events SET position = 7 WHERE position = 8`).run();
      db.prepare(`UPDATE events SET position = 8 WHERE position = 1000`).run();
    });
    expect(r.problem).toMatchObject({ kind: 'chain_broken', position: '7' });
  });

  it('truncated after the last anchor: the first position the anchor covers that is gone', async () => {
    const r = await tamper((db) => db.prepare('DELETE FROM events WHERE position > 15').run());
    expect(r.problem).toMatchObject({ kind: 'truncated', position: '16' });
  });

  it('edited and every chain recomputed by someone who knows the scheme: the anchor still differs', async () => {
    const r = await tamper((db) => {
      db.prepare(`UPDATE events SET data = '{"n":999}' WHERE position = 7`).run();
      const rows = db.prepare('SELECT * FROM events ORDER BY position').all() as Record<string, any>[];
      const last = new Map<string, string>();
      let global = GENESIS_HASH;
      for (const e of rows) {
        const prev = last.get(e.stream_id) ?? GENESIS_HASH;
        const hash = eventHash(prev, {
          streamId: e.stream_id,
          revision: e.revision,
          id: e.event_id,
          type: e.type,
          data: e.data,
          metadata: e.metadata,
        });
        global = globalHash(global, hash);
        db.prepare('UPDATE events SET prev_hash = ?, hash = ?, global_hash = ? WHERE position = ?').run(prev, hash, global, e.position);
        last.set(e.stream_id, hash);
      }
    });
    expect(r.problem).toMatchObject({ kind: 'anchor_mismatch', position: '20' });
  });
});
