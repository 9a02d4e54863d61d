import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { HttpClient } from '../support/http-client';
import { startServerProcess, waitForExit } from '../support/server-process';
import { HASH, HEAD, OFFICER_1, OFFICER_2, at, openCaseBody } from '../support/fixtures';

/**
 * Every acknowledged command survives SIGKILL: the server is killed while requests are still in flight,
 * restarted on the same data file, and every event that a 2xx response returned must be there.
 */
describe('durability: SIGKILL after acknowledged appends', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('finds every acknowledged event after a restart', async () => {
    const first = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'basic' });
    const http = new HttpClient(first.baseUrl);
    const acknowledged = new Map<string, string[]>(); // caseId → event ids a 2xx response returned
    const ack = (res: { status: number; body: any }) => {
      if (res.status >= 300) return;
      const ids = acknowledged.get(res.body.case.caseId) ?? [];
      acknowledged.set(res.body.case.caseId, [...ids, ...res.body.events.map((e: any) => e.id)]);
    };
    await Promise.all([http.token(OFFICER_1), http.token(OFFICER_2), http.token(HEAD)]);

    // Wave 1: 60 cases opened and filed concurrently, all awaited.
    const opened = await Promise.all(Array.from({ length: 60 }, () => http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody())));
    opened.forEach(ack);
    const ids = opened.filter((r) => r.status === 201).map((r) => r.body.case.caseId as string);
    expect(ids).toHaveLength(60);
    (
      await Promise.all(
        ids.map((id) => http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/approve-filing`, { occurredAt: at('2026-09-02') })),
      )
    ).forEach(ack);

    // Wave 2: a burst of evidence records; kill the server once 30 of them are acknowledged, the rest in flight.
    let wave2Acks = 0;
    let thirtyAcked!: () => void;
    const killPoint = new Promise<void>((r) => (thirtyAcked = r));
    const inFlight = ids.flatMap((id) =>
      [OFFICER_1, OFFICER_2].map((u) =>
        http
          .as(u, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, {
            kind: 'photo',
            title: '现场照片',
            officerIds: [u],
            contentHash: HASH,
            occurredAt: at('2026-09-03'),
          })
          .then(
            (res) => {
              ack(res);
              if (res.status < 300 && ++wave2Acks === 30) thirtyAcked();
            },
            () => undefined,
          ),
      ),
    );
    await killPoint;
    first.proc.kill('SIGKILL');
    await Promise.all(inFlight);
    expect(wave2Acks).toBeGreaterThanOrEqual(30);
    expect(await waitForExit(first.proc)).toBe('SIGKILL');

    const second = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'basic' });
    try {
      const http2 = new HttpClient(second.baseUrl);
      let checked = 0;
      for (const [caseId, eventIds] of acknowledged) {
        const stored = await http2.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}/events`);
        expect(stored.status).toBe(200);
        const storedIds = new Set(stored.body.map((e: any) => e.id));
        for (const e of eventIds) expect(storedIds.has(e)).toBe(true);
        checked += eventIds.length;
      }
      expect(checked).toBeGreaterThanOrEqual(120);
    } finally {
      second.proc.kill('SIGKILL');
      await waitForExit(second.proc);
    }
  });
});
