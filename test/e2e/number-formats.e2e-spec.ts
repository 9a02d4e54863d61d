import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TestApp, startTestApp } from '../support/test-app';
import { HASH, at, openCaseBody } from '../support/fixtures';

/**
 * An agency's document-number formats set by its administrator over real HTTP (PATCH /api/v1/admin/agencies/{id}): a
 * format that cannot number documents is a 400 naming the field that writes nothing; a valid one is recorded in the
 * registry and the next 告知书 郴州市应急管理局 issues bears it.
 */
const ADMIN = 'u-431000-admin'; // 郴州市应急管理局's administrator (demo seed)
const CITY = 'ag-431000';
const [CITY_OFFICER_1, CITY_OFFICER_2, CITY_HEAD] = ['u-431000-officer-1', 'u-431000-officer-2', 'u-431000-head'];
const NOTICE_FORMAT = '{short}罚告字〔{year}〕第{n}号';

describe('per-agency document number formats (文书编号格式)', () => {
  let t: TestApp;
  const scratch = mkdtempSync(path.join(tmpdir(), 'casetrail-formats-'));
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const patchCity = (body: object) => t.http.as(ADMIN, 'PATCH', `/api/v1/admin/agencies/${CITY}`, body);
  const cityFormats = async () =>
    ((await t.http.as(ADMIN, 'GET', '/api/v1/admin/agencies')).body.items as { id: string; numberFormats?: object }[]).find(
      (a) => a.id === CITY,
    )?.numberFormats;
  const revision = async (): Promise<number> => (await t.http.as(ADMIN, 'GET', '/api/v1/admin/events?limit=1')).body.revision;

  it('refuses a format without {n}, with an unknown placeholder or for an unknown series: 400 naming the field, nothing written', async () => {
    const before = { revision: await revision(), head: await t.http.headPosition(), formats: await cityFormats() };
    for (const [numberFormats, field, says] of [
      [{ notice: '{short}罚告〔{year}〕号' }, 'numberFormats.notice', '{n}'],
      [{ notice: '{short}罚告〔{yr}〕{n}号' }, 'numberFormats.notice', '{yr}'],
      [{ notice: '{short}罚告字第{n}号' }, 'numberFormats.notice', '{year}'],
      [{ decision: '{short}罚〔{year}〕{n}{n}号' }, 'numberFormats.decision', '{n}'],
      [{ warrant: '{short}令〔{year}〕{n}号' }, 'numberFormats.warrant', 'warrant'],
      [{ notice: '' }, 'numberFormats.notice', '1–60'],
    ] as const) {
      const res = await patchCity({ numberFormats });
      expect({ field, status: res.status, type: res.headers.get('content-type') }).toEqual({
        field,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'numberFormats' })]);
      expect(JSON.stringify(res.body.errors)).toContain(`${field}: `);
      expect(JSON.stringify(res.body.errors)).toContain(says);
    }
    // A valid format next to a bad one is refused with it.
    expect((await patchCity({ numberFormats: { notice: NOTICE_FORMAT, hearingNotice: '听通' } })).status).toBe(400);
    expect({ revision: await revision(), head: await t.http.headPosition(), formats: await cityFormats() }).toEqual(before);
  });

  it('sets the 告知书 format of 郴州市应急管理局, keeping its other formats; the registry records the change', async () => {
    const set = await patchCity({ numberFormats: { notice: NOTICE_FORMAT } });
    expect(set.status).toBe(200);
    expect(set.body.agency.numberFormats).toEqual({ notice: NOTICE_FORMAT });
    const more = await patchCity({ numberFormats: { hearingNotice: '{short}听通字〔{year}〕第{n}号' } });
    expect(await cityFormats()).toEqual({ notice: NOTICE_FORMAT, hearingNotice: '{short}听通字〔{year}〕第{n}号' });
    const events = (await t.http.as(ADMIN, 'GET', `/api/v1/admin/events?subjectId=${CITY}`)).body.items;
    expect(events.slice(-2)).toEqual([
      expect.objectContaining({ type: 'AgencyUpdated', data: { id: CITY, numberFormats: { notice: NOTICE_FORMAT } } }),
      expect.objectContaining({ type: 'AgencyUpdated', data: { id: CITY, numberFormats: await cityFormats() } }),
    ]);
    expect(more.status).toBe(200);
  });

  it('numbers the next 告知书 the agency issues in that format (its PDF says so)', async () => {
    const party = { ...openCaseBody().party, address: '郴州市北湖区人民西路88号' };
    const opened = await t.http.as(
      CITY_OFFICER_1,
      'POST',
      '/api/v1/cases',
      openCaseBody({ agencyId: CITY, party, handlingOfficerIds: [CITY_OFFICER_1, CITY_OFFICER_2] }),
    );
    expect(opened.status).toBe(201);
    const id = opened.body.case.caseId as string;
    const run = async (user: string, command: string, body: object) => {
      const res = await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
      expect({ command, status: res.status, detail: res.body?.detail }).toMatchObject({ command, status: 200 });
      return res;
    };
    const penalties = [{ kind: 'fine', amountYuan: 8000 }];
    const legalBasis = ['安全生产法 Art. 99'];
    await run(CITY_HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
    const evidence = { kind: 'inspection', title: '检查', officerIds: [CITY_OFFICER_1, CITY_OFFICER_2], contentHash: HASH };
    await run(CITY_OFFICER_1, 'record-evidence', { ...evidence, occurredAt: at('2026-09-03') });
    await run(CITY_OFFICER_1, 'conclude-investigation', {
      findings: '属实',
      proposedOutcome: 'penalty',
      proposedPenalties: penalties,
      legalBasis,
      occurredAt: at('2026-09-04'),
    });
    const served = await run(CITY_OFFICER_1, 'issue-penalty-notice', {
      proposedPenalties: penalties,
      legalBasis,
      occurredAt: at('2026-09-04'),
    });
    const issued = served.body.events.find((e: { type: string }) => e.type === 'DocumentIssued');
    expect(issued?.data.number).toMatch(/^郴应急罚告字〔2026〕第\d+号$/);

    const res = await fetch(`${t.http.baseUrl}/api/v1/cases/${id}/documents/issued/${encodeURIComponent(issued.data.number)}`, {
      headers: { authorization: `Bearer ${await t.http.token(CITY_OFFICER_1)}` },
    });
    expect(res.status).toBe(200);
    const pdf = path.join(scratch, 'notice.pdf');
    writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(issued.data.number);
  });
});
