import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DIRECTORY_STREAM } from '@app/directory';
import { TestApp, startTestApp } from '../support/test-app';
import { HttpResponse } from '../support/http-client';
import { openAndFile } from '../support/cases';
import { HASH, HEAD, OFFICER_1, at } from '../support/fixtures';

const ADMIN = 'u-431000-admin'; // 郴州市应急管理局's administrator (demo seed)
const SUXIAN_ADMIN = 'u-431003-admin'; // registered by the first test: an administrator of a county
const TOWNSHIP = {
  id: 'ag-431021101',
  divisionCode: '431021101',
  name: '桂阳县仁义镇安全生产执法中队',
  shortName: '桂阳应急',
  level: 'township',
  parentId: 'ag-431021',
};
const NEWCOMER = {
  id: 'u-431021-officer-9',
  name: '李新',
  roles: ['officer'],
  agencyId: 'ag-431021',
  certificate: { number: '43102120260019', validFrom: '2026-01-01', validUntil: '2030-12-31' },
};

/**
 * The organisation registry over real HTTP: every change is an event of the `directory` stream with its actor, every
 * refusal names the field or the rule and writes nothing, and the registry in memory follows each change at once.
 */
describe('registry administration (/api/v1/admin) over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const made = await t.http.as(ADMIN, 'POST', '/api/v1/admin/users', {
      id: SUXIAN_ADMIN,
      name: '苏仙管理员',
      roles: ['admin'],
      agencyId: 'ag-431003',
    });
    if (made.status !== 201) throw new Error(`register ${SUXIAN_ADMIN}: ${made.status} ${JSON.stringify(made.body)}`);
  });
  afterAll(async () => t.close());

  const admin = (method: string, url: string, body?: unknown, user = ADMIN, headers?: Record<string, string>) =>
    t.http.as(user, method, `/api/v1/admin${url}`, body, headers);
  const revision = async (): Promise<number> => (await admin('GET', '/events?limit=1')).body.revision;

  /** Runs a request that must be refused: the directory stream and the whole store stay as they were. */
  async function refused(request: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const [rev, head] = [await revision(), await t.http.headPosition()];
    const res = await request();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect({ revision: await revision(), head: await t.http.headPosition() }).toEqual({ revision: rev, head });
    return res;
  }
  const rules = (res: HttpResponse) => ({ status: res.status, rules: (res.body.violations ?? []).map((v: any) => v.rule) });

  it('documents every admin route under the tag 机构与人员 registry', async () => {
    const doc = (await t.http.request('GET', '/api/docs/openapi.json')).body;
    const routes = [
      ['get', '/api/v1/admin/agencies'],
      ['post', '/api/v1/admin/agencies'],
      ['patch', '/api/v1/admin/agencies/{id}'],
      ['get', '/api/v1/admin/users'],
      ['get', '/api/v1/admin/users/{id}'],
      ['post', '/api/v1/admin/users'],
      ['patch', '/api/v1/admin/users/{id}'],
      ['post', '/api/v1/admin/users/{id}/deactivate'],
      ['post', '/api/v1/admin/users/{id}/reactivate'],
      ['post', '/api/v1/admin/users/{id}/certificate'],
      ['post', '/api/v1/admin/users/{id}/certificate/status'],
      ['post', '/api/v1/admin/users/{id}/training'],
      ['get', '/api/v1/admin/events'],
    ];
    for (const [method, path] of routes)
      expect({ method, path, tags: doc.paths[path]?.[method]?.tags }).toEqual({ method, path, tags: ['机构与人员 registry'] });
    expect(doc.paths['/api/v1/reports/staffing'].get.tags).toEqual(['reports 报表']);
  });

  describe('agencies', () => {
    it('lists the agencies below the administrator, registers a township and renames it; the registry follows at once', async () => {
      const list = await admin('GET', '/agencies');
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(13); // the city, its 11 bureaus and the entrusted township squad
      expect(list.body.items.find((a: any) => a.id === 'ag-431002001')).toMatchObject({
        entrustedBy: 'ag-431002',
        enforcementPower: false,
      });
      expect((await admin('GET', '/agencies', undefined, SUXIAN_ADMIN)).body.items.map((a: any) => a.id)).toEqual(['ag-431003']);

      const before = await revision();
      const created = await admin('POST', '/agencies', { ...TOWNSHIP, entrustedBy: 'ag-431021' }, ADMIN, {
        'x-request-id': 'req-township-1',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        revision: before + 1,
        agency: { ...TOWNSHIP, entrustedBy: 'ag-431021', enforcementPower: false },
      });
      expect(created.body.events.map((e: any) => e.type)).toEqual(['AgencyRegistered']);
      expect((await admin('GET', '/agencies')).body.items.map((a: any) => a.id)).toContain(TOWNSHIP.id);

      const renamed = await admin('PATCH', `/agencies/${TOWNSHIP.id}`, { name: '桂阳县仁义镇应急管理办公室' });
      expect(renamed.status).toBe(200);
      expect(renamed.body.agency.name).toBe('桂阳县仁义镇应急管理办公室');
      expect(renamed.body.events).toEqual([
        expect.objectContaining({ type: 'AgencyUpdated', data: { id: TOWNSHIP.id, name: '桂阳县仁义镇应急管理办公室' } }),
      ]);
      const unchanged = await admin('PATCH', `/agencies/${TOWNSHIP.id}`, { name: '桂阳县仁义镇应急管理办公室' });
      expect(unchanged.status).toBe(200);
      expect(unchanged.body.events).toEqual([]); // nothing changed, nothing written

      const history = await admin('GET', `/events?subjectId=${TOWNSHIP.id}`);
      expect(history.body.items.map((e: any) => e.type)).toEqual(['AgencyRegistered', 'AgencyUpdated']);
      expect(history.body.items[0].metadata).toMatchObject({
        actor: { id: ADMIN, name: '系统管理员', roles: ['admin'], agencyId: 'ag-431000' },
        command: 'register-agency',
        requestId: 'req-township-1',
        clientIp: '127.0.0.1',
        occurredAt: expect.any(String),
        recordedAt: expect.any(String),
        agencyIds: [TOWNSHIP.id],
      });
      expect(history.body.items[1].metadata.command).toBe('update-agency');
    });

    it('refuses a duplicate id with 409', async () => {
      const res = await refused(() => admin('POST', '/agencies', { ...TOWNSHIP, id: 'ag-431002' }));
      expect(rules(res)).toEqual({ status: 409, rules: ['agencyIdUnique'] });
    });

    it('422 naming the rule: missing parent, bad division code, level not below the parent', async () => {
      expect(rules(await refused(() => admin('POST', '/agencies', { ...TOWNSHIP, id: 'ag-431021102', parentId: 'ag-431099' })))).toEqual({
        status: 422,
        rules: ['parentExists'],
      });
      const code = await refused(() => admin('POST', '/agencies', { ...TOWNSHIP, id: 'ag-431021102', divisionCode: '4310211' }));
      expect(rules(code)).toEqual({ status: 422, rules: ['divisionCodeFormat'] });
      expect(code.body.violations[0]).toMatchObject({
        field: 'divisionCode',
        source: expect.stringContaining('GB/T'),
        message: { zh: expect.any(String), en: expect.any(String) },
      });
      expect(code.body.errors[0].field).toBe('divisionCode');
      expect(rules(await refused(() => admin('POST', '/agencies', { ...TOWNSHIP, id: 'ag-431021102', parentId: 'ag-431002001' })))).toEqual(
        { status: 422, rules: ['levelBelowParent'] },
      );
      expect(
        rules(
          await refused(() =>
            admin('POST', '/agencies', { ...TOWNSHIP, id: 'ag-431099', level: 'county', divisionCode: '431099', parentId: 'ag-431021' }),
          ),
        ),
      ).toEqual({
        status: 422,
        rules: ['levelBelowParent'],
      });
    });

    it('422 for a cycle: a county cannot move under its own township', async () => {
      expect(rules(await refused(() => admin('PATCH', '/agencies/ag-431021', { parentId: TOWNSHIP.id })))).toEqual({
        status: 422,
        rules: ['noCycle'],
      });
    });

    it('422 for an entrustment by an agency without enforcement power, or not above the organisation', async () => {
      // The township squad of 北湖区 is itself entrusted: it holds no power to entrust.
      const powerless = await refused(() =>
        admin('POST', '/agencies', {
          ...TOWNSHIP,
          id: 'ag-431002002',
          divisionCode: '431002002',
          parentId: 'ag-431002',
          entrustedBy: 'ag-431002001',
        }),
      );
      expect(rules(powerless)).toEqual({ status: 422, rules: ['entrustingAgencyQualified'] });
      const sibling = await refused(() => admin('POST', '/agencies', { ...TOWNSHIP, id: 'ag-431021102', entrustedBy: 'ag-431003' }));
      expect(rules(sibling)).toEqual({ status: 422, rules: ['entrustingAgencyIsAncestor'] });
      // Taking power from 北湖区 would leave its entrusted squad with an unqualified entrusting agency.
      expect(rules(await refused(() => admin('PATCH', '/agencies/ag-431002', { enforcementPower: false })))).toEqual({
        status: 422,
        rules: ['entrustingAgencyQualified'],
      });
    });

    it('400 naming the field for a malformed body; 404 for an unknown agency', async () => {
      const bad = await refused(() => admin('POST', '/agencies', { ...TOWNSHIP, id: 'AG 1', level: 'province', name: '', extra: 1 }));
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['extra', 'id', 'level', 'name']);
      expect((await refused(() => admin('PATCH', '/agencies/ag-431000', { name: null }))).body.errors[0].field).toBe('name');
      expect((await refused(() => admin('PATCH', '/agencies/ag-nowhere', { name: '无' }))).status).toBe(404);
    });

    it('403 for a non-administrator and for the administrator of a sibling county', async () => {
      expect((await refused(() => admin('POST', '/agencies', { ...TOWNSHIP, id: 'ag-431021103' }, HEAD))).status).toBe(403);
      expect((await refused(() => admin('GET', '/agencies', undefined, HEAD))).status).toBe(403);
      expect((await refused(() => admin('POST', '/agencies', { ...TOWNSHIP, id: 'ag-431021103' }, SUXIAN_ADMIN))).status).toBe(403);
      expect((await refused(() => admin('PATCH', '/agencies/ag-431021', { name: '改名' }, SUXIAN_ADMIN))).status).toBe(403);
      // Moving its own bureau under another county is outside its line too.
      expect((await refused(() => admin('PATCH', '/agencies/ag-431003', { parentId: 'ag-431021' }, SUXIAN_ADMIN))).status).toBe(403);
    });
  });

  describe('users', () => {
    it('registers a user with a certificate (two events), reads and lists it, changes it', async () => {
      const created = await admin('POST', '/users', NEWCOMER);
      expect(created.status).toBe(201);
      expect(created.body.events.map((e: any) => e.type)).toEqual(['UserRegistered', 'CertificateIssued']);
      expect(created.body.user).toMatchObject({
        id: NEWCOMER.id,
        active: true,
        certificate: { ...NEWCOMER.certificate, status: 'valid' },
        trainingHoursByYear: {},
      });
      expect((await admin('GET', `/users/${NEWCOMER.id}`)).body.user.name).toBe('李新');
      const listed = await admin('GET', '/users?agencyId=ag-431021');
      expect(listed.body.items.map((u: any) => u.id)).toEqual(expect.arrayContaining(['u-431021-head', NEWCOMER.id]));
      expect(listed.body.items.every((u: any) => u.agencyId === 'ag-431021')).toBe(true);
      const below = await admin('GET', '/users?agencyId=ag-431002&includeSubordinates=true');
      expect(below.body.items.map((u: any) => u.agencyId)).toEqual(expect.arrayContaining(['ag-431002', 'ag-431002001']));

      const promoted = await admin('PATCH', `/users/${NEWCOMER.id}`, {
        roles: ['officer', 'legal_reviewer'],
        legalQualification: 'A20214310210009',
      });
      expect(promoted.status).toBe(200);
      expect(promoted.body.user).toMatchObject({ roles: ['officer', 'legal_reviewer'], legalQualification: 'A20214310210009' });
      expect((await admin('GET', `/users/${NEWCOMER.id}`, undefined, SUXIAN_ADMIN)).status).toBe(403);
    });

    it('refuses a duplicate id (409), an unknown agency, unknown roles and an unqualified legal reviewer (422), writing nothing', async () => {
      expect(rules(await refused(() => admin('POST', '/users', { ...NEWCOMER, id: 'u-431021-head', certificate: undefined })))).toEqual({
        status: 409,
        rules: ['userIdUnique'],
      });
      expect(
        rules(await refused(() => admin('POST', '/users', { ...NEWCOMER, id: 'u-x-1', agencyId: 'ag-431099', certificate: undefined }))),
      ).toEqual({ status: 422, rules: ['userAgencyExists'] });
      expect(
        rules(
          await refused(() => admin('POST', '/users', { ...NEWCOMER, id: 'u-x-1', roles: ['officer', 'mayor'], certificate: undefined })),
        ),
      ).toEqual({ status: 422, rules: ['knownRoles'] });
      const reviewer = await refused(() =>
        admin('POST', '/users', { ...NEWCOMER, id: 'u-x-1', roles: ['legal_reviewer'], certificate: undefined }),
      );
      expect(rules(reviewer)).toEqual({ status: 422, rules: ['legalReviewerQualified'] });
      expect(reviewer.body.violations[0]).toMatchObject({ field: 'legalQualification', source: '行政处罚法 Art. 58' });
      expect(rules(await refused(() => admin('PATCH', '/users/u-431021-officer-1', { roles: ['officer', 'legal_reviewer'] })))).toEqual({
        status: 422,
        rules: ['legalReviewerQualified'],
      });
      expect(rules(await refused(() => admin('PATCH', '/users/u-431021-reviewer', { legalQualification: null })))).toEqual({
        status: 422,
        rules: ['legalReviewerQualified'],
      });
      expect((await refused(() => admin('POST', '/users', { ...NEWCOMER, id: 'u-x-1', roles: [] }))).body.errors[0].field).toBe('roles');
      expect((await refused(() => admin('GET', '/users/u-nobody'))).status).toBe(404);
      expect((await refused(() => admin('GET', '/users?agencyId=ag-nowhere'))).status).toBe(404);
    });

    it('403 for a non-administrator, and for a county administrator acting on another county', async () => {
      expect((await refused(() => admin('GET', '/users', undefined, OFFICER_1))).status).toBe(403);
      expect((await refused(() => admin('POST', '/users', { ...NEWCOMER, id: 'u-x-2', certificate: undefined }, HEAD))).status).toBe(403);
      expect((await refused(() => admin('GET', '/users?agencyId=ag-431021', undefined, SUXIAN_ADMIN))).status).toBe(403);
      expect(
        (await refused(() => admin('POST', '/users', { ...NEWCOMER, id: 'u-x-2', certificate: undefined }, SUXIAN_ADMIN))).status,
      ).toBe(403);
      expect(
        (
          await refused(() =>
            admin('POST', '/users/u-431021-officer-1/training', { year: 2026, hours: 8, course: '培训', date: '2026-11-01' }, SUXIAN_ADMIN),
          )
        ).status,
      ).toBe(403);
      // Moving one of its own officers out to another county needs rights there too.
      expect((await refused(() => admin('PATCH', '/users/u-431003-officer-3', { agencyId: 'ag-431021' }, SUXIAN_ADMIN))).status).toBe(403);
      expect((await admin('GET', '/users?agencyId=ag-431003', undefined, SUXIAN_ADMIN)).status).toBe(200);
    });

    it('a deactivated user is refused with 401 and still listed as inactive; reactivation lets them back in', async () => {
      const user = 'u-431021-officer-3';
      expect((await t.http.as(user, 'GET', '/api/v1/cases')).status).toBe(200);
      const off = await admin('POST', `/users/${user}/deactivate`, { reason: '调离执法岗位' });
      expect(off.status).toBe(200);
      expect(off.body.user).toMatchObject({ active: false, inactiveFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      const denied = await t.http.as(user, 'GET', '/api/v1/cases');
      expect(denied.status).toBe(401);
      expect(denied.body).toMatchObject({ reason: 'user-deactivated', detail: expect.stringContaining('用户已停用') });
      expect((await admin('GET', `/users/${user}`)).body.user.active).toBe(false);
      expect(rules(await refused(() => admin('POST', `/users/${user}/deactivate`, { reason: '再次' })))).toEqual({
        status: 409,
        rules: ['userActive'],
      });
      expect((await admin('POST', `/users/${user}/reactivate`, { reason: '回到执法岗位' })).status).toBe(200);
      expect((await t.http.as(user, 'GET', '/api/v1/cases')).status).toBe(200);
      expect(rules(await refused(() => admin('POST', `/users/${user}/reactivate`, {})))).toEqual({ status: 409, rules: ['userInactive'] });
      expect(rules(await refused(() => admin('POST', `/users/${ADMIN}/deactivate`, { reason: '自己' })))).toEqual({
        status: 422,
        rules: ['notOwnAccount'],
      });
      expect((await refused(() => admin('POST', `/users/${user}/deactivate`, {}))).body.errors[0].field).toBe('reason');
    });
  });

  describe('certificates and training', () => {
    it('renews a certificate (the old one kept in the history); refuses a bad number, a reversed term, a taken number', async () => {
      const renewed = await admin('POST', `/users/${NEWCOMER.id}/certificate`, {
        number: '43102120260029',
        validFrom: '2026-06-01',
        validUntil: '2031-05-31',
      });
      expect(renewed.status).toBe(200);
      expect(renewed.body.user.certificate).toEqual({
        number: '43102120260029',
        validFrom: '2026-06-01',
        validUntil: '2031-05-31',
        status: 'valid',
      });
      expect(renewed.body.user.certificateHistory.map((c: any) => c.number)).toEqual(['43102120260019']);
      const url = `/users/${NEWCOMER.id}/certificate`;
      expect(rules(await refused(() => admin('POST', url, { number: '证号', validFrom: '2026-01-01', validUntil: '2030-12-31' })))).toEqual(
        { status: 422, rules: ['certificateNumberFormat'] },
      );
      expect(
        rules(await refused(() => admin('POST', url, { number: '43102120260039', validFrom: '2031-01-01', validUntil: '2030-12-31' }))),
      ).toEqual({ status: 422, rules: ['certificateTerm'] });
      expect(
        rules(await refused(() => admin('POST', url, { number: '43102120240011', validFrom: '2026-01-01', validUntil: '2030-12-31' }))),
      ).toEqual({ status: 422, rules: ['certificateNumberUnique'] });
      expect(
        (await refused(() => admin('POST', url, { number: '', validFrom: '2026-02-30', validUntil: '2030-12-31' }))).body.errors
          .map((e: any) => e.field)
          .sort(),
      ).toEqual(['number', 'validFrom']);
    });

    it('refuses a status change without a certificate, or dated outside its term', async () => {
      expect(
        rules(
          await refused(() =>
            admin('POST', '/users/u-431021-reviewer/certificate/status', {
              status: 'suspended',
              effectiveFrom: '2026-11-01',
              reason: '暂扣',
            }),
          ),
        ),
      ).toEqual({ status: 422, rules: ['hasCertificate'] });
      expect(
        rules(
          await refused(() =>
            admin('POST', '/users/u-431021-officer-1/certificate/status', {
              status: 'suspended',
              effectiveFrom: '2023-12-31',
              reason: '暂扣',
            }),
          ),
        ),
      ).toEqual({ status: 422, rules: ['statusFromWithinTerm'] });
      expect(
        (
          await refused(() =>
            admin('POST', '/users/u-431021-officer-1/certificate/status', { status: 'lost', effectiveFrom: '2026-11-01', reason: 'x' }),
          )
        ).body.errors[0].field,
      ).toBe('status');
    });

    it('records training into the year’s total; refuses hours out of range and a date outside the year', async () => {
      const url = `/users/${NEWCOMER.id}/training`;
      expect((await admin('POST', url, { year: 2026, hours: 8, course: '安全生产执法程序', date: '2026-03-10' })).status).toBe(200);
      const second = await admin('POST', url, { year: 2026, hours: 16, course: '危险化学品检查', date: '2026-05-12' });
      expect(second.body.user.trainingHoursByYear).toEqual({ '2026': 24 });
      expect(rules(await refused(() => admin('POST', url, { year: 2026, hours: 0, course: '零学时', date: '2026-03-10' })))).toEqual({
        status: 422,
        rules: ['trainingHoursRange'],
      });
      expect(rules(await refused(() => admin('POST', url, { year: 2026, hours: 200.5, course: '超长', date: '2026-03-10' })))).toEqual({
        status: 422,
        rules: ['trainingHoursRange'],
      });
      expect(rules(await refused(() => admin('POST', url, { year: 2025, hours: 8, course: '跨年', date: '2026-03-10' })))).toEqual({
        status: 422,
        rules: ['trainingDateInYear'],
      });
      expect(
        (await refused(() => admin('POST', url, { year: 2026, hours: 'eight', course: '', date: '2026-03-10' }))).body.errors
          .map((e: any) => e.field)
          .sort(),
      ).toEqual(['course', 'hours']);
    });

    it('concurrent changes all land, each decided on the registry the previous one left', async () => {
      const url = '/users/u-431021-officer-2/training';
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => admin('POST', url, { year: 2025, hours: n, course: `并发培训 ${n}`, date: '2025-06-0' + n })),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(results.map((r) => r.body.revision)).size).toBe(5);
      expect((await admin('GET', '/users/u-431021-officer-2')).body.user.trainingHoursByYear['2025']).toBe(40 + 15);
    });

    it('another writer’s append is caught up before deciding again (optimistic concurrency on the directory stream)', async () => {
      const store = t.app.get<EventStore>(EVENT_STORE);
      const current = await revision();
      await store.append(
        DIRECTORY_STREAM,
        [
          {
            id: randomUUID(),
            type: 'TrainingRecorded',
            data: { userId: 'u-431021-head', year: 2026, hours: 4, course: '另一进程写入', date: '2026-02-02' },
            metadata: { actor: { id: 'system', name: 'other writer', roles: [], agencyId: '' }, recordedAt: new Date().toISOString() },
          },
        ],
        current,
      );
      const res = await admin('POST', '/users/u-431021-head/training', { year: 2026, hours: 6, course: '本进程写入', date: '2026-02-03' });
      expect(res.status).toBe(200);
      expect(res.body.revision).toBe(current + 2);
      expect(res.body.user.trainingHoursByYear['2026']).toBe(32 + 4 + 6);
    });
  });

  it('the history shows every change of a user with its actor, and only to administrators of its line', async () => {
    const history = await admin('GET', `/events?subjectId=${NEWCOMER.id}`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: any) => [e.type, e.metadata.command, e.metadata.actor.id])).toEqual([
      ['UserRegistered', 'register-user', ADMIN],
      ['CertificateIssued', 'register-user', ADMIN],
      ['UserUpdated', 'update-user', ADMIN],
      ['CertificateIssued', 'issue-certificate', ADMIN],
      ['TrainingRecorded', 'record-training', ADMIN],
      ['TrainingRecorded', 'record-training', ADMIN],
    ]);
    const revisions = history.body.items.map((e: any) => e.revision);
    revisions.slice(1).forEach((r: number, i: number) => expect(r).toBeGreaterThan(revisions[i]));
    expect((await admin('GET', `/events?subjectId=${NEWCOMER.id}`, undefined, SUXIAN_ADMIN)).body.items).toEqual([]);
    const own = await admin('GET', `/events?subjectId=${SUXIAN_ADMIN}`, undefined, SUXIAN_ADMIN);
    expect(own.body.items.map((e: any) => e.type)).toEqual(['UserRegistered']);
    expect((await refused(() => admin('GET', '/events', undefined, 'u-431000-supervisor'))).status).toBe(403);
  });

  it('a suspension from a date refuses record-evidence on or after it, naming officer and certificate, and accepts a step before it', async () => {
    const officer = 'u-431002-officer-9';
    expect(
      (
        await admin('POST', '/users', {
          id: officer,
          name: '钱卫',
          roles: ['officer'],
          agencyId: 'ag-431002',
          certificate: { number: '43100220240019', validFrom: '2024-01-01', validUntil: '2029-12-31' },
        })
      ).status,
    ).toBe(201);
    const caseId = await openAndFile(t.http); // opened 2026-09-01, filed 2026-09-02
    const suspended = await admin('POST', `/users/${officer}/certificate/status`, {
      status: 'suspended',
      effectiveFrom: '2026-09-10',
      reason: '执法过错调查期间暂扣执法证',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.user.certificate).toMatchObject({ status: 'suspended', statusFrom: '2026-09-10' });

    const inspect = (date: string) =>
      t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${caseId}/commands/record-evidence`, {
        kind: 'inspection',
        title: `现场检查 ${date}`,
        officerIds: [OFFICER_1, officer],
        contentHash: HASH,
        occurredAt: at(date),
      });
    for (const date of ['2026-09-10', '2026-09-12']) {
      const res = await inspect(date);
      expect(res.status).toBe(422);
      expect(res.body.violations).toEqual([
        expect.objectContaining({
          rule: 'twoCertifiedOfficers',
          detail: `钱卫 (${officer}): 执法证 43100220240019 自 2026-09-10 起暂扣 (suspended from 2026-09-10)`,
        }),
      ]);
    }
    const before = await inspect('2026-09-09');
    expect(before.status).toBe(200);
    expect(before.body.events.map((e: any) => e.type)).toEqual(['EvidenceRecorded']);
  });
});
