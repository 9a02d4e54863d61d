import { EventStore } from '@app/event-store';
import { DeadlineKind } from '@workflows/enforcement-case';
import { CaseEngine } from './case-engine';
import { CaseNotFoundError, CommandNotAllowedError, LegalConditionsNotMetError } from './engine-errors';

/** A watched deadline that is open and has passed. */
export interface DueDeadline {
  caseId: string;
  kind: string;
  dueAt: string;
  dueMs: number;
}

/** Open deadlines ending before `beforeMs`, in (dueMs, caseId, kind) order, after the key `after` when given. */
export interface DueDeadlinesQuery {
  beforeMs: number;
  after: Pick<DueDeadline, 'dueMs' | 'caseId' | 'kind'> | null;
  limit: number;
}

/**
 * The scheduler's persisted watch list (the deadline-watch read model): every open deadline whose passing is
 * recorded, kept up to date from the store with a checkpoint of its own.
 */
export interface DeadlineWatchList {
  /** How far the list has followed the store (its checkpoint). */
  position(): Promise<bigint>;
  /** The due deadlines: an index range on their end, never a scan. */
  due(q: DueDeadlinesQuery): Promise<DueDeadline[]>;
}

export interface DeadlineSchedulerDeps {
  store: Pick<EventStore, 'headPosition'>;
  engine: CaseEngine;
  clock: () => Date;
  watch: DeadlineWatchList;
  /** How long a tick waits for the watch list to reach the store's head before it works on what the list holds. */
  catchUpTimeoutMs?: number;
  /** Due deadlines read per query. */
  pageSize?: number;
}

/**
 * The durable deadline scheduler (docs/architecture.md §4.2: no XState timers). It keeps nothing of history itself:
 * each tick waits until the watch list has followed the store to the head it had when the tick began, then reads the
 * open deadlines that have passed, page by page on their end, and asks the engine to record each expiry; the engine
 * decides (the deadline must still be open) and the system command carries an idempotency key derived from the
 * deadline, so the record is written exactly once — across ticks, restarts and concurrent schedulers alike.
 */
export class DeadlineScheduler {
  private running: Promise<number> | null = null;
  /** Due deadlines the engine refused (the case moved on): not asked again by this instance. */
  private readonly settled = new Set<string>();

  constructor(private readonly deps: DeadlineSchedulerDeps) {}

  /** Records every passed, still-open deadline; returns how many records were written. One tick at a time. */
  tick(): Promise<number> {
    this.running ??= this.runTick().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves once the watch list holds every event committed before the call (or the wait ran out). */
  private async caughtUp(): Promise<void> {
    const head = await this.deps.store.headPosition();
    const until = Date.now() + (this.deps.catchUpTimeoutMs ?? 30_000);
    while ((await this.deps.watch.position()) < head && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }

  private async runTick(): Promise<number> {
    await this.caughtUp();
    const now = this.deps.clock();
    const limit = this.deps.pageSize ?? 500;
    let written = 0;
    for (let after: DueDeadline | null = null; ;) {
      const page = await this.deps.watch.due({ beforeMs: now.getTime(), after, limit });
      for (const w of page) written += await this.record(w, now);
      if (page.length < limit) return written;
      after = page[page.length - 1];
    }
  }

  /** 1 when the expiry was recorded now, 0 when it was not due any more, recorded before, or refused. */
  private async record(w: DueDeadline, now: Date): Promise<number> {
    const key = `${w.caseId}:${w.kind}:${w.dueAt}`;
    if (this.settled.has(key)) return 0;
    try {
      const view = await this.deps.engine.getCase(w.caseId);
      const open = view.deadlines.some((d) => d.kind === w.kind && d.dueAt === w.dueAt && d.status === 'open');
      // Not open in the case itself: the watch list has not yet followed the act that settled it.
      if (!open) return 0;
      const r = await this.deps.engine.execute({
        caseId: w.caseId,
        command: { name: 'record-deadline-expiry', body: { kind: w.kind as DeadlineKind, dueAt: w.dueAt } },
        actor: { id: 'system', name: '系统（期限监控）deadline scheduler', roles: [], agencyId: view.agencyId },
        occurredAt: now.toISOString(),
        requestId: `deadline-expiry:${w.caseId}:${w.kind}:${w.dueAt}`,
        idempotencyKey: `deadline-expiry:${w.kind}:${w.dueAt}`,
      });
      return r.replayed ? 0 : 1;
    } catch (e) {
      // A refusal means the case moved on meanwhile (the deadline was met): nothing to record. Anything else is
      // retried on the next tick.
      const refused = e instanceof LegalConditionsNotMetError || e instanceof CommandNotAllowedError || e instanceof CaseNotFoundError;
      if (refused) this.settled.add(key);
      return 0;
    }
  }
}
