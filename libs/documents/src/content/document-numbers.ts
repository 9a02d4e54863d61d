import { DocumentAgency, DocumentNumberFormat } from './document-input';
import { Requirements } from './document-refusals';

/**
 * The agency's formats as the engine numbers cases and decisions, and those of the documents numbered after the case
 * with their kind codes: 罚告 (行政处罚告知书), 听通 (听证会通知书), 催告 (履行行政决定催告书), 催缴 (罚款催缴通知书), 强执申 (强制执行申请书),
 * 移 (涉嫌犯罪案件移送书), 责改 (责令限期整改指令书), 复查 (整改复查意见书), 查扣 (查封(扣押)决定书), 解扣 (解除查封(扣押)
 * 决定书). Issued (issue-document), each takes the next
 * number of its own series instead (apps/api/src/documents/issue-numbering.ts).
 */
export const DEFAULT_DOCUMENT_NUMBER_FORMATS: Record<DocumentNumberFormat, string> = {
  case: '{short}立〔{year}〕{n}号',
  decision: '{short}罚〔{year}〕{n}号',
  notice: '{short}罚告〔{year}〕{n}号',
  hearingNotice: '{short}听通〔{year}〕{n}号',
  enforcementDemand: '{short}催告〔{year}〕{n}号',
  paymentReminder: '{short}催缴〔{year}〕{n}号',
  enforcementApplication: '{short}强执申〔{year}〕{n}号',
  criminalReferral: '{short}移〔{year}〕{n}号',
  rectification: '{short}责改〔{year}〕{n}号',
  reinspection: '{short}复查〔{year}〕{n}号',
  seizure: '{short}查扣〔{year}〕{n}号',
  seizureRelease: '{short}解扣〔{year}〕{n}号',
};

/** What each series numbers, as an administrator reads it (the registry admin API names them). */
export const DOCUMENT_NUMBER_FORMAT_TITLES: Record<DocumentNumberFormat, string> = {
  case: '案号（立案审批表、结案审批表等）',
  decision: '行政处罚决定书、不予行政处罚决定书文号',
  notice: '行政处罚告知书文号',
  hearingNotice: '听证会通知书文号',
  enforcementDemand: '履行行政决定催告书文号',
  paymentReminder: '罚款催缴通知书文号',
  enforcementApplication: '强制执行申请书文号',
  criminalReferral: '涉嫌犯罪案件移送书文号',
  rectification: '责令限期整改指令书文号',
  reinspection: '整改复查意见书文号',
  seizure: '查封(扣押)决定书文号',
  seizureRelease: '解除查封(扣押)决定书文号',
};

export const DOCUMENT_NUMBER_FORMATS = Object.keys(DEFAULT_DOCUMENT_NUMBER_FORMATS) as DocumentNumberFormat[];

/**
 * Why a number format cannot number documents, or null when it can: it must hold the sequence number `{n}` and the
 * year `{year}` once each (numbers run per agency, kind and year, so a format without the year would repeat a number
 * the next year), and may hold the agency's short name `{short}` once; no other placeholder (the numbers are written
 * by replacing each placeholder once).
 */
export function numberFormatProblem(format: string): string | null {
  const placeholders = format.match(/\{[^{}]*\}/g) ?? [];
  const unknown = placeholders.filter((p) => !['{short}', '{year}', '{n}'].includes(p));
  if (unknown.length) return `含有未知的占位符 ${unknown.join('、')}（unknown placeholder; use {short}, {year}, {n}）`;
  if (/[{}]/.test(format.replace(/\{(short|year|n)\}/g, ''))) return '含有不成对的花括号 (unbalanced braces)';
  const count = (p: string) => placeholders.filter((x) => x === p).length;
  if (count('{n}') !== 1) return '须含有一个且仅一个序号占位符 {n} (must contain {n} exactly once)';
  if (count('{year}') !== 1)
    return '须含有一个且仅一个年份占位符 {year}，否则次年编号重复 (must contain {year} exactly once: numbers restart each year)';
  if (count('{short}') > 1) return '{short} 至多出现一次 ({short} at most once)';
  return null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The year and sequence number of a case number, read back with the format that wrote it; null if it does not fit. */
export function caseSequence(caseNo: string, agency: DocumentAgency): { year: number; n: number } | null {
  const format = agency.numberFormats?.case ?? DEFAULT_DOCUMENT_NUMBER_FORMATS.case;
  const order = [...format.matchAll(/\{(year|n)\}/g)].map((m) => m[1]);
  const pattern = escape(format)
    .replace(escape('{short}'), escape(agency.shortName))
    .replace(escape('{year}'), '(\\d{4})')
    .replace(escape('{n}'), '(\\d+)');
  const m = new RegExp(`^${pattern}$`).exec(caseNo);
  if (!m || order.length !== 2) return null;
  const value = (name: string) => Number(m[order.indexOf(name) + 1]);
  return { year: value('year'), n: value('n') };
}

/**
 * A served document's number: its kind code in the agency's format with the case's year and sequence number, so that
 * 郴应急罚告〔2026〕3号 is the notice of case 郴应急立〔2026〕3号 (one such document per case, no second series to keep
 * gapless).
 */
export function caseKindNumber(
  caseNo: string,
  agency: DocumentAgency,
  kind: Exclude<DocumentNumberFormat, 'case' | 'decision'>,
): string | null {
  const seq = caseSequence(caseNo, agency);
  if (!seq) return null;
  const format = agency.numberFormats?.[kind] ?? DEFAULT_DOCUMENT_NUMBER_FORMATS[kind];
  return format.replace('{short}', agency.shortName).replace('{year}', String(seq.year)).replace('{n}', String(seq.n));
}

/** A 告知书's number (罚告). */
export function noticeNumber(caseNo: string, agency: DocumentAgency): string | null {
  return caseKindNumber(caseNo, agency, 'notice');
}

/** The number of a document numbered after the case, or '' with the case number recorded as missing or unfit. */
export function requireCaseKindNumber(
  caseNo: string | undefined,
  agency: DocumentAgency,
  kind: Exclude<DocumentNumberFormat, 'case' | 'decision'>,
  req: Requirements,
): string {
  const no = req.need(caseNo, 'caseNo', '案号');
  return no ? req.need(caseKindNumber(no, agency, kind), 'caseNo', '案号（不符合本机关的案号格式）') : '';
}
