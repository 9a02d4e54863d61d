import { Agency, DirectoryEvent, UserRegistration } from './directory.types';

/**
 * Demo organisation (docs/api.md §6): Chenzhou's real divisions, each with its
 * 应急管理局, every bureau staffed (the demo year's cases run in all of them). Certificates run to 2029 so demo officers can act today. For the staffing report
 * (as of 2026-11-27) two extra officers, used by no demo case and no test: 苏仙区's officer-4, whose certificate ends
 * within 90 days, and 桂阳县's officer-4, whose certificate is suspended from 2026-10-15; and a few people below the
 * 24 training hours of 2026.
 */
const DIVISIONS: [string, string, string][] = [
  ['431002', '北湖区', '北应急'],
  ['431003', '苏仙区', '苏应急'],
  ['431021', '桂阳县', '桂阳应急'],
  ['431022', '宜章县', '宜应急'],
  ['431023', '永兴县', '永应急'],
  ['431024', '嘉禾县', '嘉应急'],
  ['431025', '临武县', '临应急'],
  ['431026', '汝城县', '汝应急'],
  ['431027', '桂东县', '桂东应急'],
  ['431028', '安仁县', '安应急'],
  ['431081', '资兴市', '资应急'],
];

export const CITY_AGENCY_ID = 'ag-431000';
/**
 * A township enforcement squad entrusted by 北湖区应急管理局 (受委托组织, policy §6; 行政处罚法 Art. 20–21): it acts,
 * and its decisions are issued, in the name of the county bureau.
 */
export const ENTRUSTED_TOWNSHIP_ID = 'ag-431002001';

/**
 * The bodies and payment account the documents name (demo values): reconsideration by the government at the bureau's
 * level (行政复议法第二十四条), litigation at the basic court where the bureau is (行政诉讼法第十八条); the bank
 * account is made up and says so.
 */
function documentFields(
  government: string,
  court: string,
  area: string,
): Pick<Agency, 'reconsiderationBody' | 'litigationCourt' | 'finePayment'> {
  return {
    reconsiderationBody: government,
    litigationCourt: court,
    finePayment: `中国农业银行郴州分行（户名：${area}财政局非税收入汇缴结算户，账号：演示账号0000000000000000）`,
  };
}

/** A county-level division's own name as its government and court carry it (北湖区 → 郴州市北湖区). */
const seatName = (code: string, area: string) => (code === '431002' || code === '431003' ? `郴州市${area}` : area);

function agencies(): Agency[] {
  const city: Agency = {
    id: CITY_AGENCY_ID,
    divisionCode: '431000',
    name: '郴州市应急管理局',
    shortName: '郴应急',
    level: 'city',
    parentId: null,
    enforcementPower: true,
    ...documentFields('郴州市人民政府', '郴州市北湖区人民法院', '郴州市'),
  };
  const township: Agency = {
    id: ENTRUSTED_TOWNSHIP_ID,
    divisionCode: '431002001',
    name: '北湖区人民路街道安全生产执法中队',
    shortName: '北应急',
    level: 'township',
    parentId: 'ag-431002',
    entrustedBy: 'ag-431002',
    enforcementPower: false,
  };
  return [
    city,
    ...DIVISIONS.map(([code, area, short]): Agency => ({
      id: `ag-${code}`,
      divisionCode: code,
      name: `${area}应急管理局`,
      shortName: short,
      level: 'county',
      parentId: CITY_AGENCY_ID,
      enforcementPower: true,
      ...documentFields(`${seatName(code, area)}人民政府`, `${seatName(code, area)}人民法院`, seatName(code, area)),
    })),
    township,
  ];
}

const cert = (n: string, validFrom = '2024-01-01', validUntil = '2029-12-31') => ({
  number: n,
  validFrom,
  validUntil,
  status: 'valid' as const,
});

/** Training hours of 2026 below the yearly 24 (郴政办发〔2016〕19号 §16: 3 days); everyone else had 32. */
const TRAINING_2026: Record<string, number> = {
  'u-431003-officer-3': 16,
  'u-431003-officer-4': 8,
  'u-431021-officer-3': 12,
  'u-431021-reviewer': 20,
};
/** Certificates other than the 2024–2029 default. */
const CERTIFICATE_TERMS: Record<string, [string, string]> = { 'u-431003-officer-4': ['2022-02-01', '2027-01-31'] };

function staff(code: string, people: [string, string, string, string][]): UserRegistration[] {
  // [suffix, name, role, certificate number]
  return people.map(([suffix, name, role, certNo]) => {
    const id = `u-${code}-${suffix}`;
    return {
      id,
      name,
      roles: [role as UserRegistration['roles'][number]],
      agencyId: `ag-${code}`,
      ...(certNo ? { certificate: cert(certNo, ...(CERTIFICATE_TERMS[id] ?? [])) } : {}),
      ...(role === 'legal_reviewer' ? { legalQualification: `A2019${code}0001` } : {}),
      trainingHoursByYear: { '2025': 40, '2026': TRAINING_2026[id] ?? 32 },
    };
  });
}

/**
 * A district or county bureau as the demo staffs it: a head, three certified officers (certificates of 2024, numbered
 * after the division code), any further officers of a larger bureau, and a legal reviewer.
 */
function bureau(
  code: string,
  [head, officer1, officer2, officer3, reviewer]: [string, string, string, string, string],
  moreOfficers: [string, string, string, string][] = [],
): UserRegistration[] {
  return staff(code, [
    ['head', head, 'head', `${code}20240001`],
    ['officer-1', officer1, 'officer', `${code}20240011`],
    ['officer-2', officer2, 'officer', `${code}20240012`],
    ['officer-3', officer3, 'officer', `${code}20240013`],
    ...moreOfficers,
    ['reviewer', reviewer, 'legal_reviewer', ''],
  ]);
}

function users(): UserRegistration[] {
  return [
    ...staff('431000', [
      ['head', '刘建国', 'head', '43100020240001'],
      ['officer-1', '陈志强', 'officer', '43100020240011'],
      ['officer-2', '黄丽华', 'officer', '43100020240012'],
      ['officer-3', '周文斌', 'officer', '43100020240013'],
      ['reviewer', '吴晓梅', 'legal_reviewer', ''],
      ['supervisor', '郑国平', 'supervisor', ''],
      ['discipline', '孙纪明', 'discipline', ''],
      ['admin', '系统管理员', 'admin', ''],
    ]),
    ...bureau('431002', ['李卫东', '王海涛', '张敏', '赵磊', '何静']),
    ...bureau('431003', ['罗志刚', '谢勇', '邓芳', '曹军', '唐琳'], [['officer-4', '田志军', 'officer', '43100320220014']]),
    ...bureau('431021', ['雷振华', '欧阳明', '邝小红', '首建军', '廖雪'], [['officer-4', '胡建平', 'officer', '43102120240014']]),
    // The other eight bureaus (handling the demo year's cases): a head, three certified officers and a legal reviewer.
    ...bureau('431022', ['黄志坚', '李文涛', '刘春梅', '曾德明', '钟慧']),
    ...bureau('431023', ['马立军', '曹国庆', '侯晓燕', '黄海波', '李婷']),
    ...bureau('431024', ['雷宏伟', '肖剑', '李红英', '彭国华', '王雅琴']),
    ...bureau('431025', ['陈建平', '邓志勇', '黄小玲', '唐永生', '周艳']),
    ...bureau('431026', ['朱国良', '何建新', '范秀英', '卢军', '袁丽']),
    ...bureau('431027', ['郭振华', '扶亮', '黄美华', '方志远', '李娟']),
    ...bureau('431028', ['侯明辉', '谭卫国', '段丽萍', '陈少华', '刘敏']),
    ...bureau('431081', ['李国栋', '黄建军', '袁晓红', '曹志华', '邓洁']),
    ...staff('431002001', [
      ['head', '蒋春林', 'head', '43100200120240001'],
      ['officer-1', '袁志华', 'officer', '43100200120240011'],
      ['officer-2', '彭丽', 'officer', '43100200120240012'],
    ]),
  ];
}

export function demoDirectoryEvents(): DirectoryEvent[] {
  return [
    ...agencies().map((data): DirectoryEvent => ({ type: 'AgencyRegistered', data })),
    ...users().map((data): DirectoryEvent => ({ type: 'UserRegistered', data })),
    {
      type: 'CertificateStatusChanged',
      data: {
        userId: 'u-431021-officer-4',
        number: '43102120240014',
        status: 'suspended',
        effectiveFrom: '2026-10-15',
        reason: '演示：执法过错调查期间暂扣执法证 (demo: suspended during a misconduct inquiry)',
      },
    },
  ];
}
