import { CaseSnapshot } from '@workflows/enforcement-case';

/** A folded case at a revision, plus the idempotency keys its events carry. */
export interface CaseEntry {
  snapshot: CaseSnapshot;
  /** Revision of the last folded event; -1 when the stream does not exist. */
  revision: number;
  /** `${actorId}:${key}` → the revisions the keyed request wrote and its request hash. */
  keys: Map<string, { first: number; last: number; requestHash: string }>;
}

/**
 * Folded cases by id, least recently used evicted first. A hit is caught up by reading only the events
 * after its revision, so a command never replays a long stream (the hot path stays load → decide → append).
 */
export class CaseCache {
  private readonly entries = new Map<string, CaseEntry>();

  constructor(private readonly capacity: number) {}

  get(caseId: string): CaseEntry | undefined {
    const e = this.entries.get(caseId);
    if (e) {
      this.entries.delete(caseId);
      this.entries.set(caseId, e);
    }
    return e;
  }

  set(caseId: string, entry: CaseEntry): void {
    this.entries.delete(caseId);
    this.entries.set(caseId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
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
