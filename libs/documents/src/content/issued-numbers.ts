import { REPEATABLE_DOCUMENTS } from '@workflows/enforcement-case';
import { DocumentInput } from './document-input';
import { DocumentKind } from './document-model';

/**
 * For a kind the case produces more than once (REPEATABLE_DOCUMENTS), the position in the events (the stream
 * revision) of the event that produced its latest occurrence; undefined for a kind produced once, or not yet.
 */
export function latestOccurrence(kind: DocumentKind, events: readonly { type: string }[]): number | undefined {
  const producer: string | undefined = (REPEATABLE_DOCUMENTS as Partial<Record<DocumentKind, string>>)[kind];
  if (producer) for (let i = events.length - 1; i >= 0; i--) if (events[i].type === producer) return i;
  return undefined;
}

/**
 * The number the document's latest occurrence was issued under, if it was: the issue of its kind after the event that
 * produced that occurrence (any issue of a kind the case produces once). An earlier occurrence is fetched by its own
 * number, rendered from the revision it was issued at.
 */
export function latestOccurrenceIssue(kind: DocumentKind, events: DocumentInput['events']): string | undefined {
  for (let i = latestOccurrence(kind, events) ?? 0; i < events.length; i++) {
    const e = events[i];
    if (e.type === 'DocumentIssued' && e.data.kind === kind) return e.data.number;
  }
  return undefined;
}

/**
 * The number the `nth` occurrence (from 0) of a kind the case produces more than once was issued under, if it was: the
 * issue of its kind between the event that produced it and the next such event. A document that cites another (the
 * 复查意见书 its 责令限期整改指令书, the 解除决定书 its 查封(扣押)决定书) cites it by the number it was served under.
 */
export function occurrenceIssue(kind: keyof typeof REPEATABLE_DOCUMENTS, events: DocumentInput['events'], nth: number): string | undefined {
  const producer = REPEATABLE_DOCUMENTS[kind];
  let seen = -1;
  for (const e of events) {
    if (e.type === producer) seen++;
    else if (seen === nth && e.type === 'DocumentIssued' && e.data.kind === kind) return e.data.number;
    if (seen > nth) return undefined;
  }
  return undefined;
}
