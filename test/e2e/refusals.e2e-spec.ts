import { TestApp } from '../support/test-app';
import { startWithFiledCase } from '../support/cases';
import { HASH, HEAD, OFFICER_1, OFFICER_2, OTHER_COUNTY_OFFICER, at, openCaseBody } from '../support/fixtures';

/**
 * Bad input gets a clear error and changes nothing: each refused request is checked against the store's
 * global head position and the case's own history before and after.
 */
describe('refused commands write nothing', () => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => ({ t, id } = await startWithFiledCase()));
  afterAll(async () => t.close());

  /** Runs a request that must be refused, and proves nothing was appended anywhere. */
  async function refused(run: () => Promise<{ status: number; body: any; headers: Headers }>) {
    const head = await t.http.headPosition();
    const before = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body.length;
    const res = await run();
    expect(await t.http.headPosition()).toBe(head);
    expect((await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body.length).toBe(before);
    if (res.status >= 400) expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    return res;
  }

  it('409 for a command the stage does not accept, listing the allowed commands', async () => {
    const res = await refused(() =>
      t.http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/decide`, {
        outcome: 'penalty',
        penalties: [{ kind: 'fine', amountYuan: 1000 }],
        legalBasis: ['安全生产法 Art. 99'],
      }),
    );
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: 409, command: 'decide', stage: 'investigation' });
    expect(res.body.allowedCommands).toEqual(
      expect.arrayContaining(['record-evidence', 'conclude-investigation', 'record-interference', 'propose-referral']),
    );
    expect(res.body.allowedCommands).not.toContain('decide');
  });

  it('400 naming each bad field: a credit code with a wrong check character and only one handling officer', async () => {
    const body = openCaseBody({
      party: { kind: 'organization', name: '测试企业', creditCode: '91431002MA4L000078' },
      handlingOfficerIds: [OFFICER_1],
    });
    const res = await refused(() => t.http.as(OFFICER_1, 'POST', '/api/v1/cases', body));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(['handlingOfficerIds', 'party.creditCode']);
    expect(res.body.detail).toContain('GB 32100-2015');
    expect(res.body.detail).toContain('行政处罚法 Art. 42');
  });

  it('400 for an individual party with a wrong ID check digit, an unknown field, and a bad enumeration', async () => {
    const body = openCaseBody({
      party: { kind: 'individual', name: '张三', idNumber: '110105194912310021' },
      industry: 'textiles',
      actor: 'u-431002-head',
    });
    const res = await refused(() => t.http.as(OFFICER_1, 'POST', '/api/v1/cases', body));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field).sort()).toEqual(['actor', 'industry', 'party.idNumber']);
  });

  it('400 for malformed JSON and for an occurredAt in the future', async () => {
    const token = await t.http.token(OFFICER_1);
    const malformed = await refused(() =>
      fetch(`${t.http.baseUrl}/api/v1/cases/${id}/commands/record-evidence`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: '{"kind":',
      }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() })),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/JSON/);
    const future = await refused(() =>
      t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, {
        kind: 'photo',
        title: '照片',
        officerIds: [OFFICER_1],
        contentHash: HASH,
        occurredAt: '2099-01-01T00:00:00+08:00',
      }),
    );
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('occurredAt');
  });

  // An impossible date or time (02-30, 24:00), a date without a time, a time without an offset: refused once, at the
  // edge, naming the field — never judged (the access check reads occurredAt before validation) and never a 500.
  it.each(['2026-02-30T10:00:00+08:00', '2026-02-30', '2026-09-29T24:00:00+08:00', '2026-09-29T10:00:00', '2026-13-01T10:00:00Z'])(
    '400 naming occurredAt %p, on open-case and on a case command',
    async (occurredAt) => {
      const evidence = { kind: 'photo', title: '现场照片', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt };
      for (const send of [
        () => t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ occurredAt })),
        () => t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidence),
      ]) {
        const res = await refused(send);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['occurredAt']);
      }
    },
  );

  it('412 for a stale If-Match', async () => {
    const current = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body.revision;
    const res = await refused(() =>
      t.http.as(
        OFFICER_1,
        'POST',
        `/api/v1/cases/${id}/commands/record-evidence`,
        { kind: 'photo', title: '现场照片', officerIds: [OFFICER_1], contentHash: HASH },
        { 'if-match': `"${current - 1}"` },
      ),
    );
    expect(res.status).toBe(412);
    expect(res.body).toMatchObject({ expectedRevision: current - 1, currentRevision: current });
  });

  it('422 naming the rule and its legal source: inquiry by one officer, closing without attestations', async () => {
    const res = await refused(() =>
      t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, {
        kind: 'inquiry',
        title: '询问笔录',
        officerIds: [OFFICER_1],
        contentHash: HASH,
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.violations).toEqual([
      expect.objectContaining({
        rule: 'twoCertifiedOfficers',
        legalSource: '行政处罚法 Art. 42, 55; 安全生产法 Art. 67',
        message: expect.objectContaining({ zh: expect.any(String), en: expect.any(String) }),
      }),
    ]);
  });

  it('403 for an officer of a sibling county, reading or acting', async () => {
    const read = await refused(() => t.http.as(OTHER_COUNTY_OFFICER, 'GET', `/api/v1/cases/${id}`));
    expect(read.status).toBe(403);
    const act = await refused(() =>
      t.http.as(OTHER_COUNTY_OFFICER, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, {
        kind: 'photo',
        title: '照片',
        officerIds: [OTHER_COUNTY_OFFICER],
        contentHash: HASH,
      }),
    );
    expect(act.status).toBe(403);
  });

  it('404 for an unknown case and an unknown command', async () => {
    const unknownCase = await refused(() => t.http.as(OFFICER_1, 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000'));
    expect(unknownCase.status).toBe(404);
    const unknownCommand = await refused(() => t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/pay-bribe`, {}));
    expect(unknownCommand.status).toBe(404);
  });

  it('a repeated Idempotency-Key returns the first response and writes nothing new', async () => {
    const body = { kind: 'photo', title: '仓库照片', officerIds: [OFFICER_2], contentHash: HASH, occurredAt: at('2026-09-03') };
    const first = await t.http.as(OFFICER_2, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, body, {
      'idempotency-key': 'photo-1',
    });
    expect(first.status).toBe(200);
    const again = await refused(() =>
      t.http.as(OFFICER_2, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, body, { 'idempotency-key': 'photo-1' }),
    );
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const reused = await refused(() =>
      t.http.as(
        OFFICER_2,
        'POST',
        `/api/v1/cases/${id}/commands/record-evidence`,
        { ...body, title: '别的照片' },
        { 'idempotency-key': 'photo-1' },
      ),
    );
    expect(reused.status).toBe(422);
    expect(reused.body.type).toMatch(/idempotency-key-reused$/);
  });

  it('a repeated Idempotency-Key on open-case returns the same case, not a second one', async () => {
    const first = await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody(), { 'idempotency-key': 'open-1' });
    expect(first.status).toBe(201);
    const head = await t.http.headPosition();
    const again = await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody(), { 'idempotency-key': 'open-1' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await t.http.headPosition()).toBe(head);
  });
});
