import { EvidenceKind } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { cause, issuingAgency, officersWithCertificates, openedCase, partyRows } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock, DocumentKind, FormRow } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';

/** How one kind of investigative record (检查, 询问, 抽样; taken by two certified officers) labels what it states. */
export interface EvidenceRecordLayout {
  kind: DocumentKind;
  evidenceKind: EvidenceKind;
  title: string;
  timeLabel: string;
  officersLabel: string;
  contentLabel: string;
  /** The boxes signed by hand on the paper record. */
  signatures: string[];
}

/**
 * An investigative record as the case's events state it (record-evidence): every record of its kind in the order
 * taken, each with its time, officers and their certificates, what the officer described and the SHA-256 of the
 * signed original. What the paper record says beyond that is in the original the hash names.
 */
export function evidenceRecord(record: CaseRecord, input: DocumentInput, layout: EvidenceRecordLayout): CaseDocument {
  const opened = openedCase(record, layout.kind);
  const taken = record.evidence.filter((e) => e.data.kind === layout.evidenceKind);
  if (!taken.length)
    throw new DocumentNotProducedError(layout.kind, `本案尚未记录${layout.title} (no such record in the case)`, 'record-evidence');
  const req = new Requirements(layout.kind);
  const agency = issuingAgency(record, input, req);
  const caseNo = req.need(record.filed?.data.caseNo, 'caseNo', '案号');
  const party = partyRows(opened, req, false);
  const officers = taken.map((e) => officersWithCertificates(e.data.officerIds, input, req));
  req.done();

  const blocks: DocumentBlock[] = [
    { kind: 'form', rows: [{ label: '案号', value: caseNo }, { label: '案由', value: cause(opened) }, ...party] },
  ];
  taken.forEach((e, i) => {
    const rows: FormRow[] = [
      { label: layout.timeLabel, value: `${chineseDate(e.on)} ${e.occurredAt.slice(11, 16)}` },
      { label: layout.officersLabel, value: officers[i] },
    ];
    if (e.data.description) rows.push({ label: layout.contentLabel, value: e.data.description });
    rows.push(
      { label: '原始记录 SHA-256', value: e.data.contentHash },
      ...layout.signatures.map((label): FormRow => ({ label, handwritten: true })),
    );
    blocks.push({ kind: 'heading', text: taken.length > 1 ? `${i + 1}. ${e.data.title}` : e.data.title }, { kind: 'form', rows });
  });
  blocks.push({ kind: 'signature', lines: [agency.name], seal: false });
  return { kind: layout.kind, issuer: agency.name, title: layout.title, number: caseNo, blocks, date: taken[taken.length - 1].on };
}
