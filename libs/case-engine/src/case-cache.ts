import { CaseSnapshot } from '@workflows/enforcement-case';
import { ByteBudgetLru, estimatedBytes } from './byte-budget-lru';

/** A folded case at a revision, plus the idempotency keys its events carry. */
export interface CaseEntry {
  snapshot: CaseSnapshot;
  /** Revision of the last folded event; -1 when the stream does not exist. */
  revision: number;
  /** `${actorId}:${key}` → the revisions the keyed request wrote and its request hash. */
  keys: Map<string, { first: number; last: number; requestHash: string }>;
}

/** Bytes an idempotency key's record holds, beside its key string (three numbers and a 64-character hash). */
const KEY_RECORD_BYTES = 200;

/** What folding one event may add to a snapshot beside its data (who, when, the stage reached). */
const EVENT_FOLD_BYTES = 64;

/** The estimated memory a folded case holds: its snapshot as JSON and its idempotency keys. */
export function caseEntryBytes(entry: CaseEntry): number {
  let keys = 0;
  for (const k of entry.keys.keys()) keys += k.length * 2 + KEY_RECORD_BYTES;
  return estimatedBytes(entry.snapshot) + keys;
}

/**
 * What folding these events adds to a case's estimate: their data as JSON and a fixed part each, and the idempotency
 * keys they carry. Measuring only the new events keeps a command's cost flat however long the case has grown.
 */
export function foldedEventsBytes(events: readonly { data: unknown; metadata: unknown }[]): number {
  let bytes = 0;
  for (const e of events) {
    bytes += estimatedBytes(e.data) + EVENT_FOLD_BYTES;
    const m = e.metadata as { idempotencyKey?: string; actor?: { id: string } };
    if (m.idempotencyKey) bytes += (m.idempotencyKey.length + (m.actor?.id.length ?? 0) + 1) * 2 + KEY_RECORD_BYTES;
  }
  return bytes;
}

/**
 * Folded cases by id, least recently used evicted first, bounded by a count and by an estimate of their bytes (a
 * case with a long history folds to a large snapshot). A hit is caught up by reading only the events after its
 * revision, so a command never replays a long stream (the hot path stays load → decide → append).
 */
export class CaseCache {
  private readonly entries: ByteBudgetLru<string, CaseEntry>;

  constructor(capacity: number, maxBytes = Infinity) {
    this.entries = new ByteBudgetLru(maxBytes, caseEntryBytes, capacity);
  }

  /** The estimated bytes the cached cases hold. */
  get bytes(): number {
    return this.entries.bytes;
  }

  get(caseId: string): CaseEntry | undefined {
    return this.entries.get(caseId);
  }

  set(caseId: string, entry: CaseEntry): void {
    this.entries.set(caseId, entry);
  }

  /**
   * Keeps `entry`, the cached case folded further by `events`: its estimate is the cached one's grown by the events'
   * (`foldedEventsBytes`), not the whole snapshot serialized again. Measured whole when the case is not cached.
   */
  grow(caseId: string, entry: CaseEntry, events: readonly { data: unknown; metadata: unknown }[]): void {
    const before = this.entries.sizeOfEntry(caseId);
    if (before === 0) this.entries.set(caseId, entry);
    else this.entries.set(caseId, entry, before + foldedEventsBytes(events));
  }

  delete(caseId: string): void {
    this.entries.delete(caseId);
  }
}

/** Runs tasks one at a time per key, so commands on one case in this process never race each other. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
