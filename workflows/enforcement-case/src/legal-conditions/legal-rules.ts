/**
 * The catalogue of legal conditions a command can fail (422). Each rule is named after what the law
 * requires, carries its legal source, and a Chinese-first message for the officer.
 */
export interface LegalRule {
  source: string;
  zh: string;
  en: string;
}

export const LEGAL_RULES = {
  twoCertifiedOfficers: {
    source: '行政处罚法 Art. 42, 55; 安全生产法 Art. 67',
    zh: '执法人员不得少于两人，且须持有本机关有效执法证件',
    en: 'at least two officers holding valid enforcement certificates of the agency are required',
  },
  withinLimitationPeriod: {
    source: '行政处罚法 Art. 36',
    zh: '违法行为在追责时效内未被发现的，不再给予行政处罚',
    en: 'the violation was discovered after the limitation period',
  },
  discoveredNotInFuture: {
    source: '行政处罚法 Art. 36',
    zh: '发现日期不得晚于立案日期',
    en: 'the discovery date cannot be later than the day the case was opened',
  },
  rulesVersionInForce: {
    source: 'docs/procedure.md §2',
    zh: '立案日期没有生效的规则版本',
    en: 'no rules version is in force on the filing date',
  },
  calendarCoversPeriod: {
    source: '行政处罚法 Art. 85',
    zh: '缺少计算期限所需年份的节假日数据',
    en: 'the holiday calendar does not cover the year needed to compute the deadline',
  },
  penaltiesProposedForPenaltyOutcome: {
    source: '行政处罚法 Art. 44',
    zh: '拟作出行政处罚的，应当告知拟作出的处罚内容',
    en: 'a penalty outcome needs the proposed penalties',
  },
  fineHasAmount: {
    source: '行政处罚法 Art. 9',
    zh: '罚款须写明金额',
    en: 'a fine needs an amount greater than zero',
  },
  hearingRightExists: {
    source: '行政处罚法 Art. 63',
    zh: '拟作出的处罚不属于当事人有权要求听证的范围',
    en: 'the proposed penalty does not give the party a hearing right',
  },
  penaltyNoticeServed: {
    source: '行政处罚法 Art. 44, 62',
    zh: '作出行政处罚决定前，应当告知当事人拟作出的处罚及其陈述、申辩、听证权利',
    en: 'the penalty notice must be served before a penalty is decided',
  },
  statementPeriodOver: {
    source: '行政处罚法 Art. 45, 62',
    zh: '陈述、申辩期限未届满且当事人未放弃，不得作出处罚决定',
    en: 'the statement period has not ended and was not waived',
  },
  hearingRequestPeriodOver: {
    source: '行政处罚法 Art. 64(1)',
    zh: '听证申请期限未届满且当事人未放弃，不得作出处罚决定',
    en: 'the hearing-request period has not ended and was not waived',
  },
  hearingRequestedInTime: {
    source: '行政处罚法 Art. 64(1)',
    zh: '当事人应当在告知后五个工作日内提出听证要求',
    en: 'the hearing must be requested within 5 working days of the notice',
  },
  hearingNotYetRequested: {
    source: '行政处罚法 Art. 64',
    zh: '本案已经申请过听证',
    en: 'a hearing was already requested in this case',
  },
  hearingNoticeSevenWorkingDays: {
    source: '行政处罚法 Art. 64(2)',
    zh: '行政机关应当在举行听证的七日前，通知当事人举行听证的时间、地点',
    en: 'the party must be notified at least 7 working days before the hearing',
  },
  presidingOfficerDidNotInvestigate: {
    source: '行政处罚法 Art. 64(4)',
    zh: '听证由行政机关指定的非本案调查人员主持',
    en: 'the presiding officer must not have investigated the case',
  },
  recordedByPresidingOfficer: {
    source: '行政处罚法 Art. 64(4), 64(8)',
    zh: '听证由指定的主持人主持并制作笔录',
    en: 'the hearing is recorded by its presiding officer',
  },
  legalReviewApprovedForMajorCase: {
    source: '行政处罚法 Art. 58',
    zh: '重大执法决定须经法制审核且审核通过',
    en: 'a major decision needs an approved legality review',
  },
  extensionTierAllowed: {
    source: '安全生产违法行为行政处罚办法 Art. 31 (former sector rule)',
    zh: '延期须先经本机关负责人批准（至90日），再报上一级批准（至180日），不得重复',
    en: 'extensions go head (to 90 days) then upper level (to 180 days), each once',
  },
  notSuspended: {
    source: 'docs/procedure.md §1',
    zh: '案件中止期间不得作出处理决定',
    en: 'the case is suspended',
  },
  collectiveDiscussionForMajorCase: {
    source: '行政处罚法 Art. 57(2)',
    zh: '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定',
    en: 'a major case is decided by the heads’ collective discussion',
  },
  collectiveDiscussionQuorum: {
    source: '行政处罚法 Art. 57(2)',
    zh: '集体讨论须有至少三名负责人参加',
    en: 'a collective discussion needs at least three participants',
  },
  decisionToPublish: {
    source: '安全生产法 Art. 78; 国办发〔2018〕118号',
    zh: '只公示已作出且尚未公示的行政处罚决定',
    en: 'only a penalty decision not yet published can be published',
  },
  deferralTerms: {
    source: '行政处罚法 Art. 66',
    zh: '暂缓或分期缴纳须写明新的缴纳期限，且晚于原期限',
    en: 'a deferral needs a new due date (or instalments) after the current one',
  },
  penaltyKindDecided: {
    source: '行政处罚法 Art. 66',
    zh: '所记录的履行不对应本案决定的处罚种类',
    en: 'the decision imposes no such penalty',
  },
  remedyPending: {
    source: '行政复议法 Art. 20; 行政诉讼法 Art. 46',
    zh: '没有待结的行政复议或行政诉讼',
    en: 'there is no pending reconsideration or litigation',
  },
  fineWithinDiscretionBenchmark: {
    source: '郴政办发〔2016〕19号 §10; 安全生产行政处罚自由裁量基准',
    zh: '罚款超出裁量基准范围的，须书面说明理由并经法制审核通过',
    en: 'a fine outside the discretion benchmark needs a written justification and an approved legality review',
  },
  fineNotHeavierThanNotified: {
    source: '行政处罚法 Art. 45',
    zh: '不得因当事人陈述、申辩而给予更重的处罚：决定的罚款不得高于告知的罚款',
    en: 'the decided fine is heavier than the notified one',
  },
  decisionHasFine: {
    source: '行政处罚法 Art. 67',
    zh: '本案决定没有罚款，无需缴纳',
    en: 'the decision imposes no fine to pay',
  },
  paymentNotAboveDue: {
    source: '行政处罚法 Art. 67, 72',
    zh: '缴款金额超过应缴罚款及加处罚款',
    en: 'the payment exceeds the fine plus the late-payment surcharge due',
  },
  attestingUserIsHandlingOfficer: {
    source: '中办发〔2015〕23号; docs/supervision.md §2',
    zh: '只有本案承办人员可以确认干预情况已如实记录',
    en: 'only a handling officer of the case can attest the interference record',
  },
  interferenceAttestedByHandlingOfficers: {
    source: '中办发〔2015〕23号; 郴政办发〔2016〕19号 §10',
    zh: '结案前，全部承办人员须确认干预情况已如实记录',
    en: 'every handling officer must attest the interference record before closing',
  },
  noSupervisionAwaitingReply: {
    source: '郴政办发〔2016〕19号第十七条',
    zh: '本案已有督办尚未回复，须待承办人员回复后再行督办',
    en: 'the case has a supervision notice awaiting its reply; a new one may follow the reply',
  },
  documentNotYetIssued: {
    source: '行政处罚法第五十九条、第六十一条',
    zh: '该文书已签发，不再另行编号签发；已签发的文书可按文号调取（本案再次产生该文书时，如再次责令整改，可签发新的一份）',
    en: 'this document has already been issued; the issued one is fetched by its number (a new occurrence, such as a second rectification order, may be issued)',
  },
  servedDocumentIssued: {
    source: '行政处罚法第六十一条',
    zh: '所送达的文书须为本案已签发的决定书，文号须与签发记录一致',
    en: 'the document served must be the decision of this case as issued, under its issued number',
  },
  supervisionAwaitingReply: {
    source: '郴政办发〔2016〕19号第十七条',
    zh: '所回复的督办不存在或已回复',
    en: 'the supervision notice being replied to does not exist or has already been replied to',
  },
  interferenceRecordExists: {
    source: 'docs/supervision.md §2',
    zh: '更正所指向的干预记录不存在',
    en: 'the interference record being corrected does not exist',
  },
  referralDocumentsComplete: {
    source: '行政执法机关移送涉嫌犯罪案件的规定 Art. 6',
    zh: '移送时应当附有涉嫌犯罪案件移送书、涉嫌犯罪案件情况的调查报告',
    en: 'the transfer needs the referral letter (移送书) and the investigation report (调查报告)',
  },
  rectificationDeadlineAfterIssue: {
    source: '安全生产法 Art. 65(2)',
    zh: '整改期限须晚于责令整改之日',
    en: 'the rectification deadline must be after the order',
  },
  rectificationVerified: {
    source: '安全生产法 Art. 65, 70; 郴政办发〔2016〕19号',
    zh: '责令整改的事项尚未复查合格，不得结案',
    en: 'an ordered rectification has not been verified by re-inspection',
  },
  audioVideoRecorded: {
    source: '国办发〔2018〕118号; 行政强制法 Art. 18',
    zh: '查封扣押须全程音像记录：须引用本案已登记的音像证据摘要',
    en: 'an on-site seizure must reference a recorded audio-video evidence hash of this case',
  },
  evidenceRecordedInCase: {
    source: '行政处罚法 Art. 46; docs/evidence-files.md',
    zh: '证据文件须附于本案已登记的证据',
    en: 'a file must be attached to an evidence item recorded in this case',
  },
  evidenceFileNotAttachedYet: {
    source: 'docs/evidence-files.md',
    zh: '该文件已附于此证据，无需重复上传',
    en: 'this file is already attached to the evidence item',
  },
  seizureExtendedOnce: {
    source: '行政强制法 Art. 25',
    zh: '查封扣押期限只能延长一次，且延长不得超过三十日',
    en: 'a seizure may be extended once, by at most 30 days',
  },
  seizureExtendedWithinTerm: {
    source: '行政强制法 Art. 25, 27, 28',
    zh: '查封扣押期限届满后不得延长，应当及时解除',
    en: 'a seizure cannot be extended once its term has run out; it must be released',
  },
  noSeizureInForce: {
    source: '行政强制法 Art. 27, 28',
    zh: '查封扣押尚未解除或处理，不得结案',
    en: 'a seizure is still in force',
  },
  paymentOverdue: {
    source: '行政强制法 Art. 54; 行政处罚法 Art. 72',
    zh: '罚款未逾期未缴，不得催告',
    en: 'the fine is not overdue',
  },
  urgedTenWorkingDaysBefore: {
    source: '行政强制法 Art. 54',
    zh: '催告书送达十个工作日后当事人仍未履行的，方可申请人民法院强制执行',
    en: 'the court may be applied to only 10 working days after the urge notice',
  },
  litigationWindowEnded: {
    source: '行政强制法 Art. 53',
    zh: '当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行的，方可申请强制执行',
    en: 'the litigation window must have ended',
  },
  withinCourtApplicationWindow: {
    source: '行政强制法 Art. 53',
    zh: '应自期限届满之日起三个月内申请人民法院强制执行',
    en: 'the application must be made within 3 months after the litigation window',
  },
  deadlineOpenAndPast: {
    source: 'docs/procedure.md §1',
    zh: '该期限不存在、已满足或尚未届满',
    en: 'the deadline does not exist, is already met, or has not passed yet',
  },
  partyCodeValid: {
    source: 'GB 32100-2015; GB 11643-1999',
    zh: '当事人统一社会信用代码或身份证号码校验不通过',
    en: 'the party code fails its check character',
  },
} as const satisfies Record<string, LegalRule>;

export type LegalRuleCode = keyof typeof LEGAL_RULES;

/** One unmet legal condition, as reported to the officer. */
export interface RuleViolation {
  rule: LegalRuleCode;
  legalSource: string;
  message: { zh: string; en: string };
  /** Specifics of this case (e.g. which officer, which date). */
  detail?: string;
}

export function violation(rule: LegalRuleCode, detail?: string): RuleViolation {
  const r = LEGAL_RULES[rule];
  return { rule, legalSource: r.source, message: { zh: r.zh, en: r.en }, ...(detail ? { detail } : {}) };
}
