import { Subscription } from 'rxjs';
import { EventStore } from '@app/event-store';
import { DeadlineKind, DeadlineSet, expiryRecord } from '@workflows/enforcement-case';
import { CaseEngine } from './case-engine';
import { CaseNotFoundError, CommandNotAllowedError, LegalConditionsNotMetError } from './engine-errors';
import { caseIdOf } from './event-envelope';

export interface DeadlineSchedulerDeps {
  store: EventStore;
  engine: CaseEngine;
  clock: () => Date;
}

interface Watched {
  caseId: string;
  agencyId: string;
  kind: DeadlineKind;
  dueAt: string;
  dueMs: number;
}

/**
 * The durable deadline scheduler (docs/architecture.md §4.2: no XState timers). It follows the store from the start
 * (rxjs subscription: history, then live) and keeps, per case and deadline kind, the latest due moment. Each tick
 * it asks the engine to record the expiry of every watched deadline whose end has passed; the engine decides
 * (the deadline must still be open) and the system command carries an idempotency key derived from the
 * deadline, so the record is written exactly once — across ticks, restarts and concurrent schedulers alike.
 */
export class DeadlineScheduler {
  /** Per case, per deadline kind, the latest due moment. */
  private readonly watched = new Map<string, Map<DeadlineKind, Watched>>();
  private readonly agencies = new Map<string, string>();
  private subscription: Subscription | null = null;
  private followed = 0n;
  private running: Promise<number> | null = null;

  constructor(private readonly deps: DeadlineSchedulerDeps) {}

  start(): void {
    this.subscription ??= this.deps.store.subscribe(0n).subscribe((e) => {
      this.followed = e.position;
      const caseId = caseIdOf(e.streamId);
      if (caseId === null) return;
      const data = e.data as { agencyId?: string; deadlines?: DeadlineSet[] };
      if (e.type === 'CaseOpened' && data.agencyId) this.agencies.set(caseId, data.agencyId);
      if (e.type === 'CaseClosed' || e.type === 'FilingRejected') {
        // A closed or unfiled case owes nothing more on the clock: stop watching it.
        this.watched.delete(caseId);
        this.agencies.delete(caseId);
        return;
      }
      for (const d of data.deadlines ?? []) {
        if (!expiryRecord(d.kind)) continue;
        let byKind = this.watched.get(caseId);
        if (!byKind) this.watched.set(caseId, (byKind = new Map<DeadlineKind, Watched>()));
        byKind.set(d.kind, { caseId, agencyId: this.agencies.get(caseId) ?? '', kind: d.kind, dueAt: d.dueAt, dueMs: Date.parse(d.dueAt) });
      }
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
  }

  /** Records every passed, still-open deadline; returns how many records were written. One tick at a time. */
  tick(): Promise<number> {
    this.running ??= this.runTick().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves once every event committed before the call has been followed. */
  private async caughtUp(): Promise<void> {
    const head = await this.deps.store.headPosition();
    while (this.subscription && this.followed < head) await new Promise((r) => setImmediate(r));
  }

  private async runTick(): Promise<number> {
    await this.caughtUp();
    const now = this.deps.clock();
    let written = 0;
    const due = [...this.watched.values()].flatMap((byKind) => [...byKind.values()]).filter((w) => w.dueMs < now.getTime());
    for (const w of due) {
      const forget = () => {
        const byKind = this.watched.get(w.caseId);
        if (byKind?.get(w.kind) !== w) return;
        byKind.delete(w.kind);
        if (!byKind.size) this.watched.delete(w.caseId);
      };
      try {
        const view = await this.deps.engine.getCase(w.caseId);
        const open = view.deadlines.some((d) => d.kind === w.kind && d.dueAt === w.dueAt && d.status === 'open');
        if (open) {
          const r = await this.deps.engine.execute({
            caseId: w.caseId,
            command: { name: 'record-deadline-expiry', body: { kind: w.kind, dueAt: w.dueAt } },
            actor: { id: 'system', name: '系统（期限监控）deadline scheduler', roles: [], agencyId: w.agencyId || view.agencyId },
            occurredAt: now.toISOString(),
            requestId: `deadline-expiry:${w.caseId}:${w.kind}:${w.dueAt}`,
            idempotencyKey: `deadline-expiry:${w.kind}:${w.dueAt}`,
          });
          if (!r.replayed) written++;
        }
        forget();
      } catch (e) {
        // A refusal means the case moved on meanwhile (the deadline was met): nothing to record. Anything else is
        // retried on the next tick.
        const settled = e instanceof LegalConditionsNotMetError || e instanceof CommandNotAllowedError || e instanceof CaseNotFoundError;
        if (settled) forget();
      }
    }
    return written;
  }
}
