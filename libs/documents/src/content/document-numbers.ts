import { DocumentAgency } from './document-input';

/**
 * The agency's formats as the engine numbers cases and decisions, and those of the documents served in the case's
 * own series, each with its kind code: 告知书 罚告, 责令限期整改指令书 责改, 整改复查意见书 复查, 查封(扣押)决定书 查扣,
 * 解除查封(扣押)决定书 解扣.
 */
export const DEFAULT_DOCUMENT_NUMBER_FORMATS = {
  case: '{short}立〔{year}〕{n}号',
  decision: '{short}罚〔{year}〕{n}号',
  notice: '{short}罚告〔{year}〕{n}号',
  rectification: '{short}责改〔{year}〕{n}号',
  reinspection: '{short}复查〔{year}〕{n}号',
  seizure: '{short}查扣〔{year}〕{n}号',
  seizureRelease: '{short}解扣〔{year}〕{n}号',
} as const;

/** The documents numbered in their case's series (the case's year and sequence number under their own kind code). */
export type CaseSeriesKind = Exclude<keyof typeof DEFAULT_DOCUMENT_NUMBER_FORMATS, 'case' | 'decision'>;

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
 * A 告知书's number: the kind code in the agency's format with the case's year and sequence number, so that
 * 郴应急罚告〔2026〕3号 is the notice of case 郴应急立〔2026〕3号 (one notice per case, no second series to keep gapless).
 */
export function noticeNumber(caseNo: string, agency: DocumentAgency): string | null {
  return caseSeriesNumber('notice', caseNo, agency);
}

/**
 * A document's number in its case's series: its kind code with the case's year and sequence number
 * (北应急责改〔2026〕3号 for case 北应急立〔2026〕3号). A case that orders a second rectification or a second seizure
 * gives it the same number as the first until documents are numbered when issued.
 */
export function caseSeriesNumber(kind: CaseSeriesKind, caseNo: string, agency: DocumentAgency): string | null {
  const seq = caseSequence(caseNo, agency);
  if (!seq) return null;
  const format = agency.numberFormats?.[kind] ?? DEFAULT_DOCUMENT_NUMBER_FORMATS[kind];
  return format.replace('{short}', agency.shortName).replace('{year}', String(seq.year)).replace('{n}', String(seq.n));
}
