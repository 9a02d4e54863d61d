'use strict';
/**
 * A long case for the documents bench: a major case of 北湖区应急管理局 walked from opening to closing in 100
 * distinct events (64 pieces of evidence, an extension, statements, legal review, collective discussion, a fine paid
 * in 20 instalments), hash-chained as the store chains a stream. Events are in the engine's shape (type, data, meta).
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

// The agency and party of the documents' sample case (read as data, like the rules book: the bench runs the built code).
const SAMPLE = path.resolve(__dirname, '../../../libs/documents/src/testing/sample-parties.json');
const { agency: AGENCY, party: PARTY } = JSON.parse(fs.readFileSync(SAMPLE, 'utf8'));
const PEOPLE = { 'u-head': '赵局长', 'u-officer-1': '李执法', 'u-officer-2': '张执法', 'u-officer-3': '王执法', 'u-reviewer': '陈法制' };
// The investigative records bound into the 案卷 name each officer's 执法证 (行政处罚法第五十五条).
const CERTIFICATES = { 'u-officer-1': '43100220260001', 'u-officer-2': '43100220260002', 'u-officer-3': '43100220260003' };
const OFFICERS = ['u-officer-1', 'u-officer-2', 'u-officer-3'];
const KINDS = ['inspection', 'inquiry', 'photo', 'audio_video', 'document', 'sampling', 'appraisal'];
const TITLES = ['现场检查笔录', '询问笔录', '现场照片', '执法记录仪视频', '出入库台账', '抽样取证凭证', '检测报告'];
const sha = (s) => createHash('sha256').update(s).digest('hex');
const day = (n) => new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** A deadline as the engine records it on a notice, running out `days` later. */
function deadline(kind, n, days, basis) {
  const due = day(Math.floor(n / 3) + days + 2);
  return {
    kind,
    startedAt: `${day(Math.floor(n / 3))}T10:00:00+08:00`,
    dueDate: due,
    dueAt: `${due}T23:59:59.999+08:00`,
    basis,
    rulesVersion: 'hn-2026.1',
  };
}

function longCase() {
  const events = [];
  let n = 0;
  const add = (type, data, actorId = 'u-officer-1') => {
    const when = `${day(Math.floor(n / 3))}T${String(9 + (n % 3) * 2).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}:00+08:00`;
    events.push({ type, data, meta: { actorId, occurredAt: when, recordedAt: when } });
    n++;
  };
  const rules = 'hn-2026.1';
  add('CaseOpened', {
    caseId: 'c-bench',
    agencyId: AGENCY.id,
    source: 'inspection',
    industry: 'hazardous_chemicals',
    party: PARTY,
    violations: [
      { description: '超量储存危险化学品', provisions: ['安全生产法 Art. 36'] },
      { description: '未按规定对从业人员进行安全生产教育和培训', provisions: ['安全生产法 Art. 28'] },
    ],
    discoveredAt: day(0),
    handlingOfficerIds: ['u-officer-1', 'u-officer-2'],
    summary: '检查发现仓库超量储存危险化学品，且从业人员未经培训上岗',
    major: true,
  });
  add('CaseFiled', { caseNo: '北应急立〔2026〕42号', opinion: '同意立案，重大案件', rulesVersion: rules, deadlines: [] }, 'u-head');
  for (let i = 0; i < 64; i++) {
    const k = i % KINDS.length;
    add('EvidenceRecorded', {
      evidenceId: `e-${i + 1}`,
      kind: KINDS[k],
      title: `${TITLES[k]}（第${i + 1}份）`,
      officerIds: [OFFICERS[i % 3], OFFICERS[(i + 1) % 3]],
      contentHash: sha(`evidence ${i}`),
    });
  }
  add('HandlingPeriodExtended', { tier: 'head', reason: '案情复杂，需补充鉴定', deadlines: [] }, 'u-head');
  add('InvestigationConcluded', {
    findings: '于2026年9月1日在仓库超量储存危险化学品，且三名从业人员未经安全生产教育和培训上岗作业',
    proposedOutcome: 'penalty',
    legalBasis: ['安全生产法 Art. 99', '安全生产法 Art. 97'],
  });
  add('PenaltyNoticeServed', {
    proposedPenalties: [{ kind: 'fine', amountYuan: 200000 }],
    legalBasis: ['安全生产法 Art. 99', '安全生产法 Art. 97'],
    hearingRight: true,
    rulesVersion: rules,
    deadlines: [
      deadline('statement', n, 3, '3 个工作日 working days (sector rule)'),
      deadline('hearing_request', n, 5, '5 个工作日 working days (行政处罚法 Art. 64(1))'),
    ],
  });
  for (const summary of ['对超量储存事实无异议', '请求考虑已整改情况从轻处罚', '补充提交整改照片'])
    add('StatementRecorded', { summary, adopted: false });
  add(
    'LegalReviewCompleted',
    { outcome: 'approved', legalBasisCorrect: true, opinion: '事实清楚，适用法律正确', reviewerId: 'u-reviewer' },
    'u-reviewer',
  );
  add('CollectiveDiscussionRecorded', { participantIds: ['u-head', 'u-reviewer', 'u-officer-3'], conclusion: '同意处罚意见' }, 'u-head');
  add(
    'PenaltyDecided',
    {
      decisionNo: '北应急罚〔2026〕31号',
      outcome: 'penalty',
      penalties: [{ kind: 'fine', amountYuan: 200000 }],
      legalBasis: ['安全生产法 Art. 99', '安全生产法 Art. 97'],
      rulesVersion: rules,
      deadlines: [],
    },
    'u-head',
  );
  add('DecisionServed', { method: 'direct', rulesVersion: rules, deadlines: [] });
  const installments = Array.from({ length: 20 }, (_, i) => ({ amountYuan: 10000, dueDate: day(60 + i * 15) }));
  add('PaymentDeferred', { installments, deadlines: [] }, 'u-head');
  for (let i = 0; i < 20; i++)
    add('PaymentRecorded', { amountYuan: 10000, receiptNo: `HN2026-${String(i + 1).padStart(4, '0')}`, paidTotalYuan: 10000 * (i + 1) });
  add('InterferenceAttested', { officerId: 'u-officer-1', complete: true });
  add('InterferenceAttested', { officerId: 'u-officer-2', complete: true }, 'u-officer-2');
  add('CaseClosed', { summary: '罚款分期缴清，结案' }, 'u-head');

  let prev = '0'.repeat(64);
  const hashes = events.map((e) => (prev = sha(prev + JSON.stringify(e))));
  return { events, hashes };
}

function registry() {
  return {
    agency: (id) => (id === AGENCY.id ? AGENCY : undefined),
    person: (id) =>
      PEOPLE[id] ? { name: PEOPLE[id], ...(CERTIFICATES[id] ? { certificate: { number: CERTIFICATES[id] } } : {}) } : undefined,
  };
}

module.exports = { longCase, registry };
