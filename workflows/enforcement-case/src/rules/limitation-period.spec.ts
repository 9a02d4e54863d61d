import { limitationYears, violationsPastLimitation } from './limitation-period';

const limitation = { general: 2, lifeOrHealth: 5, source: '行政处罚法 Art. 36' };

describe('limitation period (行政处罚法第三十六条)', () => {
  it('is the general period unless a death or serious injury makes it the life-or-health one', () => {
    expect(limitationYears(limitation)).toBe(2);
    expect(limitationYears(limitation, { directLossYuan: 1000 })).toBe(2);
    expect(limitationYears(limitation, { deaths: 1 })).toBe(5);
    expect(limitationYears(limitation, { seriousInjuries: 2 })).toBe(5);
  });

  it('names the violations discovered after the period ran out, counting to the same calendar day', () => {
    const violations = [
      { description: '超量储存', committedOn: '2024-03-01' },
      { description: '未培训', committedOn: '2024-03-02' },
      { description: '无日期' },
    ];
    expect(violationsPastLimitation(violations, '2026-03-01', 2)).toEqual([]);
    expect(violationsPastLimitation(violations, '2026-03-02', 2)).toEqual(['超量储存: 2024-03-01 → 2026-03-02']);
    expect(violationsPastLimitation(violations, '2026-03-02', 5)).toEqual([]);
  });
});
