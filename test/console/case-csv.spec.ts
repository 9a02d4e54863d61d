import type { CaseSearchItem } from '../../apps/console/src/api/types';
import { casesCsv } from '../../apps/console/src/cases/case-csv';

const item = (over: Partial<CaseSearchItem> = {}): CaseSearchItem => ({
  caseId: 'c-1',
  caseNo: '郴北应急罚〔2026〕1号',
  agencyId: 'ag-431002',
  stage: 'investigation',
  industry: 'fireworks',
  party: { kind: 'organization', name: '郴州市某烟花爆竹经营部' },
  handlingOfficerIds: ['u-1', 'u-2'],
  openedAt: '2026-09-01T02:00:00.000Z',
  filedAt: null,
  decisionNo: null,
  decidedAt: null,
  flags: [],
  overdue: ['decision'],
  updatedAt: '2026-09-02T02:00:00.000Z',
  ...over,
});

describe('casesCsv', () => {
  it('starts with a UTF-8 byte order mark and names stage, industry and overdue deadlines in Chinese', () => {
    const csv = casesCsv([item()]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header.split(',').slice(0, 5)).toEqual(['案件编号', '当事人', '当事人类型', '阶段', '行业']);
    expect(row).toContain(',调查取证,烟花爆竹,');
    expect(row).toContain(',作出处罚决定期限,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('quotes separators and quotes, and keeps a spreadsheet from reading a name as a formula', () => {
    const csv = casesCsv([item({ party: { kind: 'individual', name: '=HYPERLINK("x"),张三' } })]);
    expect(csv).toContain(`,"'=HYPERLINK(""x""),张三",个人,`);
  });
});
