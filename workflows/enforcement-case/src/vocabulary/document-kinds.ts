import type { CaseEventType } from '../case-events';
import type { TermName } from './name';

/**
 * The documents (文书) of a case, by the name the API gives them (GET …/documents/{kind}, issue-document), in the
 * order of the procedure: filing, investigation and measures, the notice and the hearing, review and deliberation,
 * the decision and its service, execution, transfer, closing. The case file binds them in this order.
 */
export const DOCUMENT_KIND_NAMES = {
  'filing-approval': { zh: '立案审批表', en: 'filing approval' },
  'filing-refusal-notice': { zh: '不予立案告知书', en: 'notice of refusal to file' },
  'inspection-record': { zh: '现场检查记录', en: 'on-site inspection record' },
  'inquiry-record': { zh: '询问笔录', en: 'inquiry record' },
  'sampling-record': { zh: '抽样取证凭证', en: 'sampling record' },
  'rectification-order': { zh: '责令限期整改指令书', en: 'rectification order' },
  'reinspection-opinion': { zh: '整改复查意见书', en: 're-inspection opinion' },
  'seizure-decision': { zh: '查封(扣押)决定书', en: 'seizure decision' },
  'seizure-release-decision': { zh: '解除查封(扣押)决定书', en: 'seizure release decision' },
  'extension-approval': { zh: '案件延期办结审批表', en: 'extension approval' },
  'penalty-notice': { zh: '行政处罚告知书', en: 'penalty notice' },
  'hearing-notice': { zh: '听证会通知书', en: 'hearing notice' },
  'hearing-record': { zh: '听证笔录', en: 'hearing record' },
  'hearing-report': { zh: '听证会报告书', en: 'hearing report' },
  'legal-review-opinion': { zh: '法制审核意见书', en: 'legal review opinion' },
  'collective-deliberation': { zh: '集体讨论记录', en: 'collective deliberation record' },
  'penalty-decision': { zh: '行政处罚决定书', en: 'penalty decision' },
  'no-penalty-decision': { zh: '不予行政处罚决定书', en: 'decision not to penalize' },
  'service-receipt': { zh: '送达回证', en: 'service receipt' },
  'payment-reminder': { zh: '罚款催缴通知书', en: 'fine payment reminder' },
  'enforcement-demand': { zh: '履行行政决定催告书', en: 'demand to perform' },
  'enforcement-application': { zh: '强制执行申请书', en: 'application for court enforcement' },
  'criminal-referral': { zh: '涉嫌犯罪案件移送书', en: 'criminal referral' },
  'closing-approval': { zh: '结案审批表', en: 'closing approval' },
} as const satisfies Record<string, TermName>;

export type DocumentKind = keyof typeof DOCUMENT_KIND_NAMES;

/**
 * The documents a case may produce more than once, each occurrence by an event of this type; a document states the
 * latest occurrence. A second 责令限期整改 follows a failed 复查 (安全生产法第六十五条第一款第二项), a new seizure may
 * follow a release (行政强制法第二十七条), a 催告 may be repeated (行政强制法第三十五条), a review or a discussion is
 * recorded again after a return or a hearing (行政处罚法第五十七条、第五十八条), each service has its 送达回证, a
 * period may be extended again. Each occurrence is issued once, under a number of its own (issue-document); every
 * other kind is issued once per case.
 */
export const REPEATABLE_DOCUMENTS = {
  'rectification-order': 'RectificationOrdered',
  'reinspection-opinion': 'ReinspectionRecorded',
  'seizure-decision': 'SeizureImposed',
  'seizure-release-decision': 'SeizureReleased',
  'extension-approval': 'HandlingPeriodExtended',
  'legal-review-opinion': 'LegalReviewCompleted',
  'collective-deliberation': 'CollectiveDiscussionRecorded',
  'service-receipt': 'DecisionServed',
  'enforcement-demand': 'EnforcementUrged',
  'payment-reminder': 'EnforcementUrged',
} as const satisfies Partial<Record<DocumentKind, CaseEventType>>;

const OCCURRENCES_OF = new Map<string, DocumentKind[]>();
for (const [kind, eventType] of Object.entries(REPEATABLE_DOCUMENTS))
  OCCURRENCES_OF.set(eventType, [...(OCCURRENCES_OF.get(eventType) ?? []), kind as DocumentKind]);

/** The kinds of document whose new occurrence an event of this type produces (one event may produce several). */
export const documentOccurrencesOf = (eventType: string): readonly DocumentKind[] => OCCURRENCES_OF.get(eventType) ?? [];
