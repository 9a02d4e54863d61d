import { CertificateStatus, IsoDate, Role } from '@workflows/enforcement-case';
import { Directory } from './directory';
import {
  AGENCY_DOCUMENT_FIELDS,
  Agency,
  AgencyChanges,
  DirectoryEvent,
  TrainingRecord,
  User,
  UserChanges,
  UserRegistration,
  hasEnforcementPower,
} from './directory.types';

export const KNOWN_ROLES: readonly Role[] = ['officer', 'head', 'legal_reviewer', 'supervisor', 'discipline', 'admin'];

interface RegistryRule {
  /** HTTP status of a refusal by this rule: 404 the addressed record is unknown, 409 a clash with the registry's state, 422 a rule. */
  status: 404 | 409 | 422;
  field: string;
  source: string;
  zh: string;
  en: string;
}

/** A rule, its field, its message, and where it comes from (the registry's own rules unless a statute or standard). */
const rule = (status: RegistryRule['status'], field: string, zh: string, en: string, source = 'registry'): RegistryRule => ({
  status,
  field,
  source,
  zh,
  en,
});

/** The catalogue of registry rules: each refusal names one, with its source and a Chinese-first message. */
export const REGISTRY_RULES = {
  agencyFound: rule(404, 'id', '机构不存在', 'no such agency'),
  userFound: rule(404, 'id', '用户不存在', 'no such user'),
  agencyIdUnique: rule(409, 'id', '机构编号已存在', 'an agency with this id is already registered'),
  userIdUnique: rule(409, 'id', '用户编号已存在', 'a user with this id is already registered'),
  userActive: rule(409, 'id', '用户已停用', 'the user is already deactivated'),
  userInactive: rule(409, 'id', '用户未停用', 'the user is active'),
  divisionCodeFormat: rule(
    422,
    'divisionCode',
    '行政区划代码须为数字：市、县级 6 位，乡镇、街道 9 位',
    'the division code must be digits: 6 for a city or county, 9 for a township',
    'GB/T 2260 (县级及以上 6 位); GB/T 10114 (乡级 9 位)',
  ),
  parentExists: rule(422, 'parentId', '上级机关不存在', 'parent agency not found'),
  parentRequired: rule(422, 'parentId', '县级、乡镇机构须有上级机关', 'a county or township agency needs a parent agency'),
  noCycle: rule(422, 'parentId', '上级机关不能是本机关或其下级机关', 'the parent cannot be the agency itself or one below it'),
  levelBelowParent: rule(
    422,
    'level',
    '机构层级须低于上级机关（市 > 县 > 乡镇）',
    'an agency must be of a lower level than its parent (city > county > township)',
    'registry: 市 > 县 > 乡镇',
  ),
  entrustingAgencyQualified: rule(
    422,
    'entrustedBy',
    '委托机关须为具有行政处罚权的行政机关',
    'the entrusting agency must exist and hold enforcement power',
    '行政处罚法 Art. 20',
  ),
  entrustingAgencyIsAncestor: rule(
    422,
    'entrustedBy',
    '委托机关须为受委托组织的上级机关',
    'the entrusting agency must be above the entrusted organisation',
    '行政处罚法 Art. 20 (在其法定权限内委托)',
  ),
  userAgencyExists: rule(422, 'agencyId', '所属机构不存在', 'the user’s agency does not exist'),
  knownRoles: rule(422, 'roles', `角色须为 ${KNOWN_ROLES.join('、')} 之一`, `roles must be among ${KNOWN_ROLES.join(', ')}`),
  legalReviewerQualified: rule(
    422,
    'legalQualification',
    '初次从事行政处罚决定法制审核的人员应当通过国家统一法律职业资格考试取得法律职业资格',
    'a legality reviewer needs the national legal professional qualification',
    '行政处罚法 Art. 58',
  ),
  certificateNumberFormat: rule(
    422,
    'number',
    '执法证号须为 4–32 位字母、数字或连字符',
    'a certificate number is 4–32 letters, digits or hyphens',
  ),
  certificateNumberUnique: rule(422, 'number', '执法证号已被他人使用', 'the certificate number is held by another user'),
  certificateTerm: rule(422, 'validUntil', '有效期起始日不得晚于截止日', 'validFrom must not be after validUntil'),
  hasCertificate: rule(422, 'status', '该用户没有执法证', 'the user holds no enforcement certificate'),
  certificateNotRevoked: rule(
    422,
    'status',
    '执法证已吊销，不能再变更状态',
    'a revoked certificate cannot change status',
    'registry: 吊销 is final; issue a new certificate instead',
  ),
  statusFromWithinTerm: rule(422, 'effectiveFrom', '生效日期须在执法证有效期内', 'effectiveFrom must fall within the certificate’s term'),
  trainingHoursRange: rule(422, 'hours', '培训学时须大于 0 且不超过 200', 'training hours must be > 0 and ≤ 200'),
  trainingDateInYear: rule(422, 'date', '培训日期须在所记年度内', 'the training date must fall in the year it is recorded for'),
  trainingNotInFuture: rule(422, 'date', '培训日期不得晚于今天', 'the training date cannot be in the future'),
  notOwnAccount: rule(422, 'id', '管理员不能停用本人账号', 'an administrator cannot deactivate their own account'),
} satisfies Record<string, RegistryRule>;

export type RegistryRuleCode = keyof typeof REGISTRY_RULES;

export interface RegistryViolation {
  rule: RegistryRuleCode;
  field: string;
  source: string;
  message: { zh: string; en: string };
  detail: string;
}

export type RegistryDecision =
  { ok: true; events: DirectoryEvent[] } | { ok: false; status: 404 | 409 | 422; violations: RegistryViolation[] };

export function registryViolation(rule: RegistryRuleCode, detail: string, field?: string): RegistryViolation {
  const r: RegistryRule = REGISTRY_RULES[rule];
  return { rule, field: field ?? r.field, source: r.source, message: { zh: r.zh, en: r.en }, detail };
}

/** Refuse with every violation (the most specific status first: 404, then 409, then 422), or emit. */
function decideUnless(violations: RegistryViolation[], events: () => DirectoryEvent[]): RegistryDecision {
  if (!violations.length) return { ok: true, events: events() };
  const status = ([404, 409, 422] as const).find((s) => violations.some((v) => REGISTRY_RULES[v.rule].status === s)) ?? 422;
  return { ok: false, status, violations: violations.filter((v) => REGISTRY_RULES[v.rule].status === status) };
}

const RANK: Record<Agency['level'], number> = { city: 0, county: 1, township: 2 };
const CERT_NUMBER = /^[0-9A-Za-z-]{4,32}$/;

function divisionCodeProblems(a: Pick<Agency, 'divisionCode' | 'level'>): RegistryViolation[] {
  const digits = a.level === 'township' ? 9 : 6;
  if (/^\d{6}$|^\d{9}$/.test(a.divisionCode) && a.divisionCode.length === digits) return [];
  return [
    registryViolation(
      'divisionCodeFormat',
      `${a.divisionCode}: ${a.level} 级须为 ${digits} 位数字 (a ${a.level} agency needs ${digits} digits)`,
    ),
  ];
}

/** Parent, cycle, level and entrustment of one agency, in a (possibly proposed) set of agencies. */
function structureProblems(agencies: Map<string, Agency>, a: Agency): RegistryViolation[] {
  const out: RegistryViolation[] = [];
  const lineage: string[] = [];
  if (a.parentId === null) {
    if (a.level !== 'city') out.push(registryViolation('parentRequired', `${a.id}: ${a.level} 级机构没有上级机关 (no parent)`));
  } else {
    const parent = agencies.get(a.parentId);
    if (!parent) out.push(registryViolation('parentExists', `上级机关 ${a.parentId} 不存在 (parent agency ${a.parentId} not found)`));
    else {
      for (let p: Agency | undefined = parent; p && !lineage.includes(p.id); p = p.parentId ? agencies.get(p.parentId) : undefined)
        lineage.push(p.id);
      if (lineage.includes(a.id))
        out.push(registryViolation('noCycle', `${a.parentId} 是 ${a.id} 本身或其下级机关 (${a.parentId} is ${a.id} or below it)`));
      else if (RANK[a.level] <= RANK[parent.level])
        out.push(
          registryViolation(
            'levelBelowParent',
            `${a.id} (${a.level}) 不低于上级机关 ${parent.id} (${parent.level}) (not below its parent)`,
          ),
        );
    }
  }
  if (a.entrustedBy !== undefined) {
    const by = agencies.get(a.entrustedBy);
    if (!by || !hasEnforcementPower(by))
      out.push(
        registryViolation(
          'entrustingAgencyQualified',
          by
            ? `${by.id} 无行政处罚权 (${by.id} holds no enforcement power)`
            : `委托机关 ${a.entrustedBy} 不存在 (entrusting agency not found)`,
        ),
      );
    else if (!lineage.includes(by.id))
      out.push(registryViolation('entrustingAgencyIsAncestor', `${by.id} 不是 ${a.id} 的上级机关 (${by.id} is not above ${a.id})`));
  }
  return out;
}

export function decideRegisterAgency(dir: Directory, input: Agency): RegistryDecision {
  if (dir.agency(input.id))
    return decideUnless([registryViolation('agencyIdUnique', `机构 ${input.id} 已存在 (agency ${input.id} already registered)`)], () => []);
  const agency: Agency = { ...input, enforcementPower: hasEnforcementPower(input) };
  const proposed = new Map(dir.listAgencies().map((a) => [a.id, a]));
  proposed.set(agency.id, agency);
  return decideUnless([...divisionCodeProblems(agency), ...structureProblems(proposed, agency)], () => [
    { type: 'AgencyRegistered', data: agency },
  ]);
}

/**
 * Changes an agency: checked as the whole registry would stand after it — the agency itself, every agency below it
 * (their level and entrustment depend on its place) and the organisations it entrusts (its enforcement power).
 * A change that changes nothing writes nothing.
 */
export function decideUpdateAgency(dir: Directory, input: AgencyChanges): RegistryDecision {
  const current = dir.agency(input.id);
  if (!current) return decideUnless([registryViolation('agencyFound', `机构 ${input.id} 不存在 (agency ${input.id} not found)`)], () => []);
  const changes: AgencyChanges = { id: input.id };
  for (const k of ['name', 'shortName', 'parentId', 'level', ...AGENCY_DOCUMENT_FIELDS] as const)
    if (input[k] !== undefined && input[k] !== current[k]) (changes as unknown as Record<string, unknown>)[k] = input[k];
  if (input.enforcementPower !== undefined && input.enforcementPower !== hasEnforcementPower(current))
    changes.enforcementPower = input.enforcementPower;
  if (input.entrustedBy !== undefined && (input.entrustedBy ?? undefined) !== current.entrustedBy) changes.entrustedBy = input.entrustedBy;
  // The formats named are set, the others kept: the event records the whole set, so folding it replaces the old one.
  const formats = input.numberFormats && { ...current.numberFormats, ...input.numberFormats };
  if (formats && Object.entries(formats).some(([k, v]) => current.numberFormats?.[k as keyof typeof formats] !== v))
    changes.numberFormats = formats;
  if (Object.keys(changes).length === 1) return { ok: true, events: [] };

  const { entrustedBy, ...rest } = changes;
  const next: Agency = { ...current, ...rest };
  if (entrustedBy === null) delete next.entrustedBy;
  else if (entrustedBy !== undefined) next.entrustedBy = entrustedBy;
  const proposed = new Map(dir.listAgencies().map((a) => [a.id, a]));
  proposed.set(next.id, next);
  const own = [...(changes.level !== undefined ? divisionCodeProblems(next) : []), ...structureProblems(proposed, next)];
  if (own.length) return decideUnless(own, () => []);
  const within = (a: Agency): boolean => {
    const seen = new Set<string>();
    for (let p: Agency | undefined = a; p && !seen.has(p.id); p = p.parentId ? proposed.get(p.parentId) : undefined) {
      if (p.id === next.id) return true;
      seen.add(p.id);
    }
    return false;
  };
  const dependents = [...proposed.values()].filter((a) => a.id !== next.id && (within(a) || a.entrustedBy === next.id));
  return decideUnless(
    dependents.flatMap((a) => structureProblems(proposed, a)),
    () => [{ type: 'AgencyUpdated', data: changes }],
  );
}

function userProblems(dir: Directory, u: Pick<User, 'roles' | 'agencyId' | 'legalQualification'>): RegistryViolation[] {
  const out: RegistryViolation[] = [];
  if (!dir.agency(u.agencyId))
    out.push(registryViolation('userAgencyExists', `机构 ${u.agencyId} 不存在 (agency ${u.agencyId} not found)`));
  const unknown = u.roles.filter((r) => !KNOWN_ROLES.includes(r));
  if (unknown.length) out.push(registryViolation('knownRoles', `未知角色 (unknown roles): ${unknown.join(', ')}`));
  if (u.roles.includes('legal_reviewer') && !u.legalQualification?.trim())
    out.push(
      registryViolation('legalReviewerQualified', '法制审核人员须登记法律职业资格证书编号 (a legal_reviewer needs legalQualification)'),
    );
  return out;
}

function certificateProblems(
  dir: Directory,
  userId: string,
  c: { number: string; validFrom: IsoDate; validUntil: IsoDate },
): RegistryViolation[] {
  const out: RegistryViolation[] = [];
  if (!CERT_NUMBER.test(c.number))
    out.push(registryViolation('certificateNumberFormat', `执法证号 "${c.number}" 格式不符 (bad certificate number)`));
  const holder = dir.listUsers().find((u) => u.id !== userId && u.certificate?.number === c.number);
  if (holder)
    out.push(
      registryViolation('certificateNumberUnique', `执法证 ${c.number} 由 ${holder.name} (${holder.id}) 持有 (held by ${holder.id})`),
    );
  if (c.validFrom > c.validUntil)
    out.push(registryViolation('certificateTerm', `${c.validFrom} 晚于 ${c.validUntil} (validFrom is after validUntil)`));
  return out;
}

/** Registers a user; a certificate given with the registration is issued by its own event, as a later one would be. */
export function decideRegisterUser(
  dir: Directory,
  input: Omit<UserRegistration, 'certificate' | 'trainingHours'> & {
    certificate?: { number: string; validFrom: IsoDate; validUntil: IsoDate };
  },
): RegistryDecision {
  if (dir.user(input.id))
    return decideUnless([registryViolation('userIdUnique', `用户 ${input.id} 已存在 (user ${input.id} already registered)`)], () => []);
  const { certificate, ...user } = input;
  return decideUnless([...userProblems(dir, user), ...(certificate ? certificateProblems(dir, user.id, certificate) : [])], () => [
    { type: 'UserRegistered', data: user },
    ...(certificate ? [{ type: 'CertificateIssued' as const, data: { userId: user.id, ...certificate } }] : []),
  ]);
}

/** Changes a user's name, roles, agency or legal qualification; a change that changes nothing writes nothing. */
export function decideUpdateUser(dir: Directory, input: UserChanges): RegistryDecision {
  const current = dir.user(input.id);
  if (!current) return decideUnless([registryViolation('userFound', `用户 ${input.id} 不存在 (user ${input.id} not found)`)], () => []);
  const changes: UserChanges = { id: input.id };
  if (input.name !== undefined && input.name !== current.name) changes.name = input.name;
  if (input.agencyId !== undefined && input.agencyId !== current.agencyId) changes.agencyId = input.agencyId;
  if (input.roles !== undefined && [...new Set(input.roles)].sort().join() !== [...current.roles].sort().join())
    changes.roles = [...new Set(input.roles)];
  if (input.legalQualification !== undefined && (input.legalQualification ?? undefined) !== current.legalQualification)
    changes.legalQualification = input.legalQualification;
  if (Object.keys(changes).length === 1) return { ok: true, events: [] };
  const next = {
    roles: changes.roles ?? current.roles,
    agencyId: changes.agencyId ?? current.agencyId,
    legalQualification: changes.legalQualification === null ? undefined : (changes.legalQualification ?? current.legalQualification),
  };
  return decideUnless(userProblems(dir, next), () => [{ type: 'UserUpdated', data: changes }]);
}

const userFound = (dir: Directory, id: string) =>
  dir.user(id) ? [] : [registryViolation('userFound', `用户 ${id} 不存在 (user ${id} not found)`)];

/** Deactivation takes effect `today` (Asia/Shanghai): from then on the user cannot log in or be named as an officer. */
export function decideDeactivateUser(dir: Directory, userId: string, by: string, reason: string, today: IsoDate): RegistryDecision {
  const u = dir.user(userId);
  const problems = u
    ? [
        ...(u.active
          ? []
          : [registryViolation('userActive', `用户 ${userId} 自 ${u.inactiveFrom} 起已停用 (deactivated since ${u.inactiveFrom})`)]),
        ...(userId === by ? [registryViolation('notOwnAccount', `${userId} 是当前操作人 (you are ${userId})`)] : []),
      ]
    : userFound(dir, userId);
  return decideUnless(problems, () => [{ type: 'UserDeactivated', data: { userId, effectiveFrom: today, reason } }]);
}

export function decideReactivateUser(dir: Directory, userId: string, reason?: string): RegistryDecision {
  const u = dir.user(userId);
  const problems = u
    ? u.active
      ? [registryViolation('userInactive', `用户 ${userId} 未停用 (user ${userId} is active)`)]
      : []
    : userFound(dir, userId);
  return decideUnless(problems, () => [{ type: 'UserReactivated', data: { userId, ...(reason ? { reason } : {}) } }]);
}

/** Issues or renews the user's enforcement certificate (the current one, if any, moves to the history). */
export function decideIssueCertificate(
  dir: Directory,
  userId: string,
  c: { number: string; validFrom: IsoDate; validUntil: IsoDate },
): RegistryDecision {
  if (!dir.user(userId)) return decideUnless(userFound(dir, userId), () => []);
  return decideUnless(certificateProblems(dir, userId, c), () => [
    { type: 'CertificateIssued', data: { userId, number: c.number, validFrom: c.validFrom, validUntil: c.validUntil } },
  ]);
}

/**
 * Suspends (暂扣), revokes (吊销) or reinstates the current certificate from a date: steps before that date keep
 * counting the certificate as it stood then (the two-officer rule reads the status in force on the step's day).
 */
export function decideChangeCertificateStatus(
  dir: Directory,
  userId: string,
  c: { status: CertificateStatus; effectiveFrom: IsoDate; reason: string },
): RegistryDecision {
  const u = dir.user(userId);
  if (!u) return decideUnless(userFound(dir, userId), () => []);
  const cert = u.certificate;
  if (!cert)
    return decideUnless([registryViolation('hasCertificate', `${u.name} (${userId}) 没有执法证 (holds no certificate)`)], () => []);
  const problems: RegistryViolation[] = [];
  if (cert.status === 'revoked')
    problems.push(
      registryViolation('certificateNotRevoked', `执法证 ${cert.number} 自 ${cert.statusFrom ?? cert.validFrom} 起吊销 (revoked)`),
    );
  if (c.effectiveFrom < cert.validFrom || c.effectiveFrom > cert.validUntil)
    problems.push(
      registryViolation('statusFromWithinTerm', `${c.effectiveFrom} 不在 ${cert.validFrom}..${cert.validUntil} 内 (outside the term)`),
    );
  return decideUnless(problems, () => [
    {
      type: 'CertificateStatusChanged',
      data: { userId, number: cert.number, status: c.status, effectiveFrom: c.effectiveFrom, reason: c.reason },
    },
  ]);
}

export function decideRecordTraining(dir: Directory, userId: string, t: TrainingRecord, today: IsoDate): RegistryDecision {
  if (!dir.user(userId)) return decideUnless(userFound(dir, userId), () => []);
  const problems: RegistryViolation[] = [];
  if (!(t.hours > 0 && t.hours <= 200)) problems.push(registryViolation('trainingHoursRange', `${t.hours} 学时 (hours)`));
  if (!t.date.startsWith(`${t.year}-`))
    problems.push(registryViolation('trainingDateInYear', `${t.date} 不在 ${t.year} 年 (not in ${t.year})`));
  if (t.date > today) problems.push(registryViolation('trainingNotInFuture', `${t.date} 晚于今天 ${today} (after today)`));
  return decideUnless(problems, () => [
    { type: 'TrainingRecorded', data: { userId, year: t.year, hours: t.hours, course: t.course, date: t.date } },
  ]);
}

/** The agencies a registry event concerns (for scoping its history): the agency, or the user's agency (before and after a move). */
export function directoryEventAgencies(dir: Directory, e: DirectoryEvent): string[] {
  switch (e.type) {
    case 'AgencyRegistered':
    case 'AgencyUpdated':
      return [e.data.id];
    case 'UserRegistered':
      return [e.data.agencyId];
    case 'UserUpdated': {
      const before = dir.user(e.data.id)?.agencyId;
      return [...new Set([before, e.data.agencyId].filter((x): x is string => !!x))];
    }
    default: {
      const a = dir.user(e.data.userId)?.agencyId;
      return a ? [a] : [];
    }
  }
}
