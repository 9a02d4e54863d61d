import { Directory } from './directory';
import { demoDirectoryEvents } from './demo-directory';
import * as rules from './registry-rules';

function demo(): Directory {
  const d = new Directory();
  demoDirectoryEvents().forEach((e) => d.apply(e));
  return d;
}

/** The rule codes of a refusal (and its status), or 'ok'. */
const refusal = (d: rules.RegistryDecision) => (d.ok ? 'ok' : { status: d.status, rules: d.violations.map((v) => v.rule) });

const township = {
  id: 'ag-431021101',
  divisionCode: '431021101',
  name: '桂阳县某镇安全生产执法中队',
  shortName: '桂阳应急',
  level: 'township' as const,
  parentId: 'ag-431021',
};

describe('registry rules: agencies', () => {
  it('registers a township under a county; enforcement power defaults to none for a township', () => {
    const d = rules.decideRegisterAgency(demo(), township);
    expect(d).toEqual({ ok: true, events: [{ type: 'AgencyRegistered', data: { ...township, enforcementPower: false } }] });
  });

  it('refuses a duplicate id with 409', () => {
    expect(refusal(rules.decideRegisterAgency(demo(), { ...township, id: 'ag-431002' }))).toEqual({
      status: 409,
      rules: ['agencyIdUnique'],
    });
  });

  it('division code: 6 digits for a city or county, 9 for a township', () => {
    expect(refusal(rules.decideRegisterAgency(demo(), { ...township, divisionCode: '43102110' }))).toEqual({
      status: 422,
      rules: ['divisionCodeFormat'],
    });
    expect(refusal(rules.decideRegisterAgency(demo(), { ...township, divisionCode: '431021' }))).toEqual({
      status: 422,
      rules: ['divisionCodeFormat'],
    });
    expect(
      refusal(rules.decideRegisterAgency(demo(), { ...township, level: 'county', divisionCode: '4310211', parentId: 'ag-431000' })),
    ).toEqual({ status: 422, rules: ['divisionCodeFormat'] });
  });

  it('the parent must exist, and be of a higher level', () => {
    expect(refusal(rules.decideRegisterAgency(demo(), { ...township, parentId: 'ag-nowhere' }))).toEqual({
      status: 422,
      rules: ['parentExists'],
    });
    expect(refusal(rules.decideRegisterAgency(demo(), { ...township, parentId: 'ag-431002001' }))).toEqual({
      status: 422,
      rules: ['levelBelowParent'],
    });
    expect(
      refusal(rules.decideRegisterAgency(demo(), { ...township, level: 'county', divisionCode: '431099', parentId: 'ag-431021' })),
    ).toEqual({
      status: 422,
      rules: ['levelBelowParent'],
    });
    expect(refusal(rules.decideRegisterAgency(demo(), { ...township, parentId: null }))).toEqual({
      status: 422,
      rules: ['parentRequired'],
    });
  });

  it('the entrusting agency must hold enforcement power and be above the entrusted organisation', () => {
    expect(rules.decideRegisterAgency(demo(), { ...township, entrustedBy: 'ag-431021' }).ok).toBe(true);
    expect(rules.decideRegisterAgency(demo(), { ...township, entrustedBy: 'ag-431000' }).ok).toBe(true);
    expect(refusal(rules.decideRegisterAgency(demo(), { ...township, entrustedBy: 'ag-431003' }))).toEqual({
      status: 422,
      rules: ['entrustingAgencyIsAncestor'],
    });
    expect(refusal(rules.decideRegisterAgency(demo(), { ...township, entrustedBy: 'ag-nowhere' }))).toEqual({
      status: 422,
      rules: ['entrustingAgencyQualified'],
    });
    const dir = demo();
    dir.apply({ type: 'AgencyUpdated', data: { id: 'ag-431021', enforcementPower: false } });
    expect(refusal(rules.decideRegisterAgency(dir, { ...township, entrustedBy: 'ag-431021' }))).toEqual({
      status: 422,
      rules: ['entrustingAgencyQualified'],
    });
  });

  it('sets the remedy bodies and fine account the documents name, and writes nothing when they are unchanged', () => {
    const dir = demo();
    expect(dir.agency('ag-431002')).toMatchObject({ reconsiderationBody: '郴州市北湖区人民政府', litigationCourt: '郴州市北湖区人民法院' });
    const changed = rules.decideUpdateAgency(dir, {
      id: 'ag-431002',
      litigationCourt: '郴州市苏仙区人民法院',
      reconsiderationBody: '郴州市北湖区人民政府',
    });
    expect(changed).toEqual({
      ok: true,
      events: [{ type: 'AgencyUpdated', data: { id: 'ag-431002', litigationCourt: '郴州市苏仙区人民法院' } }],
    });
    expect(rules.decideUpdateAgency(dir, { id: 'ag-431002', finePayment: dir.agency('ag-431002')!.finePayment })).toEqual({
      ok: true,
      events: [],
    });
  });

  it('sets the number formats named, keeping the others; the event records the whole set; unchanged writes nothing', () => {
    const dir = demo();
    const first = rules.decideUpdateAgency(dir, { id: 'ag-431000', numberFormats: { notice: '{short}罚告字〔{year}〕第{n}号' } });
    expect(first).toEqual({
      ok: true,
      events: [{ type: 'AgencyUpdated', data: { id: 'ag-431000', numberFormats: { notice: '{short}罚告字〔{year}〕第{n}号' } } }],
    });
    dir.apply({ type: 'AgencyUpdated', data: { id: 'ag-431000', numberFormats: { notice: '{short}罚告字〔{year}〕第{n}号' } } });
    expect(rules.decideUpdateAgency(dir, { id: 'ag-431000', numberFormats: { hearingNotice: '{short}听通〔{year}〕{n}号' } })).toEqual({
      ok: true,
      events: [
        {
          type: 'AgencyUpdated',
          data: {
            id: 'ag-431000',
            numberFormats: { notice: '{short}罚告字〔{year}〕第{n}号', hearingNotice: '{short}听通〔{year}〕{n}号' },
          },
        },
      ],
    });
    expect(rules.decideUpdateAgency(dir, { id: 'ag-431000', numberFormats: { notice: '{short}罚告字〔{year}〕第{n}号' } })).toEqual({
      ok: true,
      events: [],
    });
  });

  it('moving an agency under itself or below it is a cycle', () => {
    expect(refusal(rules.decideUpdateAgency(demo(), { id: 'ag-431002', parentId: 'ag-431002001' }))).toEqual({
      status: 422,
      rules: ['noCycle'],
    });
    expect(refusal(rules.decideUpdateAgency(demo(), { id: 'ag-431002', parentId: 'ag-431002' }))).toEqual({
      status: 422,
      rules: ['noCycle'],
    });
  });

  it('an update is checked against the agencies that depend on it', () => {
    // 北湖区 entrusts its township squad: it cannot give up enforcement power, nor drop to the squad's level.
    expect(refusal(rules.decideUpdateAgency(demo(), { id: 'ag-431002', enforcementPower: false }))).toEqual({
      status: 422,
      rules: ['entrustingAgencyQualified'],
    });
    expect(refusal(rules.decideUpdateAgency(demo(), { id: 'ag-431002', level: 'township' }))).toEqual({
      status: 422,
      rules: ['divisionCodeFormat'],
    });
    // Moving the squad under 苏仙区 leaves its entrusting 北湖区 outside its line.
    expect(refusal(rules.decideUpdateAgency(demo(), { id: 'ag-431002001', parentId: 'ag-431003' }))).toEqual({
      status: 422,
      rules: ['entrustingAgencyIsAncestor'],
    });
    expect(rules.decideUpdateAgency(demo(), { id: 'ag-431002001', parentId: 'ag-431003', entrustedBy: 'ag-431003' }).ok).toBe(true);
    expect(rules.decideUpdateAgency(demo(), { id: 'ag-431002001', entrustedBy: null })).toEqual({
      ok: true,
      events: [{ type: 'AgencyUpdated', data: { id: 'ag-431002001', entrustedBy: null } }],
    });
  });

  it('an update that changes nothing writes nothing; an unknown agency is 404', () => {
    expect(rules.decideUpdateAgency(demo(), { id: 'ag-431002', name: '北湖区应急管理局', enforcementPower: true })).toEqual({
      ok: true,
      events: [],
    });
    expect(refusal(rules.decideUpdateAgency(demo(), { id: 'ag-nowhere', name: 'x' }))).toEqual({ status: 404, rules: ['agencyFound'] });
  });
});

describe('registry rules: users, certificates, training', () => {
  const user = { id: 'u-431021-officer-9', name: '新人', roles: ['officer' as const], agencyId: 'ag-431021' };

  it('registers a user, issuing a given certificate by its own event', () => {
    const d = rules.decideRegisterUser(demo(), {
      ...user,
      certificate: { number: '43102120260019', validFrom: '2026-01-01', validUntil: '2030-12-31' },
    });
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['UserRegistered', 'CertificateIssued']);
  });

  it('refuses a duplicate id (409), an unknown agency, unknown roles and an unqualified legal reviewer, all at once', () => {
    expect(refusal(rules.decideRegisterUser(demo(), { ...user, id: 'u-431002-officer-1' }))).toEqual({
      status: 409,
      rules: ['userIdUnique'],
    });
    expect(
      refusal(rules.decideRegisterUser(demo(), { ...user, agencyId: 'ag-x', roles: ['officer', 'mayor' as never, 'legal_reviewer'] })),
    ).toEqual({
      status: 422,
      rules: ['userAgencyExists', 'knownRoles', 'legalReviewerQualified'],
    });
  });

  it('taking the reviewer role needs the qualification; removing the qualification of a reviewer is refused', () => {
    expect(refusal(rules.decideUpdateUser(demo(), { id: 'u-431021-officer-1', roles: ['officer', 'legal_reviewer'] }))).toEqual({
      status: 422,
      rules: ['legalReviewerQualified'],
    });
    expect(
      rules.decideUpdateUser(demo(), {
        id: 'u-431021-officer-1',
        roles: ['officer', 'legal_reviewer'],
        legalQualification: 'A20214310210009',
      }).ok,
    ).toBe(true);
    expect(refusal(rules.decideUpdateUser(demo(), { id: 'u-431021-reviewer', legalQualification: null }))).toEqual({
      status: 422,
      rules: ['legalReviewerQualified'],
    });
    expect(rules.decideUpdateUser(demo(), { id: 'u-431021-reviewer', roles: ['legal_reviewer'] })).toEqual({ ok: true, events: [] });
  });

  it('certificates: a number of 4–32 letters, digits or hyphens held by no one else, and validFrom ≤ validUntil', () => {
    const dir = demo();
    expect(
      refusal(
        rules.decideIssueCertificate(dir, 'u-431021-officer-1', { number: '证 1', validFrom: '2026-01-01', validUntil: '2025-12-31' }),
      ),
    ).toEqual({
      status: 422,
      rules: ['certificateNumberFormat', 'certificateTerm'],
    });
    expect(
      refusal(
        rules.decideIssueCertificate(dir, 'u-431021-officer-1', {
          number: '43102120240012',
          validFrom: '2026-01-01',
          validUntil: '2030-12-31',
        }),
      ),
    ).toEqual({
      status: 422,
      rules: ['certificateNumberUnique'],
    });
    expect(
      rules.decideIssueCertificate(dir, 'u-431021-officer-1', {
        number: '43102120240011',
        validFrom: '2026-01-01',
        validUntil: '2026-01-01',
      }).ok,
    ).toBe(true);
  });

  it('status changes need a certificate, a date within its term, and a certificate not revoked', () => {
    const dir = demo();
    expect(
      refusal(
        rules.decideChangeCertificateStatus(dir, 'u-431021-reviewer', { status: 'suspended', effectiveFrom: '2026-11-01', reason: 'r' }),
      ),
    ).toEqual({ status: 422, rules: ['hasCertificate'] });
    expect(
      refusal(
        rules.decideChangeCertificateStatus(dir, 'u-431021-officer-1', { status: 'suspended', effectiveFrom: '2030-01-01', reason: 'r' }),
      ),
    ).toEqual({ status: 422, rules: ['statusFromWithinTerm'] });
    const revoke = rules.decideChangeCertificateStatus(dir, 'u-431021-officer-1', {
      status: 'revoked',
      effectiveFrom: '2026-11-01',
      reason: '吊销',
    });
    expect(revoke.ok).toBe(true);
    if (revoke.ok) revoke.events.forEach((e) => dir.apply(e));
    expect(
      refusal(
        rules.decideChangeCertificateStatus(dir, 'u-431021-officer-1', { status: 'valid', effectiveFrom: '2026-11-20', reason: 'r' }),
      ),
    ).toEqual({ status: 422, rules: ['certificateNotRevoked'] });
  });

  it('training: 0 < hours ≤ 200, dated in its year and not in the future', () => {
    const ok = { year: 2026, hours: 200, course: '执法培训', date: '2026-11-27' };
    expect(rules.decideRecordTraining(demo(), 'u-431021-officer-1', ok, '2026-11-27').ok).toBe(true);
    expect(refusal(rules.decideRecordTraining(demo(), 'u-431021-officer-1', { ...ok, hours: 0 }, '2026-11-27'))).toEqual({
      status: 422,
      rules: ['trainingHoursRange'],
    });
    expect(refusal(rules.decideRecordTraining(demo(), 'u-431021-officer-1', { ...ok, hours: 200.5 }, '2026-11-27'))).toEqual({
      status: 422,
      rules: ['trainingHoursRange'],
    });
    expect(refusal(rules.decideRecordTraining(demo(), 'u-431021-officer-1', { ...ok, year: 2025 }, '2026-11-27'))).toEqual({
      status: 422,
      rules: ['trainingDateInYear'],
    });
    expect(refusal(rules.decideRecordTraining(demo(), 'u-431021-officer-1', ok, '2026-11-26'))).toEqual({
      status: 422,
      rules: ['trainingNotInFuture'],
    });
    expect(refusal(rules.decideRecordTraining(demo(), 'u-nobody', ok, '2026-11-27'))).toEqual({ status: 404, rules: ['userFound'] });
  });

  it('deactivation: not twice, not oneself; reactivation only of an inactive user', () => {
    const dir = demo();
    expect(refusal(rules.decideDeactivateUser(dir, 'u-431000-admin', 'u-431000-admin', '离职', '2026-11-27'))).toEqual({
      status: 422,
      rules: ['notOwnAccount'],
    });
    expect(refusal(rules.decideReactivateUser(dir, 'u-431021-officer-1'))).toEqual({ status: 409, rules: ['userInactive'] });
    const off = rules.decideDeactivateUser(dir, 'u-431021-officer-1', 'u-431000-admin', '调离', '2026-11-27');
    expect(off).toEqual({
      ok: true,
      events: [{ type: 'UserDeactivated', data: { userId: 'u-431021-officer-1', effectiveFrom: '2026-11-27', reason: '调离' } }],
    });
    if (off.ok) off.events.forEach((e) => dir.apply(e));
    expect(refusal(rules.decideDeactivateUser(dir, 'u-431021-officer-1', 'u-431000-admin', '调离', '2026-11-27'))).toEqual({
      status: 409,
      rules: ['userActive'],
    });
    expect(rules.decideReactivateUser(dir, 'u-431021-officer-1').ok).toBe(true);
  });
});
