import { caseRecord } from './case-record';
import { issuingAgency, names } from './case-parts';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { dossierDocuments } from './dossier-documents';
import { DossierInput } from './dossier-input';
import { DossierPart, dossierCover, eventHistory, evidenceList, integrityPage } from './dossier-parts';
import { dossierRetention } from './dossier-retention';

/** The case file (案卷): its cover, then the parts the 卷内目录 lists, in the order they are bound. */
export interface Dossier {
  issuer: string;
  caseNo: string;
  /** The day the file bears (the closing day, else the last event's): also the PDF's creation date. */
  date: string;
  cover: DossierPart;
  /** The documents in procedural order, then 证据清单, the event history (附录) and 完整性校验. */
  parts: DossierPart[];
}

/**
 * The 案卷 of a case from its events, the registry and its stream's hashes and anchor (行政处罚法第四十七条: the whole
 * procedure recorded and filed). A case without a number (not yet filed on) has no file: refused, naming approve-filing.
 */
export function buildDossier(input: DossierInput): Dossier {
  const record = caseRecord(input.events);
  if (!record.opened || !record.filed)
    throw new DocumentNotProducedError('dossier', '案件尚未立案，没有案卷 (the case has no file before filing)', 'approve-filing');
  const req = new Requirements('dossier');
  const agency = issuingAgency(record, input, req);
  const compiler = names(record.opened.data.handlingOfficerIds.slice(0, 1), input, req);
  const reviewer = record.closed ? names([record.closed.actorId], input, req) : null;
  req.done();

  const caseNo = record.filed.data.caseNo;
  const cover = dossierCover(record, { issuer: agency.name, caseNo, retention: dossierRetention(record), compiler, reviewer });
  const history = eventHistory(input.events, input.chain, input, agency.name);
  const date = record.closed?.on ?? history.date;
  return {
    issuer: agency.name,
    caseNo,
    date,
    cover,
    parts: [
      ...dossierDocuments(input),
      evidenceList(record, input, agency.name),
      history,
      integrityPage(input.events, input.chain, agency.name, date),
    ],
  };
}
