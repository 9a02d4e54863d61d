import { buildDocument } from './build-document';
import { DocumentInput } from './document-input';
import { CaseDocument, DOCUMENT_KINDS } from './document-model';
import { DocumentNotProducedError } from './document-refusals';

/**
 * The documents bound into the 案卷, in procedural order: every kind the case has produced so far (one not yet
 * produced is left out; one lacking data refuses the whole file, naming the fields, as the document itself would).
 * The one place that chooses them: binding the documents as issued means reading them here instead.
 */
export function dossierDocuments(input: DocumentInput): CaseDocument[] {
  const docs: CaseDocument[] = [];
  // DOCUMENT_KINDS is in the order of the procedure (the workflow's vocabulary names them in that order).
  for (const kind of DOCUMENT_KINDS) {
    try {
      docs.push(buildDocument(kind, input));
    } catch (e) {
      if (!(e instanceof DocumentNotProducedError)) throw e;
    }
  }
  return docs;
}
