import { CaseCommand } from '@workflows/enforcement-case';
import { DemoCase } from './demo-runner';

/*
 * The basic demo set (SEED_DEMO=basic): six cases at different stages on fixed 2026 dates, which the API's
 * end-to-end tests count on (docs/api.md §6). Dates are in 2026 so every deadline falls in a year the bundled holiday
 * calendar covers. Each step: [user id, occurredAt, command].
 */

const H = 'a3f1c2d4e5b6a7980112233445566778899aabbccddeeff00112233445566778';
const org = (name: string, creditCode: string, legalRepresentative: string, address?: string) => ({
  kind: 'organization' as const,
  name,
  creditCode,
  legalRepresentative,
  ...(address ? { address } : {}),
});

const open = (
  agency: string,
  industry: 'fireworks' | 'hazardous_chemicals' | 'mining' | 'construction' | 'gas',
  party: ReturnType<typeof org>,
  summary: string,
  provisions: string[],
  discoveredAt: string,
): CaseCommand => ({
  name: 'open-case',
  body: {
    agencyId: `ag-${agency}`,
    source: 'inspection',
    industry,
    party,
    violations: [{ description: summary, provisions }],
    discoveredAt,
    handlingOfficerIds: [`u-${agency}-officer-1`, `u-${agency}-officer-2`],
    summary,
  },
});

const trunkToNotice = (a: string, d: (n: number) => string, fine: number): [string, string, CaseCommand][] => [
  [`u-${a}-head`, d(1), { name: 'approve-filing', body: { opinion: '同意立案' } }],
  [
    `u-${a}-officer-1`,
    d(3),
    {
      name: 'record-evidence',
      body: { kind: 'inspection', title: '现场检查记录', officerIds: [`u-${a}-officer-1`, `u-${a}-officer-2`], contentHash: H },
    },
  ],
  [
    `u-${a}-officer-1`,
    d(10),
    {
      name: 'conclude-investigation',
      body: {
        findings: '违法事实清楚，证据确凿',
        proposedOutcome: 'penalty',
        proposedPenalties: [{ kind: 'fine', amountYuan: fine }],
        legalBasis: ['安全生产法 Art. 99'],
      },
    },
  ],
  [
    `u-${a}-officer-1`,
    d(12),
    { name: 'issue-penalty-notice', body: { proposedPenalties: [{ kind: 'fine', amountYuan: fine }], legalBasis: ['安全生产法 Art. 99'] } },
  ],
];

function days(start: string): (n: number) => string {
  return (n) => new Date(Date.parse(`${start}T09:00:00+08:00`) + n * 86_400_000).toISOString().replace('.000Z', 'Z');
}

export function demoCases(): DemoCase[] {
  const bh = days('2026-08-03');
  const sx = days('2026-09-17');
  const gy = days('2026-07-06');
  const bh2 = days('2026-09-21');
  return [
    {
      key: 'closed-fireworks',
      steps: [
        [
          'u-431002-officer-1',
          bh(0),
          open(
            '431002',
            'fireworks',
            // The closed case's 案卷 is archived on closing: its 决定书 names the party's address.
            org('郴州市北湖区鑫盛烟花爆竹批发部', '91431002MA4L00001N', '王建华', '郴州市北湖区燕泉路18号'),
            '烟花爆竹储存仓库超量储存',
            ['安全生产法 Art. 41'],
            '2026-08-03',
          ),
        ],
        ...trunkToNotice('431002', bh, 8000),
        ['u-431002-officer-1', bh(13), { name: 'waive-rights', body: { rights: ['statement'] } }],
        [
          'u-431002-head',
          bh(17),
          {
            name: 'decide',
            body: { outcome: 'penalty', penalties: [{ kind: 'fine', amountYuan: 8000 }], legalBasis: ['安全生产法 Art. 99'] },
          },
        ],
        ['u-431002-officer-1', bh(18), { name: 'serve-decision', body: { method: 'direct' } }],
        ['u-431002-officer-2', bh(25), { name: 'record-payment', body: { amountYuan: 8000, receiptNo: 'HN2026-0800123' } }],
        ['u-431002-officer-1', bh(26), { name: 'attest-interference-record', body: { complete: true } }],
        ['u-431002-officer-2', bh(26), { name: 'attest-interference-record', body: { complete: true } }],
        ['u-431002-head', bh(27), { name: 'close-case', body: { summary: '罚款已缴清，结案' } }],
      ],
    },
    {
      key: 'review-notice-served',
      steps: [
        [
          'u-431003-officer-1',
          sx(0),
          open(
            '431003',
            'hazardous_chemicals',
            org('郴州苏仙区恒达化工有限公司', '91431003MA4L000028', '李国强'),
            '危险化学品储罐区未设置泄漏报警装置',
            ['安全生产法 Art. 36'],
            '2026-09-17',
          ),
        ],
        ...trunkToNotice('431003', sx, 50000),
      ],
    },
    {
      key: 'execution-awaiting-payment',
      steps: [
        [
          'u-431021-officer-1',
          gy(0),
          open(
            '431021',
            'mining',
            org('桂阳县宏发矿业有限公司', '91431021MA4L00003D', '陈立新'),
            '井下作业人员未经安全培训上岗',
            ['安全生产法 Art. 28'],
            '2026-07-06',
          ),
        ],
        ...trunkToNotice('431021', gy, 20000),
        ['u-431021-officer-1', gy(13), { name: 'record-statement', body: { summary: '当事人称已安排补训', adopted: false } }],
        [
          'u-431021-head',
          gy(20),
          {
            name: 'decide',
            body: { outcome: 'penalty', penalties: [{ kind: 'fine', amountYuan: 20000 }], legalBasis: ['安全生产法 Art. 97'] },
          },
        ],
        ['u-431021-officer-2', gy(21), { name: 'serve-decision', body: { method: 'direct' } }],
        ['u-431021-officer-2', gy(30), { name: 'record-payment', body: { amountYuan: 5000, receiptNo: 'HN2026-0700456' } }],
      ],
    },
    {
      key: 'investigation',
      steps: [
        [
          'u-431002-officer-2',
          bh2(0),
          open(
            '431002',
            'gas',
            org('郴州北湖燃气服务有限公司', '91431002MA4L000040', '赵志明'),
            '瓶装燃气充装站未落实安全检查制度',
            ['安全生产法 Art. 41'],
            '2026-09-21',
          ),
        ],
        ['u-431002-head', bh2(1), { name: 'approve-filing', body: {} }],
        [
          'u-431002-officer-2',
          bh2(2),
          {
            name: 'record-evidence',
            body: {
              kind: 'inquiry',
              title: '询问笔录（站长）',
              officerIds: ['u-431002-officer-2', 'u-431002-officer-3'],
              contentHash: H.replace('a3', 'b4'),
            },
          },
        ],
      ],
    },
    {
      key: 'filing',
      steps: [
        [
          'u-431002-officer-3',
          bh2(3),
          open(
            '431002',
            'construction',
            org('郴州北湖建工集团有限公司', '91431002MA4L000066', '孙海'),
            '施工现场高处作业未设防护',
            ['安全生产法 Art. 36'],
            '2026-09-24',
          ),
        ],
      ],
    },
    {
      key: 'not-filed',
      steps: [
        [
          'u-431003-officer-2',
          sx(1),
          open(
            '431003',
            'construction',
            org('苏仙区个体装修队', '92431003MA4L00005E', '周平'),
            '群众举报施工噪声（非安全生产违法）',
            ['安全生产法 Art. 36'],
            '2026-09-18',
          ),
        ],
        ['u-431003-head', sx(2), { name: 'reject-filing', body: { reason: '不属于安全生产违法行为，转交有关部门' } }],
      ],
    },
  ];
}
