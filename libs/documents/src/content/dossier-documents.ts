import { buildDocument } from './build-document';
import { DocumentInput } from './document-input';
import { CaseDocument, DOCUMENT_KINDS, DocumentKind } from './document-model';
import { DocumentNotProducedError } from './document-refusals';

/**
 * Where each document stands in the 案卷: the order of the procedure (立案, 调查, 告知, 决定, 送达, 执行, 结案). A
 * Record, so that a new kind of document cannot be added without its place in the file.
 */
export const PROCEDURAL_RANK: Record<DocumentKind, number> = {
  'filing-approval': 10,
  'penalty-notice': 40,
  'penalty-decision': 70,
  'service-receipt': 80,
  'closing-approval': 100,
};

/**
 * The documents bound into the 案卷, in procedural order: every kind the case has produced so far (one not yet
 * produced is left out; one lacking data refuses the whole file, naming the fields, as the document itself would).
 * The one place that chooses them: binding the documents as issued means reading them here instead.
 */
export function dossierDocuments(input: DocumentInput): CaseDocument[] {
  const kinds = [...DOCUMENT_KINDS].sort((a, b) => PROCEDURAL_RANK[a] - PROCEDURAL_RANK[b]);
  const docs: CaseDocument[] = [];
  for (const kind of kinds) {
    try {
      docs.push(buildDocument(kind, input));
    } catch (e) {
      if (!(e instanceof DocumentNotProducedError)) throw e;
    }
  }
  return docs;
}
