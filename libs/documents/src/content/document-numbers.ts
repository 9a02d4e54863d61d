import { DocumentAgency } from './document-input';

/** The agency's formats as the engine numbers cases and decisions, and the 告知书's with its kind code 罚告. */
export const DEFAULT_DOCUMENT_NUMBER_FORMATS = {
  case: '{short}立〔{year}〕{n}号',
  decision: '{short}罚〔{year}〕{n}号',
  notice: '{short}罚告〔{year}〕{n}号',
} as const;

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
  const seq = caseSequence(caseNo, agency);
  if (!seq) return null;
  const format = agency.numberFormats?.notice ?? DEFAULT_DOCUMENT_NUMBER_FORMATS.notice;
  return format.replace('{short}', agency.shortName).replace('{year}', String(seq.year)).replace('{n}', String(seq.n));
}
