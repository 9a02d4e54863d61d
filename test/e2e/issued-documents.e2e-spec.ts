import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TestApp, startTestApp } from '../support/test-app';
import { HASH, HEAD, OFFICER_1, OFFICER_2, REVIEWER, at, openCaseBody } from '../support/fixtures';
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
const noticeNo = (n: number) => `北应急罚告〔2026〕${n}号`;

function issuingScenario(
  start: () => Promise<TestApp>,
  afterIssue?: (t: TestApp, ids: { a: string; b: string; notice: string }) => Promise<void>,
) {
  let t: TestApp;
  const ids = { a: '', b: '', notice: '' };
  // The notices of cases A and B: consecutive numbers of the agency's series (the demo cases issued the ones before).
  let NOTICE_1 = '';
  let NOTICE_2 = '';
  // The issued documents the demo cases hold already (verification checks them too).
  let demoIssued = 0;
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
    demoIssued = (await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify')).body.documents.checked;
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

  it('issues the 告知书 with the step that serves it: the notices of two cases of one agency take consecutive numbers; the 立案审批表 and 决定书 keep the case and decision numbers', async () => {
    // Case A reaches its decision, then case B: each notice is issued right after it is served, A's first.
    ids.a = await decidedCase(t.http, PARTY, FINE);
    ids.b = await decidedCase(t.http, PARTY, FINE);
    const numbers: string[] = [];
    for (const id of [ids.a, ids.b]) {
      const events = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body as {
        type: string;
        revision: number;
        data: Record<string, unknown>;
        metadata: Record<string, unknown>;
      }[];
      const served = events.findIndex((e) => e.type === 'PenaltyNoticeServed');
      numbers.push(events[served + 1]?.data.number as string);
      expect(events[served + 1]).toMatchObject({
        type: 'DocumentIssued',
        data: {
          kind: 'penalty-notice',
          number: expect.stringMatching(/^北应急罚告〔2026〕\d+号$/),
          format: 'pdf',
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
          revision: events[served].revision,
        },
        metadata: { command: 'issue-document', occurredAt: at('2026-09-04') },
      });
    }
    [NOTICE_1, NOTICE_2] = numbers;
    ids.notice = NOTICE_1;
    expect(NOTICE_2).toBe(noticeNo(Number(/(\d+)号$/.exec(NOTICE_1)![1]) + 1));

    const view = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${ids.a}`)).body;
    const decision = await issue(ids.a, 'penalty-decision');
    expect(decision.body.events[0].data.number).toBe(view.decision.decisionNo);
    const filing = await issue(ids.a, 'filing-approval');
    expect(filing.body.events[0].data.number).toBe(view.caseNo);
  });

  it('answers issue-penalty-notice with the notice served and issued: listed with its number, the PDF bears it, the series gapless', async () => {
    const id = await openAndFile(t.http, { party: PARTY });
    const run = (command: string, body: object) => t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
    const penalties = FINE.penalties;
    const legalBasis = FINE.legalBasis;
    const evidence = {
      kind: 'inspection',
      title: '检查',
      officerIds: [OFFICER_1, OFFICER_2],
      contentHash: HASH,
      occurredAt: at('2026-09-03'),
    };
    expect((await run('record-evidence', evidence)).status).toBe(200);
    const concluded = await run('conclude-investigation', {
      findings: '属实',
      proposedOutcome: 'penalty',
      proposedPenalties: penalties,
      legalBasis,
      occurredAt: at('2026-09-04'),
    });
    expect(concluded.status).toBe(200);
    const served = await run('issue-penalty-notice', { proposedPenalties: penalties, legalBasis, occurredAt: at('2026-09-04') });
    expect(served.status).toBe(200);
    const number = noticeNo(Number(/(\d+)号$/.exec(NOTICE_2)![1]) + 1);
    expect(served.body.events.map((e: { type: string }) => e.type)).toEqual(['PenaltyNoticeServed', 'DocumentIssued']);
    expect(served.body.events[1].data).toMatchObject({ kind: 'penalty-notice', number, revision: served.body.events[0].revision });
    expect(served.body.case.revision).toBe(served.body.events[1].revision);

    const listed = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/documents`)).body;
    expect(listed.items).toEqual([
      expect.objectContaining({
        kind: 'penalty-notice',
        number,
        sha256: served.body.events[1].data.sha256,
        issuedBy: expect.objectContaining({ id: OFFICER_1 }),
      }),
    ]);
    expect(listed.produced).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'penalty-notice', number })]));
    // The served notice as issued, and its rendering now, both bear the number.
    const issuedPdf = await issuedFile(id, number);
    expect(sha256(issuedPdf.bytes)).toBe(served.body.events[1].data.sha256);
    const current = await fetch(`${t.http.baseUrl}/api/v1/cases/${id}/documents/penalty-notice`, {
      headers: { authorization: `Bearer ${await t.http.token(OFFICER_1)}` },
    });
    for (const [name, bytes] of [
      ['served-notice.pdf', issuedPdf.bytes],
      ['current-notice.pdf', Buffer.from(await current.arrayBuffer())],
    ] as const) {
      writeFileSync(path.join(scratch, name), bytes);
      expect(execFileSync('pdftotext', [path.join(scratch, name), '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(number);
    }
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
      issuedAt: at('2026-09-04'),
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
    // Its notice, which names no address, was issued when it was served.
    expect(listed.items.map((d: { kind: string }) => d.kind)).toEqual(['penalty-notice']);
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
    // A: notice, decision, 立案审批表, 送达回证; B, C and the case without an address: their notices.
    expect(verified.body).toMatchObject({ ok: true, documents: { checked: demoIssued + 7, mismatches: [] } });
    await afterIssue?.(t, ids);
  });
}

describe('issued documents (文书签发) on SQLite', () => {
  issuingScenario(
    () => startTestApp(),
    async (t, { a, notice }) => {
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
          [a, 'penalty-notice', notice],
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
