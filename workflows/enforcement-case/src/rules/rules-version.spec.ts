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
    const bad = { versions: [{ ...base, id: 'x', effectiveFrom: '2026/01/01', periods: { ...base.periods, statement: { unit: 'weeks', n: 0 } } }, { ...base, id: 'x' }] };
    expect(validateRulesBook(bad)).toEqual([
      'versions[0].effectiveFrom: must be YYYY-MM-DD',
      'versions[0].periods.statement: needs unit (working_days|calendar_days|months) and a positive integer n',
      'versions[1].id: duplicate "x"',
    ]);
  });
});
