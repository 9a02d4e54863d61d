import {
  AppendResult,
  DuplicateEventIdError,
  ExpectedRevision,
  NewEvent,
  StoredEvent,
  WrongExpectedRevisionError,
} from '../event-store.port';

/**
 * Rules every adapter applies identically, kept in one place so the in-memory store used by unit tests cannot drift
 * from the production adapters.
 */

/** A NewEvent whose data and metadata are already JSON, so a caller mutating its objects later changes nothing stored. */
export interface SerializedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/** Validates an append's arguments at call time and serializes its payloads; throws before anything is queued. */
export function prepareAppend(streamId: string, events: NewEvent[], expected: ExpectedRevision): SerializedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new TypeError('streamId must be a non-empty string');
  }
  const validExpected = expected === 'no_stream' || expected === 'any' || (Number.isSafeInteger(expected) && expected >= 0);
  if (!validExpected) {
    throw new TypeError(`Stream ${streamId}: invalid expected revision ${String(expected)}`);
  }
  // An empty append would have no position and no event id to make it idempotent; callers should skip it instead.
  if (!Array.isArray(events) || events.length === 0) {
    throw new RangeError(`Stream ${streamId}: an append needs at least one event`);
  }
  const seen = new Set<string>();
  return events.map((event) => {
    if (typeof event.id !== 'string' || event.id.length === 0) {
      throw new TypeError(`Stream ${streamId}: every event needs a non-empty string id`);
    }
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new TypeError(`Stream ${streamId}: event ${event.id} needs a non-empty string type`);
    }
    if (seen.has(event.id)) throw new DuplicateEventIdError(event.id, streamId);
    seen.add(event.id);
    return {
      id: event.id,
      type: event.type,
      data: JSON.stringify(event.data ?? null),
      metadata: JSON.stringify(event.metadata ?? {}),
    };
  });
}

/** `current` is the stream's last revision, undefined when the stream does not exist. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number | undefined): void {
  if (expected === 'any') return;
  const actual = current ?? 'no_stream';
  if (expected !== actual) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/**
 * Called when the append's first event id is already stored. `storedRun` holds the stored events starting at that id,
 * in its own stream's revision order (at least `ids.length` of them when they exist). The append is a retry only if
 * every id sits in the same stream at consecutive revisions in the same order; then the original result is returned.
 */
export function resolveRetry(streamId: string, ids: string[], storedRun: StoredEvent[]): AppendResult {
  for (let i = 0; i < ids.length; i++) {
    const stored = storedRun[i];
    // Report the first id: it is the one known to be stored, whatever else mismatched.
    if (!stored || stored.streamId !== streamId || stored.id !== ids[i]) {
      throw new DuplicateEventIdError(ids[0], streamId);
    }
  }
  return toAppendResult(streamId, storedRun.slice(0, ids.length));
}

export function toAppendResult(streamId: string, events: StoredEvent[]): AppendResult {
  const last = events[events.length - 1];
  return { streamId, nextExpectedRevision: last.revision, position: last.position, events };
}

export class EventStoreClosedError extends Error {
  constructor() {
    super('The event store is closed');
    this.name = 'EventStoreClosedError';
  }
}
