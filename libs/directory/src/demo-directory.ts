import { Agency, DirectoryEvent, User } from './directory.types';

/**
 * Demo organisation (commands.md "Identity in development"): Chenzhou's real divisions, each with its
 * 应急管理局; three bureaus staffed. Certificates run to 2029 so demo officers can act today.
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

function agencies(): Agency[] {
  const city: Agency = { id: CITY_AGENCY_ID, divisionCode: '431000', name: '郴州市应急管理局', shortName: '郴应急', level: 'city', parentId: null };
  const township: Agency = {
    id: ENTRUSTED_TOWNSHIP_ID,
    divisionCode: '431002001',
    name: '北湖区人民路街道安全生产执法中队',
    shortName: '北应急',
    level: 'township',
    parentId: 'ag-431002',
    entrustedBy: 'ag-431002',
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
    })),
    township,
  ];
}

const cert = (n: string) => ({ number: n, validFrom: '2024-01-01', validUntil: '2029-12-31', status: 'valid' as const });

function staff(code: string, people: [string, string, string, string][]): User[] {
  // [suffix, name, role, certificate number]
  return people.map(([suffix, name, role, certNo]) => ({
    id: `u-${code}-${suffix}`,
    name,
    roles: [role as User['roles'][number]],
    agencyId: `ag-${code}`,
    ...(certNo ? { certificate: cert(certNo) } : {}),
    ...(role === 'legal_reviewer' ? { legalQualification: `A2019${code}0001` } : {}),
    trainingHours: 40,
  }));
}

function users(): User[] {
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
    ...staff('431002', [
      ['head', '李卫东', 'head', '43100220240001'],
      ['officer-1', '王海涛', 'officer', '43100220240011'],
      ['officer-2', '张敏', 'officer', '43100220240012'],
      ['officer-3', '赵磊', 'officer', '43100220240013'],
      ['reviewer', '何静', 'legal_reviewer', ''],
    ]),
    ...staff('431003', [
      ['head', '罗志刚', 'head', '43100320240001'],
      ['officer-1', '谢勇', 'officer', '43100320240011'],
      ['officer-2', '邓芳', 'officer', '43100320240012'],
      ['officer-3', '曹军', 'officer', '43100320240013'],
      ['reviewer', '唐琳', 'legal_reviewer', ''],
    ]),
    ...staff('431021', [
      ['head', '雷振华', 'head', '43102120240001'],
      ['officer-1', '欧阳明', 'officer', '43102120240011'],
      ['officer-2', '邝小红', 'officer', '43102120240012'],
      ['officer-3', '首建军', 'officer', '43102120240013'],
      ['reviewer', '廖雪', 'legal_reviewer', ''],
    ]),
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
  ];
}
