import { REPEATABLE_DOCUMENTS } from '@workflows/enforcement-case';
import { buildDocument, latestOccurrenceIssue } from './build-document';
import { DocumentInput } from './document-input';
import { CaseDocument, DOCUMENT_KINDS, DocumentKind } from './document-model';
import { DocumentNotProducedError } from './document-refusals';

/**
 * The documents bound into the 案卷, in procedural order: every kind the case has produced so far (one not yet
 * produced is left out; one lacking data refuses the whole file, naming the fields, as the document itself would).
 * A kind the case produces more than once (a second 责令限期整改 …) is bound once per issued occurrence, each as it
 * was issued (from its recorded revision, bearing its number), then its latest occurrence if that is not issued.
 * The one place that chooses them: binding the documents as issued means reading them here instead.
 */
export function dossierDocuments(input: DocumentInput): CaseDocument[] {
  const docs: CaseDocument[] = [];
  // DOCUMENT_KINDS is in the order of the procedure (the workflow's vocabulary names them in that order).
  for (const kind of DOCUMENT_KINDS) {
    const repeatable = kind in REPEATABLE_DOCUMENTS;
    if (repeatable) docs.push(...issuedOccurrences(kind, input));
    // The latest occurrence as the events state it now, unless it was bound above as issued.
    if (repeatable && latestOccurrenceIssue(kind, input.events) !== undefined) continue;
    try {
      docs.push(buildDocument(kind, input));
    } catch (e) {
      if (!(e instanceof DocumentNotProducedError)) throw e;
    }
  }
  return docs;
}

/** Each issued occurrence of `kind`, rendered from the events up to the revision it was issued at (a stream's index). */
function issuedOccurrences(kind: DocumentKind, input: DocumentInput): CaseDocument[] {
  const docs: CaseDocument[] = [];
  for (const e of input.events)
    if (e.type === 'DocumentIssued' && e.data.kind === kind)
      docs.push({ ...buildDocument(kind, { ...input, events: input.events.slice(0, e.data.revision + 1) }), number: e.data.number });
  return docs;
}
