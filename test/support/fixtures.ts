/** Bodies shared by the end-to-end tests (Chenzhou 北湖区 bureau of the demo seed). */
export const AG = 'ag-431002';
export const OFFICER_1 = 'u-431002-officer-1';
export const OFFICER_2 = 'u-431002-officer-2';
export const OFFICER_3 = 'u-431002-officer-3';
export const HEAD = 'u-431002-head';
export const REVIEWER = 'u-431002-reviewer';
export const OTHER_COUNTY_OFFICER = 'u-431003-officer-1';
export const HASH = 'c0ffee00112233445566778899aabbccddeeff00112233445566778899aabbcc';

export const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;

export function openCaseBody(overrides: Record<string, unknown> = {}) {
  return {
    agencyId: AG,
    source: 'inspection',
    industry: 'fireworks',
    party: {
      kind: 'organization',
      name: '郴州市北湖区测试烟花爆竹经营部',
      creditCode: '91431002MA4L000079',
      legalRepresentative: '王测试',
    },
    violations: [{ description: '烟花爆竹超量储存', provisions: ['安全生产法 Art. 41'] }],
    discoveredAt: '2026-09-01',
    handlingOfficerIds: [OFFICER_1, OFFICER_2],
    summary: '检查发现仓库超量储存烟花爆竹',
    occurredAt: at('2026-09-01'),
    ...overrides,
  };
}

/** A record-interference body: a leading cadre phoned, the officer refused and recorded it. */
export function interferenceBody(overrides: Record<string, unknown> = {}) {
  return {
    intervener: { name: '某某', unit: '某单位', post: '副局长', relation: 'leading_cadre' },
    means: 'phone',
    content: '打电话说情',
    handling: '已拒绝并记录',
    ...overrides,
  };
}

/** A record-evidence body: an on-site inspection record by both handling officers, on the third day. */
export function evidenceBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'inspection',
    title: '现场检查',
    officerIds: [OFFICER_1, OFFICER_2],
    contentHash: HASH,
    occurredAt: at('2026-09-03'),
    ...overrides,
  };
}

/** The parts a text lacks (a test expects none: the failure lists every missing part at once). */
export function missingFrom(text: string, parts: string[]): string[] {
  return parts.filter((p) => !text.includes(p));
}

/** An organisation party by name, with the demo credit code (valid check character). */
export function organizationParty(name: string) {
  return { kind: 'organization', name, creditCode: '91431002MA4L000079' };
}

/** A deputy district head asked for leniency: the interference the register and its reports are tested with. */
export function cadreInterference(overrides: Record<string, unknown> = {}) {
  return interferenceBody({
    intervener: { name: '王某', unit: '某区政府', post: '副区长', relation: 'leading_cadre' },
    content: '要求从轻处理',
    ...overrides,
  });
}

/** A record-legal-review body: the reviewer approves (the review a major or out-of-benchmark decision needs). */
export function legalReviewBody(overrides: Record<string, unknown> = {}) {
  return { outcome: 'approved', legalBasisCorrect: true, opinion: '同意', occurredAt: at('2026-09-07'), ...overrides };
}

/** A record-collective-discussion body: the head, the reviewer and officer 2 agree (a major case, 行政处罚法第五十七条). */
export function collectiveDiscussionBody(overrides: Record<string, unknown> = {}) {
  return { participantIds: [HEAD, REVIEWER, OFFICER_2], conclusion: '同意', occurredAt: at('2026-09-07'), ...overrides };
}

/** A penalty case's events from opening to the penalty notice, issued right after it is served. */
export const EVENTS_TO_PENALTY_NOTICE = [
  'CaseOpened',
  'CaseFiled',
  'EvidenceRecorded',
  'InvestigationConcluded',
  'PenaltyNoticeServed',
  'DocumentIssued',
];

/** A penalty case's events from the decision to closing: served, paid in full, attested by both officers, closed. */
export const EVENTS_DECIDED_TO_CLOSED = [
  'PenaltyDecided',
  'DecisionServed',
  'PaymentRecorded',
  'PenaltyExecuted',
  'InterferenceAttested',
  'InterferenceAttested',
  'CaseClosed',
];
