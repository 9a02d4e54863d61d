import { IsoDate } from '@workflows/enforcement-case';

/** The documents rendered so far, by the path segment that names them (GET …/documents/{kind}). */
export const DOCUMENT_KINDS = [
  'filing-approval',
  'penalty-notice',
  'penalty-decision',
  'service-receipt',
  'closing-approval',
  'hearing-notice',
  'hearing-record',
  'hearing-report',
  'legal-review-opinion',
  'collective-deliberation',
  'no-penalty-decision',
  'enforcement-demand',
  'enforcement-application',
  'criminal-referral',
  'filing-refusal-notice',
  'inspection-record',
  'inquiry-record',
  'sampling-record',
  'rectification-order',
  'reinspection-opinion',
  'seizure-decision',
  'seizure-release-decision',
  'extension-approval',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  'filing-approval': '立案审批表',
  'penalty-notice': '行政处罚告知书',
  'penalty-decision': '行政处罚决定书',
  'service-receipt': '送达回证',
  'closing-approval': '结案审批表',
  'hearing-notice': '听证会通知书',
  'hearing-record': '听证笔录',
  'hearing-report': '听证会报告书',
  'legal-review-opinion': '法制审核意见书',
  'collective-deliberation': '集体讨论记录',
  'no-penalty-decision': '不予行政处罚决定书',
  'enforcement-demand': '履行行政决定催告书',
  'enforcement-application': '强制执行申请书',
  'criminal-referral': '涉嫌犯罪案件移送书',
  'filing-refusal-notice': '不予立案告知书',
  'inspection-record': '现场检查记录',
  'inquiry-record': '询问笔录',
  'sampling-record': '抽样取证凭证',
  'rectification-order': '责令限期整改指令书',
  'reinspection-opinion': '整改复查意见书',
  'seizure-decision': '查封(扣押)决定书',
  'seizure-release-decision': '解除查封(扣押)决定书',
  'extension-approval': '案件延期办结审批表',
};

export function isDocumentKind(s: string): s is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(s);
}

/** One row of a form (审批表, 送达回证): a label and its value, or a box the person signs by hand. */
export type FormRow = { label: string; value: string } | { label: string; handwritten: true };

/**
 * What a document says, independent of its format: the renderers (PDF, DOCX, HTML) only lay it out.
 * - `paragraph`: body text, first line indented two characters unless `indent` is false (the addressee line);
 * - `heading`: a section heading (一、…), set in 黑体;
 * - `form`: a ruled two-column table of labels and values;
 * - `signature`: the closing lines at the right (issuing agency, date, seal).
 */
export type DocumentBlock =
  | { kind: 'paragraph'; text: string; indent?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'form'; rows: FormRow[] }
  | { kind: 'signature'; lines: string[]; seal: boolean };

export interface CaseDocument {
  kind: DocumentKind;
  /** The issuing agency, printed above the title (the entrusting agency for an entrusted organisation). */
  issuer: string;
  title: string;
  /** 文号 (郴应急罚〔2026〕3号) or, for an internal form, the case number it belongs to. */
  number: string;
  blocks: DocumentBlock[];
  /** The date the document bears: also its files' creation date, so the same history renders the same bytes. */
  date: IsoDate;
}
