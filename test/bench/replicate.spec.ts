import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NewEvent, SqliteEventStore } from '@app/event-store';
import { ReplicaWriter, readSqliteRows, replicate, sqliteBatchWriter, storeWriter } from './lib/replicate';

/**
 * The scale bench's replicator: replicas of a closed case are distinct cases (no id of the original survives in their
 * data or metadata), numbered gaplessly per agency and year with the numbering streams kept in step, spread over the
 * directory's agencies and ten years, and the store's hash chains verify afterwards.
 */
const CASE = '3f2c7a10-5b7e-4c1a-9d2e-1a2b3c4d5e6f';
const OPEN_CASE = '7e1d0c2b-4a3f-4e5d-8c7b-6a5f4e3d2c1b';
const EVIDENCE = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const REQUESTS = ['11111111-2222-4333-8444-555555555555', '66666666-7777-4888-9999-aaaaaaaaaaaa', 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff'];
const CASE_NO = '北应急立〔2026〕1号';
const DECISION_NO = '北应急罚〔2026〕1号';
const RECEIPT = 'R-test-receipt-1';
const IDEMPOTENCY = 'client-key-0001';

const agency = (code: string, level: string, name: string, shortName: string) => ({
  id: `ag-${code}`,
  divisionCode: code,
  name,
  shortName,
  level,
  parentId: level === 'city' ? null : 'ag-431000',
  enforcementPower: true,
});
const user = (id: string, name: string, role: string, agencyId: string) => ({ id, name, roles: [role], agencyId });
const event = (id: string, type: string, data: unknown, metadata: Record<string, unknown> = {}): NewEvent => ({ id, type, data, metadata });
const actor = (code: string, who: string, name: string, requestId: string, extra: Record<string, unknown> = {}) => ({
  actor: { id: `u-${code}-${who}`, name, roles: [who === 'head' ? 'head' : 'officer'], agencyId: `ag-${code}` },
  occurredAt: '2026-09-01T10:00:00+08:00',
  recordedAt: '2026-12-03T19:16:21.705Z',
  requestId,
  correlationId: requestId,
  causationId: requestId,
  ...extra,
});

async function seedSource(store: SqliteEventStore): Promise<void> {
  const directory = [
    event('d-1', 'AgencyRegistered', agency('431000', 'city', '郴州市应急管理局', '郴应急')),
    event('d-2', 'AgencyRegistered', agency('431002', 'county', '北湖区应急管理局', '北应急')),
    event('d-3', 'AgencyRegistered', agency('431003', 'county', '苏仙区应急管理局', '苏应急')),
  ];
  const names: Record<string, string[]> = { '431000': ['刘建国', '陈志强'], '431002': ['李卫东', '王海涛'], '431003': ['罗志刚', '谢勇'] };
  for (const [code, [head, officer]] of Object.entries(names)) {
    directory.push(event(`d-${code}-h`, 'UserRegistered', user(`u-${code}-head`, head, 'head', `ag-${code}`)));
    directory.push(event(`d-${code}-o`, 'UserRegistered', user(`u-${code}-officer-1`, officer, 'officer', `ag-${code}`)));
  }
  await store.append('directory', directory, 'no_stream');
  await store.append('numbers-case-ag-431002-2026', [event('n-1', 'NumberAssigned', { number: 1, caseId: CASE })], 'no_stream');
  await store.append('numbers-decision-ag-431002-2026', [event('n-2', 'NumberAssigned', { number: 1, caseId: CASE })], 'no_stream');
  await store.append('numbers-case-ag-431002-2026', [event('n-3', 'NumberAssigned', { number: 2, caseId: OPEN_CASE })], 0);
  await store.append(
    `case-${CASE}`,
    [
      event(
        'a0000000-0000-4000-8000-000000000001',
        'CaseOpened',
        {
          caseId: CASE,
          agencyId: 'ag-431002',
          party: { kind: 'organization', name: '压测烟花店', creditCode: '91431002MA4L000079' },
          discoveredAt: '2026-09-01',
          handlingOfficerIds: ['u-431002-officer-1'],
        },
        actor('431002', 'officer-1', '王海涛', REQUESTS[0], { idempotencyKey: IDEMPOTENCY }),
      ),
      event(
        'a0000000-0000-4000-8000-000000000002',
        'CaseFiled',
        { caseNo: CASE_NO, deadlines: [{ dueDate: '2026-12-01' }] },
        actor('431002', 'head', '李卫东', REQUESTS[1]),
      ),
      event(
        'a0000000-0000-4000-8000-000000000003',
        'EvidenceRecorded',
        { evidenceId: EVIDENCE, officerIds: ['u-431002-officer-1'] },
        actor('431002', 'officer-1', '王海涛', REQUESTS[2]),
      ),
      event(
        'a0000000-0000-4000-8000-000000000004',
        'PenaltyDecided',
        { decisionNo: DECISION_NO, penalties: [{ kind: 'fine', amountYuan: 5000 }] },
        actor('431002', 'head', '李卫东', REQUESTS[0]),
      ),
      event(
        'a0000000-0000-4000-8000-000000000005',
        'PaymentRecorded',
        { amountYuan: 5000, receiptNo: RECEIPT },
        actor('431002', 'officer-1', '王海涛', REQUESTS[1]),
      ),
      event(
        'a0000000-0000-4000-8000-000000000006',
        'CaseClosed',
        { summary: `结案 ${CASE_NO}` },
        actor('431002', 'head', '李卫东', REQUESTS[2]),
      ),
    ],
    'no_stream',
  );
  // Not closed: not a template.
  await store.append(
    `case-${OPEN_CASE}`,
    [
      event(
        'a0000000-0000-4000-8000-000000000007',
        'CaseOpened',
        { caseId: OPEN_CASE, agencyId: 'ag-431002' },
        actor('431002', 'officer-1', '王海涛', REQUESTS[0]),
      ),
    ],
    'no_stream',
  );
}

describe('replicate (scale bench)', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'casetrail-replicate-'));
    store = new SqliteEventStore({ filename: path.join(dir, 'casetrail.db'), writer: 'inline' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The store's append (PostgreSQL's path) and the SQLite adapter's bulk import (the benches' path on SQLite).
  const writers: [string, () => ReplicaWriter & { close?(): unknown }][] = [
    ['the store append', () => storeWriter(store)],
    [
      'the SQLite bulk import',
      () => sqliteBatchWriter(path.resolve(__dirname, '../../libs/event-store/src/sqlite'), path.join(dir, 'casetrail.db')),
    ],
  ];
  it.each(writers)(
    'through %s: distinct cases with fresh ids everywhere, gapless numbers, spread over agencies and years, and the chain verifies',
    async (_, makeWriter) => {
      await seedSource(store);
      const sourceRows = readSqliteRows(path.join(dir, 'casetrail.db'));
      const writer = makeWriter();
      const report = await replicate({ writer, sourceRows, targetEvents: 500, chunkEvents: 64 }).finally(() => writer.close?.());

      const all = await store.readAll();
      expect(report.totalEvents).toBe(all.length);
      expect(all.length).toBeGreaterThanOrEqual(500);
      expect(report.templates).toBe(1);

      const replicas = all.filter(
        (e) => e.streamId.startsWith('case-') && e.streamId !== `case-${CASE}` && e.streamId !== `case-${OPEN_CASE}`,
      );
      const opened = replicas
        .filter((e) => e.type === 'CaseOpened')
        .map((e) => e.data as { caseId: string; agencyId: string; party: { name: string } });
      expect(opened.length).toBe(report.cases);
      expect(replicas.length).toBe(report.cases * 6);

      // No id of the original (nor of the open case) survives in a replica's ids, data or metadata.
      const originals = [
        CASE,
        OPEN_CASE,
        EVIDENCE,
        ...REQUESTS,
        CASE_NO,
        DECISION_NO,
        RECEIPT,
        '压测烟花店',
        ...sourceRows.map((r) => r.id).filter((id) => id.length === 36),
      ];
      for (const e of replicas) {
        const text = `${e.id}\n${e.streamId}\n${JSON.stringify(e.data)}\n${JSON.stringify(e.metadata)}`;
        for (const original of originals) expect(text.includes(original) ? `${e.type} contains ${original}` : null).toBeNull();
        if (e.type !== 'CaseOpened') continue;
        expect(e.streamId).toBe(`case-${(e.data as { caseId: string }).caseId}`);
      }
      expect(new Set(opened.map((o) => o.caseId)).size).toBe(opened.length);
      expect(new Set(replicas.map((e) => e.id)).size).toBe(replicas.length);
      const keys = replicas.map((e) => (e.metadata as { idempotencyKey?: string }).idempotencyKey).filter(Boolean);
      expect(new Set(keys).size).toBe(report.cases);

      // Spread: every enforcing agency of the directory, ten years; an officer of the replica's own agency acts.
      expect(new Set(opened.map((o) => o.agencyId))).toEqual(new Set(['ag-431000', 'ag-431002', 'ag-431003']));
      const years = new Set(
        replicas.filter((e) => e.type === 'CaseFiled').map((e) => (e.data as { caseNo: string }).caseNo.match(/〔(\d{4})〕/)![1]),
      );
      expect([...years].sort()).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
      for (const e of replicas.filter((x) => x.type === 'CaseOpened')) {
        const data = e.data as { agencyId: string; discoveredAt: string };
        const meta = e.metadata as { actor: { id: string; agencyId: string }; occurredAt: string };
        expect(meta.actor.agencyId).toBe(data.agencyId);
        expect(meta.actor.id.startsWith(`u-${data.agencyId.slice(3)}-`)).toBe(true);
        expect(meta.occurredAt.slice(0, 4)).toBe(data.discoveredAt.slice(0, 4));
      }

      // Case and decision numbers: gapless per agency and year, continuing the source's, and recorded in the numbering streams.
      for (const [kind, field] of [
        ['case', 'caseNo'],
        ['decision', 'decisionNo'],
      ] as const) {
        const byStream = new Map<string, number[]>();
        for (const e of all.filter((x) => x.streamId.startsWith(`numbers-${kind}-`))) {
          const list = byStream.get(e.streamId) ?? [];
          list.push((e.data as { number: number }).number);
          byStream.set(e.streamId, list);
        }
        for (const numbers of byStream.values()) expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        const numbered = replicas.filter((e) => typeof (e.data as Record<string, unknown>)[field] === 'string');
        expect(numbered.length).toBe(report.cases);
        expect(new Set(numbered.map((e) => (e.data as Record<string, string>)[field])).size).toBe(report.cases);
      }
      const beihu2026 = all.filter((e) => e.streamId === 'numbers-case-ag-431002-2026').map((e) => (e.data as { number: number }).number);
      expect(beihu2026.slice(0, 3)).toEqual([1, 2, 3]);

      // Both hash chains (and the anchors) verify over the whole store.
      const integrity = await store.capabilities.integrity.verify();
      expect(integrity.problem).toBeUndefined();
      expect(integrity.ok).toBe(true);
      expect(integrity.checkedEvents).toBe(all.length);
    },
  );
});
