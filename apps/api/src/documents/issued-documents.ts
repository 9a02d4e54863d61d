import { CaseEventMetadata } from '@app/case-engine';
import { StoredEvent } from '@app/event-store';
import { DOCUMENT_KINDS, DOCUMENT_TITLES, isDocumentKind } from '@app/documents';
import { DocumentIssuedData } from '@workflows/enforcement-case';

/** A document the case issued, as `DocumentIssued` records it. */
export interface IssuedDocumentEntry extends DocumentIssuedData {
  title: string;
  /** When it was issued (the step's occurredAt) and by whom. */
  issuedAt: string;
  issuedBy: { id: string; name: string };
}

const order = (kind: string) => {
  const i = (DOCUMENT_KINDS as readonly string[]).indexOf(kind);
  return i < 0 ? DOCUMENT_KINDS.length : i;
};

/**
 * The documents a case issued, in procedural order (the order of the document kinds: 立案审批表 … 结案审批表; a kind
 * issued once per occurrence, in the order issued), from the case's own events. For the 案卷, which binds them in
 * that order.
 */
export function issuedDocuments(events: readonly StoredEvent[]): IssuedDocumentEntry[] {
  return events
    .filter((e) => e.type === 'DocumentIssued')
    .map((e): IssuedDocumentEntry => {
      const data = e.data as DocumentIssuedData;
      const m = e.metadata as CaseEventMetadata;
      return {
        ...data,
        title: isDocumentKind(data.kind) ? DOCUMENT_TITLES[data.kind] : data.kind,
        issuedAt: m.occurredAt,
        issuedBy: { id: m.actor.id, name: m.actor.name },
      };
    })
    .sort((a, b) => order(a.kind) - order(b.kind) || a.revision - b.revision);
}
