import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SqliteEventStore } from '@app/event-store';
import { AUDIT_PAGE_MAX_ROWS } from '../../apps/api/src/audit/audit-query.dto';
import { projectionsCaughtUp } from '../support/projections';
import { REVIEWER } from '../support/fixtures';
import { TestApp, startTestApp } from '../support/test-app';

const CASES = 500;
const EVENTS_PER_CASE = 100;
const ROWS = CASES * EVENTS_PER_CASE;
/** About a kilobyte of event data per row: the export is some 60 MB. */
const NOTE = '现场检查记录：'.repeat(20) + 'x'.repeat(300);

// A collection before each heap sample, so that the sample is what is alive, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A history of 50,000 case events in ag-431002, written to the store before the service starts. */
async function appendHistory(file: string): Promise<void> {
  const store = new SqliteEventStore({ filename: file });
  try {
    let n = 0;
    for (let c = 0; c < CASES; c++) {
      const caseNo = String(c).padStart(12, '0');
      const meta = (command: string) => ({
        actor: { id: 'u-431002-officer-1', name: '执法员', roles: ['officer'], agencyId: 'ag-431002' },
        command,
        occurredAt: '2026-09-01T10:00:00+08:00',
        recordedAt: new Date(Date.parse('2026-09-01T02:00:00Z') + ++n * 1000).toISOString(),
        requestId: `r-${n}`,
        correlationId: `r-${n}`,
        causationId: `r-${n}`,
        stageAfter: 'investigation',
      });
      const events = [
        {
          id: `5a5a5a5b-0000-4000-8000-${caseNo}`,
          type: 'CaseOpened',
          data: { agencyId: 'ag-431002', industry: 'mining', party: { kind: 'organization', name: `导出测试${c}号公司` } },
          metadata: meta('open-case'),
        },
        ...Array.from({ length: EVENTS_PER_CASE - 1 }, (_, i) => ({
          id: `5a5a5a5a-${String(i).padStart(4, '0')}-4000-8000-${caseNo}`,
          type: 'EvidenceRecorded',
          data: { evidenceId: `ev-${c}-${i}`, title: `证据${i}`, note: NOTE },
          metadata: meta('record-evidence'),
        })),
      ];
      await store.append(`case-5a5a5a5a-0000-4000-8000-${caseNo}`, events, 'any');
    }
  } finally {
    await store.close();
  }
}

/**
 * An export of 50,000 audit rows streams: the service reads the trail a page at a time as the reply drains, so its
 * heap stays that of a page, far below the size of the export (measured here, in the service's own process, after a
 * collection at every sample).
 */
describe('audit export streams with constant memory', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'casetrail-audit-export-'));
  let t: TestApp;

  beforeAll(async () => {
    await (await startTestApp({ dataDir: dir })).close();
    await appendHistory(path.join(dir, 'casetrail.db'));
    t = await startTestApp({ dataDir: dir });
    await projectionsCaughtUp(t.http);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['jsonl', 'csv'])(
    '%s: 50,000 rows, the heap bounded far below the export',
    async (format) => {
      gc();
      const baseline = process.memoryUsage().heapUsed;
      const res = await fetch(`${t.http.baseUrl}/api/v1/audit?agencyId=ag-431002&format=${format}&limit=${ROWS}`, {
        headers: { authorization: `Bearer ${await t.http.token(REVIEWER)}` },
      });
      expect(res.status).toBe(200);
      let bytes = 0;
      let lines = 0;
      let peak = 0;
      let sampledAt = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
        if (bytes - sampledAt > 4_000_000) {
          sampledAt = bytes;
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
        }
      }
      const rows = lines - (format === 'csv' ? 1 : 0);
      // The demo seed's cases of the agency come first; the limit cuts the export at 50,000 rows.
      expect(rows).toBe(ROWS);
      expect(bytes).toBeGreaterThan(50_000_000);
      // A page of 500 rows is under a megabyte of text (with its parsed rows, a few); the export is over fifty.
      expect(peak).toBeLessThan(16_000_000);
      // Some sixty megabytes through HTTP on a shared machine: a generous bound on how long jest waits, not a timing assertion.
    },
    240_000,
  );

  it('keeps json answers to a page and says so', async () => {
    const res = await t.http.as(REVIEWER, 'GET', `/api/v1/audit?agencyId=ag-431002&limit=${AUDIT_PAGE_MAX_ROWS + 1}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['limit']);
    expect(JSON.stringify(res.body)).toContain(String(AUDIT_PAGE_MAX_ROWS));
    const export1 = await t.http.as(REVIEWER, 'GET', `/api/v1/audit?agencyId=ag-431002&format=jsonl&limit=1000001`);
    expect(export1.status).toBe(400);
  });
});
