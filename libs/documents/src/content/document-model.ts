import { DOCUMENT_KIND_NAMES, DocumentKind, IsoDate } from '@workflows/enforcement-case';

/** The documents, by the path segment that names them (GET …/documents/{kind}), in the order of the procedure. */
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_KIND_NAMES) as readonly DocumentKind[];
export type { DocumentKind };

/** Each document's title, as the workflow's vocabulary names it. */
export const DOCUMENT_TITLES = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, DOCUMENT_KIND_NAMES[k].zh])) as Record<
  DocumentKind,
  string
>;

export function isDocumentKind(s: string): s is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(s);
}

/** One row of a form (审批表, 送达回证): a label and its value, or a box the person signs by hand. */
export type FormRow = { label: string; value: string } | { label: string; handwritten: true };

/** A column of a ruled table: its heading and its share of the text width (relative weight). */
export interface TableColumn {
  label: string;
  weight: number;
}

/** One row of a table: a cell per column, and an optional note across the full width under it, kept with it. */
export interface TableRow {
  cells: string[];
  note?: string;
}

/**
 * What a document says, independent of its format: the renderers (PDF, DOCX, HTML) only lay it out.
 * - `paragraph`: body text, first line indented two characters unless `indent` is false (the addressee line);
 * - `heading`: a section heading (一、…), set in 黑体;
 * - `form`: a ruled two-column table of labels and values;
 * - `signature`: the closing lines at the right (issuing agency, date, seal);
 * - `table`: a ruled table with a heading row (the 案卷's contents, evidence list and history), in a smaller size.
 */
export type DocumentBlock =
  | { kind: 'paragraph'; text: string; indent?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'form'; rows: FormRow[] }
  | { kind: 'signature'; lines: string[]; seal: boolean }
  | { kind: 'table'; columns: TableColumn[]; rows: TableRow[] };

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
