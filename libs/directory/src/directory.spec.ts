import { certificateValidOn } from '@workflows/enforcement-case';
import { Directory, DirectoryRevisionGapError } from './directory';
import { DirectoryEvent } from './directory.types';
import { demoDirectoryEvents } from './demo-directory';

const county: DirectoryEvent = {
  type: 'AgencyRegistered',
  data: { id: 'ag-1', divisionCode: '431002', name: '甲局', shortName: '甲', level: 'county', parentId: null },
};
const officer: DirectoryEvent = { type: 'UserRegistered', data: { id: 'u-1', name: '张三', roles: ['officer'], agencyId: 'ag-1' } };

function folded(...events: DirectoryEvent[]): Directory {
  const d = new Directory();
  [county, officer, ...events].forEach((e) => d.apply(e));
  return d;
}

describe('Directory fold', () => {
  it('registers users active, with per-year training totals', () => {
    const d = folded(
      { type: 'TrainingRecorded', data: { userId: 'u-1', year: 2026, hours: 8, course: '危化品执法', date: '2026-03-02' } },
      { type: 'TrainingRecorded', data: { userId: 'u-1', year: 2026, hours: 16, course: '执法程序', date: '2026-05-10' } },
    );
    expect(d.user('u-1')).toMatchObject({ active: true, trainingHoursByYear: { '2026': 24 } });
    expect(d.user('u-1')!.training).toHaveLength(2);
    expect(d.revision).toBe(3);
  });

  it('updates an agency field by field; entrustedBy null ends the entrustment', () => {
    const d = folded(
      { type: 'AgencyUpdated', data: { id: 'ag-1', name: '乙局', entrustedBy: 'ag-0' } },
      { type: 'AgencyUpdated', data: { id: 'ag-1', shortName: '乙', entrustedBy: null } },
    );
    expect(d.agency('ag-1')).toEqual({ ...county.data, name: '乙局', shortName: '乙' });
  });

  it('a deactivated user is still known, inactive from the date; reactivation clears it', () => {
    const d = folded({ type: 'UserDeactivated', data: { userId: 'u-1', effectiveFrom: '2026-11-27', reason: '调离' } });
    expect(d.user('u-1')).toMatchObject({ active: false, inactiveFrom: '2026-11-27' });
    d.apply({ type: 'UserReactivated', data: { userId: 'u-1' } });
    expect(d.user('u-1')!.active).toBe(true);
    expect(d.user('u-1')!.inactiveFrom).toBeUndefined();
  });

  it('a renewal replaces the certificate and keeps the old one in the history; a status change applies from its date', () => {
    const d = folded(
      { type: 'CertificateIssued', data: { userId: 'u-1', number: 'OLD-1', validFrom: '2021-01-01', validUntil: '2026-06-30' } },
      { type: 'CertificateIssued', data: { userId: 'u-1', number: 'NEW-1', validFrom: '2026-07-01', validUntil: '2031-06-30' } },
      {
        type: 'CertificateStatusChanged',
        data: { userId: 'u-1', number: 'NEW-1', status: 'suspended', effectiveFrom: '2026-10-15', reason: '暂扣' },
      },
    );
    const u = d.user('u-1')!;
    expect(u.certificate).toEqual({
      number: 'NEW-1',
      validFrom: '2026-07-01',
      validUntil: '2031-06-30',
      status: 'suspended',
      statusFrom: '2026-10-15',
      statusReason: '暂扣',
    });
    expect(u.certificateHistory!.map((c) => c.number)).toEqual(['OLD-1']);
    expect(certificateValidOn(u.certificate!, '2026-10-14')).toBe(true);
    expect(certificateValidOn(u.certificate!, '2026-10-15')).toBe(false);
  });

  it('a reinstatement keeps the suspension period; a later decision supersedes periods from its date on', () => {
    const d = folded(
      { type: 'CertificateIssued', data: { userId: 'u-1', number: 'C-1', validFrom: '2024-01-01', validUntil: '2029-12-31' } },
      {
        type: 'CertificateStatusChanged',
        data: { userId: 'u-1', number: 'C-1', status: 'suspended', effectiveFrom: '2026-10-15', reason: '暂扣' },
      },
      {
        type: 'CertificateStatusChanged',
        data: { userId: 'u-1', number: 'C-1', status: 'valid', effectiveFrom: '2026-11-15', reason: '恢复' },
      },
    );
    const c = d.user('u-1')!.certificate!;
    expect(c).toMatchObject({ status: 'valid', statusFrom: '2026-11-15', statusHistory: [{ status: 'suspended', from: '2026-10-15' }] });
    expect(certificateValidOn(c, '2026-10-20')).toBe(false);
    expect(certificateValidOn(c, '2026-11-20')).toBe(true);
    d.apply({
      type: 'CertificateStatusChanged',
      data: { userId: 'u-1', number: 'C-1', status: 'revoked', effectiveFrom: '2026-10-01', reason: '吊销（更正）' },
    });
    expect(d.user('u-1')!.certificate).toMatchObject({ status: 'revoked', statusFrom: '2026-10-01' });
    expect(d.user('u-1')!.certificate!.statusHistory).toBeUndefined();
  });

  it('events naming an unknown user or agency change nothing', () => {
    const d = folded({ type: 'UserUpdated', data: { id: 'u-x', name: '无' } }, { type: 'AgencyUpdated', data: { id: 'ag-x', name: '无' } });
    expect(d.user('u-x')).toBeUndefined();
    expect(d.agency('ag-x')).toBeUndefined();
  });

  it('a record handed out earlier does not change under its reader', () => {
    const d = folded();
    const before = d.user('u-1')!;
    d.apply({ type: 'UserUpdated', data: { id: 'u-1', name: '张三丰' } });
    expect(before.name).toBe('张三');
    expect(d.user('u-1')!.name).toBe('张三丰');
  });

  it('applies a stored event once by its revision, and refuses a gap', () => {
    const d = new Directory();
    expect(d.applyStored(0, county)).toBe(true);
    expect(d.applyStored(1, officer)).toBe(true);
    const training: DirectoryEvent = {
      type: 'TrainingRecorded',
      data: { userId: 'u-1', year: 2026, hours: 8, course: 'x', date: '2026-01-05' },
    };
    expect(d.applyStored(2, training)).toBe(true);
    expect(d.applyStored(2, training)).toBe(false); // the follower sees the writer's own event again
    expect(d.user('u-1')!.trainingHoursByYear['2026']).toBe(8);
    expect(() => d.applyStored(4, training)).toThrow(DirectoryRevisionGapError);
  });

  it('the demo seed folds: the suspended 桂阳县 officer was valid before 2026-10-15, the 苏仙区 officer-4 ends 2027-01-31', () => {
    const d = new Directory();
    demoDirectoryEvents().forEach((e) => d.apply(e));
    const suspended = d.user('u-431021-officer-4')!.certificate!;
    expect(certificateValidOn(suspended, '2026-10-14')).toBe(true);
    expect(certificateValidOn(suspended, '2026-11-27')).toBe(false);
    expect(d.user('u-431003-officer-4')!.certificate!.validUntil).toBe('2027-01-31');
    expect(d.user('u-431002-officer-1')).toMatchObject({ active: true, trainingHoursByYear: { '2025': 40, '2026': 32 } });
    expect(d.agency('ag-431002001')).toMatchObject({ entrustedBy: 'ag-431002', enforcementPower: false });
  });
});
