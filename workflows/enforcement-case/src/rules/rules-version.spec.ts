import { NoRulesVersionError, RulesBook, rulesForCase, rulesInForce, validateRulesBook } from './rules-version';
import shipped from '../../rules/versions.json';

const base = (shipped as unknown as RulesBook).versions[0];
const book: RulesBook = {
  versions: [
    { ...base, id: 'v2026', effectiveFrom: '2026-01-01' },
    { ...base, id: 'v2027', effectiveFrom: '2027-01-01', hearingThresholdYuan: { ...base.hearingThresholdYuan, organization: 50_000 } },
    { ...base, id: 'v2027b', effectiveFrom: '2027-06-01', appliesToPendingCases: true },
  ],
};

describe('versioned rules', () => {
  it('the shipped rules file is valid', () => {
    expect(validateRulesBook(shipped)).toEqual([]);
  });

  it('picks the version in force on a date, and refuses a date before every version', () => {
    expect(rulesInForce(book, '2026-12-31').id).toBe('v2026');
    expect(rulesInForce(book, '2027-01-01').id).toBe('v2027');
    expect(() => rulesInForce(book, '2025-12-31')).toThrow(NoRulesVersionError);
  });

  it('a case keeps the version of its filing date unless a later one applies to pending cases', () => {
    expect(rulesForCase(book, '2026-10-01', '2027-03-01').id).toBe('v2026');
    expect(rulesForCase(book, '2026-10-01', '2027-07-01').id).toBe('v2027b');
  });

  it('reports every problem of a bad file, naming the field', () => {
    const bad = {
      versions: [
        { ...base, id: 'x', effectiveFrom: '2026/01/01', periods: { ...base.periods, statement: { unit: 'weeks', n: 0 } } },
        { ...base, id: 'x' },
      ],
    };
    expect(validateRulesBook(bad)).toEqual([
      'versions[0].effectiveFrom: must be YYYY-MM-DD',
      'versions[0].periods.statement: needs unit (working_days|calendar_days|months) and a positive integer n',
      'versions[1].id: duplicate "x"',
    ]);
  });

  it('the shipped staffing section carries 郴政办发〔2016〕19号 §16: 75% certified at city and county level, 3 days × 8 h of training', () => {
    expect(base.staffing).toMatchObject({
      certifiedShare: { target: 0.75, levels: ['city', 'county'], source: expect.stringContaining('郴政办发〔2016〕19号 §16') },
      trainingHoursPerYear: { hours: 24, source: expect.stringContaining('不少于3天') },
      certificateExpiryWarningDays: { days: 90 },
    });
  });

  it('staffing is optional, but when present every value is checked, naming the field', () => {
    const { staffing, ...withoutStaffing } = base;
    expect(staffing).toBeDefined();
    expect(validateRulesBook({ versions: [withoutStaffing] })).toEqual([]);
    const bad = {
      versions: [
        {
          ...base,
          staffing: {
            certifiedShare: { target: 75, levels: ['province'], source: '' },
            trainingHoursPerYear: { hours: 0, source: 'x' },
            certificateExpiryWarningDays: { days: 1.5 },
          },
        },
      ],
    };
    expect(validateRulesBook(bad)).toEqual([
      'versions[0].staffing.certifiedShare.target: must be a number in (0, 1]',
      'versions[0].staffing.certifiedShare.levels: a non-empty list of city|county|township',
      'versions[0].staffing.certifiedShare.source: required',
      'versions[0].staffing.trainingHoursPerYear.hours: must be > 0',
      'versions[0].staffing.certificateExpiryWarningDays.days: must be an integer ≥ 0',
      'versions[0].staffing.certificateExpiryWarningDays.source: required',
    ]);
    expect(validateRulesBook({ versions: [{ ...base, staffing: 'yes' }] })).toEqual(['versions[0].staffing: must be an object']);
  });
});
