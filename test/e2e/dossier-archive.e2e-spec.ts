import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { openAndFile, concludeAndDecide } from '../support/cases';
import { HEAD, OFFICER_1, OFFICER_2, REVIEWER, at, openCaseBody } from '../support/fixtures';
import { TestApp, startTestApp } from '../support/test-app';

const SUPERVISOR = 'u-431000-supervisor';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The 案卷 archived on closing, over real HTTP on SQLite: close-case records DossierArchived with the hash of the file
 * as it stood at closing; the archived bytes are served back unchanged by anchors created later; a second archive is
 * refused and writes nothing; an event changed under the archive in the database file is named by verify.
 */
describe('the 案卷 archived on close-case', () => {
  let t: TestApp;
  let id: string;
  let archive: { sha256: string; revision: number; anchor: number | null; pages: number };
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  async function get(route: string, user = OFFICER_1) {
    const res = await fetch(`${t.http.baseUrl}/api/v1/cases/${id}/${route}`, {
      headers: { authorization: `Bearer ${await t.http.token(user)}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, problem: () => JSON.parse(bytes.toString('utf8')) };
  }
  const events = async () =>
    (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body as { type: string; revision: number; data: any }[];

  it('has no archive before closing', async () => {
    // The 决定书 bound into the file names the party's address (a file that lacks data cannot be bound, nor archived).
    id = await openAndFile(t.http, { party: { ...openCaseBody().party, address: '郴州市北湖区人民西路88号' } });
    const res = await get('dossier/archived.pdf');
    expect(res.status).toBe(404);
    expect(res.problem()).toMatchObject({ type: expect.stringContaining('dossier-not-archived') });
  });

  it('archives the file on closing: DossierArchived records the SHA-256 of the archived PDF served back', async () => {
    const minor = { legalBasis: ['行政处罚法 Art. 33'] };
    const decided = await concludeAndDecide(
      t.http,
      id,
      { ...minor, findings: '违法行为轻微并及时改正，没有造成危害后果', proposedOutcome: 'no_penalty_minor', occurredAt: at('2026-09-10') },
      { ...minor, outcome: 'no_penalty_minor', occurredAt: at('2026-09-11') },
    );
    expect(decided.status).toBe(200);
    for (const officer of [OFFICER_1, OFFICER_2])
      expect(
        (await t.http.command(id, officer, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-14') })).status,
      ).toBe(200);
    const closed = await t.http.command(id, HEAD, 'close-case', { summary: '不予处罚，结案', occurredAt: at('2026-09-14', '16:00:00') });
    expect(closed.status).toBe(200);
    expect(closed.body.events.map((e: any) => e.type)).toEqual(['CaseClosed', 'DossierArchived']);
    expect(closed.body.case).toMatchObject({ stage: 'closed' });
    expect(closed.body.case.allowedCommands).not.toContain('archive-dossier');

    const history = await events();
    const closing = history.find((e) => e.type === 'CaseClosed')!;
    const archived = history[history.length - 1];
    expect(archived.type).toBe('DossierArchived');
    archive = archived.data;
    expect(archive).toEqual({
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      revision: closing.revision,
      anchor: null,
      pages: expect.any(Number),
    });
    expect(archive.pages).toBeGreaterThan(2);

    const file = await get('dossier/archived.pdf');
    expect({ status: file.status, type: file.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });
    expect(sha256(file.bytes)).toBe(archive.sha256);
    expect(file.headers.get('x-content-sha256')).toBe(archive.sha256);
    expect(file.headers.get('etag')).toBe(`"${closing.revision}"`);
    // The same file the 案卷 bound as of the closing revision gives today (no anchor covers it yet).
    expect(sha256((await get(`dossier.pdf?revision=${closing.revision}`)).bytes)).toBe(archive.sha256);
  });

  it('serves the archived bytes unchanged after an anchor is created, which changes a fresh binding', async () => {
    expect((await t.http.as(SUPERVISOR, 'POST', '/api/v1/integrity/anchors', { reason: '归档后锚定' })).status).toBe(201);
    const file = await get('dossier/archived.pdf');
    expect(file.status).toBe(200);
    expect(sha256(file.bytes)).toBe(archive.sha256);
    // Bound afresh from the same revision, the integrity page now names the anchor: other bytes.
    expect(sha256((await get(`dossier.pdf?revision=${archive.revision}`)).bytes)).not.toBe(archive.sha256);
  });

  it('refuses a second archive and writes nothing', async () => {
    const before = (await events()).length;
    const again = await t.http.command(id, HEAD, 'archive-dossier', {});
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('archive-dossier');
    expect((await events()).length).toBe(before);
  });

  it('verifies every archive (the demo seed’s closed cases archived too), then names one whose history was changed', async () => {
    const verified = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, dossiers: { mismatches: [], unarchived: [] } });
    expect(verified.body.dossiers.checked).toBeGreaterThanOrEqual(1);

    const db = new Database(path.join(t.dataDir, 'casetrail.db'));
    const changed = db
      .prepare(`UPDATE events SET data = json_set(data, '$.findings', '情节严重') WHERE stream_id = ? AND type = 'InvestigationConcluded'`)
      .run(`case-${id}`);
    db.close();
    expect(changed.changes).toBe(1);
    const tampered = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(tampered.body.ok).toBe(false);
    expect(tampered.body.dossiers.mismatches).toEqual([
      { caseId: id, revision: archive.revision, anchor: null, expected: archive.sha256, actual: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(tampered.body.dossiers.mismatches[0].actual).not.toBe(archive.sha256);
    // Served by an instance reading the changed file (a restart: this one keeps the history it read), the altered
    // file is refused, naming both hashes.
    const restarted = await startTestApp({ dataDir: t.dataDir });
    try {
      const res = await fetch(`${restarted.http.baseUrl}/api/v1/cases/${id}/dossier/archived.pdf`, {
        headers: { authorization: `Bearer ${await restarted.http.token(OFFICER_1)}` },
      });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ expected: archive.sha256, actual: tampered.body.dossiers.mismatches[0].actual });
    } finally {
      await restarted.close();
    }
  });
});
