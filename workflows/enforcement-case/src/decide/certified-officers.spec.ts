import { CaseEventBody } from '../case-events';
import { AGENCY, env, given, opened, people, when } from '../testing/given-when-then';
import { EnforcementCertificate, PersonRecord } from './decision-env';
import { certificateOn, certificateProblem, certificateStatusOn, certificateValidOn, twoCertifiedOfficers } from './certified-officers';

const at = (d: string, t = '10:00:00') => `${d}T${t}+08:00`;
const cert: EnforcementCertificate = { number: 'C-9', validFrom: '2024-01-01', validUntil: '2029-12-31', status: 'valid' };
const person = (over: Partial<PersonRecord>): PersonRecord => ({
  id: 'p',
  name: '戊',
  agencyId: AGENCY,
  roles: ['officer'],
  certificate: cert,
  ...over,
});
const lookup = (...extra: PersonRecord[]) => ({ person: (id: string) => extra.find((p) => p.id === id) ?? people[id] });

describe('certificate status over time (暂扣/吊销 take effect from the date the decision names)', () => {
  const suspended: EnforcementCertificate = { ...cert, status: 'suspended', statusFrom: '2026-10-15' };

  it('a certificate suspended from a date counted as valid before it and as suspended from that day on', () => {
    expect(certificateStatusOn(suspended, '2026-10-14')).toEqual({ status: 'valid' });
    expect(certificateStatusOn(suspended, '2026-10-15')).toEqual({ status: 'suspended', from: '2026-10-15' });
    expect(certificateValidOn(suspended, '2026-10-14')).toBe(true);
    expect(certificateValidOn(suspended, '2026-10-15')).toBe(false);
  });

  it('a status without a date (the registry before statusFrom existed) applies throughout', () => {
    expect(certificateStatusOn({ ...cert, status: 'revoked' }, '2024-01-01').status).toBe('revoked');
  });

  it('a reinstated certificate keeps its suspension period in statusHistory', () => {
    const reinstated: EnforcementCertificate = {
      ...cert,
      status: 'valid',
      statusFrom: '2026-11-01',
      statusHistory: [{ status: 'suspended', from: '2026-10-15' }],
    };
    expect(certificateStatusOn(reinstated, '2026-10-01').status).toBe('valid');
    expect(certificateStatusOn(reinstated, '2026-10-20')).toEqual({ status: 'suspended', from: '2026-10-15' });
    expect(certificateStatusOn(reinstated, '2026-11-01')).toEqual({ status: 'valid', from: '2026-11-01' });
  });

  it('a renewal governs from its first day; an earlier step is judged by the certificate it replaced', () => {
    const old: EnforcementCertificate = { ...cert, number: 'OLD', validFrom: '2021-01-01', validUntil: '2026-06-30' };
    const renewed = { certificate: { ...cert, number: 'NEW', validFrom: '2026-07-01' }, certificateHistory: [old] };
    expect(certificateOn(renewed, '2026-06-30')?.number).toBe('OLD');
    expect(certificateOn(renewed, '2026-07-01')?.number).toBe('NEW');
    expect(certificateOn(renewed, '2020-01-01')?.number).toBe('NEW'); // nothing covered it: the current one is named
  });
});

describe('twoCertifiedOfficers honours statusFrom, renewals and deactivation', () => {
  const s = person({
    id: 's',
    name: '己',
    certificate: { ...cert, number: 'C-S', status: 'suspended', statusFrom: '2026-10-15', statusReason: '违规执法暂扣' },
  });

  it('accepts a step the day before the suspension took effect', () => {
    expect(twoCertifiedOfficers(['o1', 's'], AGENCY, '2026-10-14', lookup(s))).toBeNull();
  });

  it('refuses a step on the day it took effect, naming the officer, the certificate and the date', () => {
    const v = twoCertifiedOfficers(['o1', 's'], AGENCY, '2026-10-15', lookup(s));
    expect(v).toMatchObject({ rule: 'twoCertifiedOfficers' });
    expect(v!.detail).toBe('己 (s): 执法证 C-S 自 2026-10-15 起暂扣 (suspended from 2026-10-15)');
  });

  it('a revocation from a date refuses steps after it', () => {
    const r = person({ id: 'r', name: '庚', certificate: { ...cert, number: 'C-R', status: 'revoked', statusFrom: '2026-09-01' } });
    expect(twoCertifiedOfficers(['o1', 'r'], AGENCY, '2026-12-01', lookup(r))!.detail).toMatch(/庚 \(r\): 执法证 C-R 自 2026-09-01 起吊销/);
  });

  it('a renewed officer is judged by the old certificate for a step before the new one began', () => {
    const n = person({
      id: 'n',
      name: '辛',
      certificate: { ...cert, number: 'NEW', validFrom: '2026-07-01' },
      certificateHistory: [{ ...cert, number: 'OLD', validFrom: '2021-01-01', validUntil: '2026-06-30' }],
    });
    expect(twoCertifiedOfficers(['o1', 'n'], AGENCY, '2026-06-15', lookup(n))).toBeNull();
    expect(twoCertifiedOfficers(['o1', 'n'], AGENCY, '2020-06-15', lookup(n))!.detail).toMatch(/辛 \(n\): 执法证 NEW 在 2020-06-15 无效/);
  });

  it('certificateProblem judges one person on one day (null when they may act)', () => {
    expect(certificateProblem('s', AGENCY, '2026-10-14', lookup(s))).toBeNull();
    expect(certificateProblem('s', AGENCY, '2026-10-15', lookup(s))).toBe(
      '己 (s): 执法证 C-S 自 2026-10-15 起暂扣 (suspended from 2026-10-15)',
    );
    expect(certificateProblem('s', 'ag-other', '2026-10-14', lookup(s))).toBe('己 (s): 不属于本机关 (not of this agency)');
  });

  it('a deactivated officer no longer counts from the deactivation date', () => {
    const d = person({ id: 'd', name: '壬', inactiveFrom: '2026-11-01' });
    expect(twoCertifiedOfficers(['o1', 'd'], AGENCY, '2026-10-31', lookup(d))).toBeNull();
    expect(twoCertifiedOfficers(['o1', 'd'], AGENCY, '2026-11-01', lookup(d))!.detail).toMatch(/壬 \(d\): 自 2026-11-01 起已停用/);
  });
});

describe('record-evidence with an officer whose certificate was suspended from a date', () => {
  const filed: CaseEventBody = { type: 'CaseFiled', data: { caseNo: 'N1', rulesVersion: 'hn-2026.1', deadlines: [] } };
  const s = person({ id: 's', name: '己', certificate: { ...cert, number: 'C-S', status: 'suspended', statusFrom: '2026-09-10' } });
  const inspect = {
    name: 'record-evidence' as const,
    body: { kind: 'inspection' as const, title: '现场检查', officerIds: ['o1', 's'], contentHash: 'ab'.repeat(32) },
  };
  const envWith = (occurredAt: string) => ({ ...env(occurredAt), people: lookup(s) });
  const snapshot = () => given([opened, at('2026-09-01')], [filed, at('2026-09-02')]);

  it('accepts a step before the suspension date and refuses one on or after it', () => {
    expect(when(snapshot(), inspect, envWith(at('2026-09-09'))).ok).toBe(true);
    const refused = when(snapshot(), inspect, envWith(at('2026-09-10', '00:30:00')));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusal).toMatchObject({
      kind: 'legal_conditions',
      violations: [{ rule: 'twoCertifiedOfficers', detail: expect.stringMatching(/己 \(s\): 执法证 C-S 自 2026-09-10 起暂扣/) }],
    });
  });
});
