import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TestApp, startTestApp } from '../support/test-app';
import { HEAD, OFFICER_1, REVIEWER, at, openCaseBody } from '../support/fixtures';
import { decidedCase, openAndFile } from '../support/cases';
import { describeWithPostgres, dropSchema, freshSchemaName } from '../support/postgres';

/**
 * Issuing documents over real HTTP (issue-document): numbers gapless per agency, series and year across two cases of
 * one agency, the list in procedural order, the issued PDF fetched by its number with its recorded hash, refusals
 * that write nothing, and verification re-rendering every issued document — on SQLite and on PostgreSQL; on SQLite
 * an event under an issued document is then changed in the file and verification names the documents.
 */
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PARTY = { ...openCaseBody().party, address: '郴州市北湖区人民西路88号' };
const FINE = { penalties: [{ kind: 'fine', amountYuan: 8000 }], legalBasis: ['安全生产法 Art. 99'], publish: false };
const NOTICE_1 = '北应急罚告〔2026〕1号';
const NOTICE_2 = '北应急罚告〔2026〕2号';

function issuingScenario(start: () => Promise<TestApp>, afterIssue?: (t: TestApp, ids: { a: string; b: string }) => Promise<void>) {
  let t: TestApp;
  const ids = { a: '', b: '' };
  const scratch = mkdtempSync(path.join(tmpdir(), 'casetrail-issued-'));

  beforeAll(async () => {
    t = await start();
  });
  afterAll(async () => t?.close());

  const issue = (caseId: string, kind: string, user = OFFICER_1) =>
    t.http.as(user, 'POST', `/api/v1/cases/${caseId}/commands/issue-document`, { kind, occurredAt: at('2026-09-08') });

  async function issuedFile(caseId: string, number: string, kind?: string) {
    const query = kind ? `?kind=${kind}` : '';
    const res = await fetch(`${t.http.baseUrl}/api/v1/cases/${caseId}/documents/issued/${encodeURIComponent(number)}${query}`, {
      headers: { authorization: `Bearer ${await t.http.token(OFFICER_1)}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes };
  }

  it('refuses a document the case has not produced, writing nothing and taking no number', async () => {
    ids.a = await openAndFile(t.http, { party: PARTY });
    const head = await t.http.headPosition();
    const early = await issue(ids.a, 'penalty-notice');
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ type: expect.stringContaining('document-not-produced'), producedBy: 'issue-penalty-notice' });
    const unknown = await issue(ids.a, 'warrant');
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail ?? JSON.stringify(unknown.body)).toContain('kind');
    expect(await t.http.headPosition()).toBe(head);
  });

  it('numbers the 告知书 of two cases of one agency 1 and 2; the 立案审批表 and 决定书 keep the case and decision numbers', async () => {
    // Case A reaches its decision; case B its notice. A's notice is issued first, then B's: 1 and 2.
    ids.a = await decidedCase(t.http, PARTY, FINE);
    ids.b = await decidedCase(t.http, PARTY, FINE);
    const a = await issue(ids.a, 'penalty-notice');
    expect(a.status).toBe(200);
    expect(a.body.events[0]).toMatchObject({
      type: 'DocumentIssued',
      data: {
        kind: 'penalty-notice',
        number: NOTICE_1,
        format: 'pdf',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        revision: a.body.case.revision - 1,
      },
    });
    const b = await issue(ids.b, 'penalty-notice');
    expect(b.body.events[0].data.number).toBe(NOTICE_2);

    const view = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${ids.a}`)).body;
    const decision = await issue(ids.a, 'penalty-decision');
    expect(decision.body.events[0].data.number).toBe(view.decision.decisionNo);
    const filing = await issue(ids.a, 'filing-approval');
    expect(filing.body.events[0].data.number).toBe(view.caseNo);
  });

  it('refuses a second issue of the same kind, naming the number it was issued under; nothing is written', async () => {
    const head = await t.http.headPosition();
    const again = await issue(ids.a, 'penalty-notice');
    expect(again.status).toBe(422);
    expect(again.body.violations).toEqual([
      expect.objectContaining({ rule: 'documentNotYetIssued', detail: `penalty-notice: ${NOTICE_1}` }),
    ]);
    // Only a handling officer issues: a legal reviewer is refused before anything is rendered.
    expect((await issue(ids.b, 'penalty-decision', REVIEWER)).status).toBe(403);
    expect(await t.http.headPosition()).toBe(head);
  });

  it('serves the decision naming its issued number, refusing a number not issued as this decision; the 送达回证 cites it', async () => {
    const decisionNo = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${ids.a}`)).body.decision.decisionNo as string;
    const serve = (caseId: string, documentNumber: string) =>
      t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${caseId}/commands/serve-decision`, {
        method: 'direct',
        documentNumber,
        occurredAt: at('2026-09-09'),
      });
    const head = await t.http.headPosition();
    // The notice's number is issued, but it is not the decision; case B's decision was never issued.
    const notDecision = await serve(ids.a, NOTICE_1);
    expect(notDecision.status).toBe(422);
    expect(notDecision.body.violations).toEqual([expect.objectContaining({ rule: 'servedDocumentIssued', detail: NOTICE_1 })]);
    const bDecisionNo = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${ids.b}`)).body.decision.decisionNo as string;
    expect((await serve(ids.b, bDecisionNo)).body.violations).toEqual([expect.objectContaining({ rule: 'servedDocumentIssued' })]);
    expect(await t.http.headPosition()).toBe(head);

    const served = await serve(ids.a, decisionNo);
    expect(served.status).toBe(200);
    expect(served.body.events[0]).toMatchObject({ type: 'DecisionServed', data: { method: 'direct', documentNumber: decisionNo } });
    const receipt = await issue(ids.a, 'service-receipt');
    expect(receipt.body.events[0].data).toMatchObject({ kind: 'service-receipt', number: decisionNo });
    // The receipt bears the number of the decision it cites: the number alone fetches the decision, `kind` the receipt.
    const pdf = path.join(scratch, 'receipt.pdf');
    const file = await issuedFile(ids.a, decisionNo, 'service-receipt');
    expect(sha256(file.bytes)).toBe(receipt.body.events[0].data.sha256);
    writeFileSync(pdf, file.bytes);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(`行政处罚决定书（${decisionNo}）`);
    const issued = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${ids.a}/documents`)).body.items as { kind: string; sha256: string }[];
    expect(sha256((await issuedFile(ids.a, decisionNo)).bytes)).toBe(issued.find((d) => d.kind === 'penalty-decision')!.sha256);
  });

  it('lists the issued documents in procedural order with their numbers, hashes, revisions and who issued them', async () => {
    const list = await t.http.as(HEAD, 'GET', `/api/v1/cases/${ids.a}/documents`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { kind: string }) => d.kind)).toEqual([
      'filing-approval',
      'penalty-notice',
      'penalty-decision',
      'service-receipt',
    ]);
    expect(list.body.items[1]).toMatchObject({
      kind: 'penalty-notice',
      title: '行政处罚告知书',
      number: NOTICE_1,
      format: 'pdf',
      issuedAt: at('2026-09-08'),
      issuedBy: { id: OFFICER_1, name: expect.any(String) },
    });
  });

  it('lists the documents the case has produced: issued ones under their issued numbers, one lacking data with the fields it lacks', async () => {
    const produced = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${ids.a}/documents`)).body.produced;
    const decisionNo = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${ids.a}`)).body.decision.decisionNo;
    expect(produced).toEqual(
      expect.arrayContaining([
        { kind: 'filing-approval', title: '立案审批表', number: expect.stringContaining('立'), missing: [] },
        { kind: 'penalty-notice', title: '行政处罚告知书', number: NOTICE_1, missing: [] },
        { kind: 'penalty-decision', title: '行政处罚决定书', number: decisionNo, missing: [] },
      ]),
    );
    // Not produced yet: no 结案审批表 before closing.
    expect(produced.map((d: { kind: string }) => d.kind)).not.toContain('closing-approval');

    // A party recorded without an address: its 决定书 is produced but cannot be rendered, and says why.
    const noAddress = await decidedCase(t.http, openCaseBody().party, FINE);
    const listed = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${noAddress}/documents`)).body;
    expect(listed.items).toEqual([]);
    expect(listed.produced.find((d: { kind: string }) => d.kind === 'penalty-decision')).toEqual({
      kind: 'penalty-decision',
      title: '行政处罚决定书',
      number: null,
      missing: expect.arrayContaining([{ field: 'party.address', zh: expect.any(String) }]),
    });
  });

  it('returns an issued document by its number, rendered from its revision to the recorded hash, bearing that number', async () => {
    const list = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${ids.a}/documents`)).body.items as {
      kind: string;
      number: string;
      sha256: string;
      revision: number;
    }[];
    for (const entry of list) {
      const file = await issuedFile(ids.a, entry.number, entry.kind);
      expect({ number: entry.number, status: file.status, type: file.headers.get('content-type') }).toEqual({
        number: entry.number,
        status: 200,
        type: 'application/pdf',
      });
      expect(sha256(file.bytes)).toBe(entry.sha256);
      expect(file.headers.get('etag')).toBe(`"${entry.revision}"`);
    }
    const pdf = path.join(scratch, 'notice.pdf');
    writeFileSync(pdf, (await issuedFile(ids.a, NOTICE_1)).bytes);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(NOTICE_1);
    // The current rendering of an issued kind bears its issued number too.
    const current = await fetch(`${t.http.baseUrl}/api/v1/cases/${ids.b}/documents/penalty-notice?format=html`, {
      headers: { authorization: `Bearer ${await t.http.token(OFFICER_1)}` },
    });
    expect(await current.text()).toContain(NOTICE_2);
    // A number of another case, or none at all, is not this case's.
    expect((await issuedFile(ids.a, NOTICE_2)).status).toBe(404);
  });

  it('verifies every issued document by rendering it again from its revision', async () => {
    const verified = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, documents: { checked: 5, mismatches: [] } });
    await afterIssue?.(t, ids);
  });
}

describe('issued documents (文书签发) on SQLite', () => {
  issuingScenario(
    () => startTestApp(),
    async (t, { a }) => {
      // An event under case A's issued notice and decision is changed in the file: the investigation's findings.
      const db = new Database(path.join(t.dataDir, 'casetrail.db'));
      const changed = db
        .prepare(`UPDATE events SET data = json_set(data, '$.findings', '不属实') WHERE stream_id = ? AND type = 'InvestigationConcluded'`)
        .run(`case-${a}`);
      db.close();
      expect(changed.changes).toBe(1);
      const verified = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
      expect(verified.body.ok).toBe(false);
      expect(verified.body.problem).toMatchObject({ kind: 'edited' });
      const named = verified.body.documents.mismatches.map((m: { caseId: string; kind: string; number: string }) => [
        m.caseId,
        m.kind,
        m.number,
      ]);
      // The findings are stated in the notice and the decision; the 立案审批表 and the 送达回证 do not state them.
      const decisionNo = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${a}`)).body.decision.decisionNo;
      expect(named.sort()).toEqual(
        [
          [a, 'penalty-notice', NOTICE_1],
          [a, 'penalty-decision', decisionNo],
        ].sort(),
      );
      for (const m of verified.body.documents.mismatches) {
        expect(m.actual).toMatch(/^[0-9a-f]{64}$/);
        expect(m.actual).not.toBe(m.expected);
      }
    },
  );
});

describeWithPostgres('issued documents (文书签发) on PostgreSQL', (url) => {
  const schema = freshSchemaName('issued');
  issuingScenario(() => startTestApp({ env: { EVENT_STORE: 'postgres', DATABASE_URL: url, PG_SCHEMA: schema, PG_POOL_SIZE: '4' } }));
  afterAll(async () => dropSchema(url, schema));
});
