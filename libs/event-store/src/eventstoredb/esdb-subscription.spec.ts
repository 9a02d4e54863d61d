import type { AllStreamResolvedEvent, SubscribeToAllOptions } from '@eventstore/db-client';
import { AccessDeniedError, NotLeaderError, UnavailableError } from '@eventstore/db-client';
import { EventEmitter } from 'node:events';
import { Observable } from 'rxjs';
import { StoredEvent } from '../event-store.port';
import { EventStoreUnavailableError } from '../common/store-errors';
import { EventStoreDbSubscription } from './esdb-client';
import { EventStoreDbMappingError } from './esdb-mapping';
import { backoffDelay, EventStoreDbLogger, ResilientAllSubscription, ResubscribePolicy, Scheduler } from './esdb-subscription';

/** A subscription the test drives by hand: it emits exactly what the test tells it to. */
class ScriptedSubscription extends EventEmitter implements EventStoreDbSubscription {
  unsubscribed = false;
  constructor(readonly options: SubscribeToAllOptions) {
    super();
  }
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
  confirm(): void {
    this.emit('confirmation');
  }
  send(...positions: number[]): void {
    for (const p of positions) this.emit('data', resolvedAt(BigInt(p)));
  }
}

function resolvedAt(position: bigint, streamId = 'case-1', type = 'TestEvent'): AllStreamResolvedEvent {
  return {
    event: {
      streamId,
      id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
      isJson: true,
      revision: position,
      type,
      created: new Date(0),
      data: { at: Number(position) },
      metadata: {},
      position: { commit: position, prepare: position },
    },
  };
}

class ManualScheduler {
  readonly delays: number[] = [];
  private pending: Array<{ run: () => void; cancelled: boolean }> = [];
  readonly schedule: Scheduler = (callback, delayMs) => {
    this.delays.push(delayMs);
    const entry = { run: callback, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  /** Fires every timer due (all of them: the test is the clock). */
  fire(): void {
    const due = this.pending;
    this.pending = [];
    for (const entry of due) if (!entry.cancelled) entry.run();
  }
  get waiting(): number {
    return this.pending.filter((entry) => !entry.cancelled).length;
  }
}

const POLICY: ResubscribePolicy = { initialDelayMs: 100, maxDelayMs: 1_000, maxAttempts: 5 };

function setup(after = 0n, policy = POLICY) {
  const opened: ScriptedSubscription[] = [];
  const logs: string[] = [];
  const logger: EventStoreDbLogger = { warn: (m) => logs.push(`warn: ${m}`), error: (m) => logs.push(`error: ${m}`) };
  const scheduler = new ManualScheduler();
  const client = {
    subscribeToAll: (options: SubscribeToAllOptions) => {
      const subscription = new ScriptedSubscription(options);
      opened.push(subscription);
      return subscription;
    },
  };
  const delivered: StoredEvent[] = [];
  const outcome: { error?: unknown; completed: boolean } = { completed: false };
  let follower: ResilientAllSubscription | undefined;
  const source = new Observable<StoredEvent>((subscriber) => {
    follower = new ResilientAllSubscription(
      {
        client,
        filter: () => ({ filterOn: 'eventType', regex: '^[^$].*', checkpointInterval: 1 }),
        policy,
        logger,
        schedule: scheduler.schedule,
      },
      after,
      subscriber,
    );
    follower.start();
    return () => follower?.stop();
  });
  const subscription = source.subscribe({
    next: (event) => delivered.push(event),
    error: (error: unknown) => (outcome.error = error),
    complete: () => (outcome.completed = true),
  });
  const positions = () => delivered.map((event) => Number(event.position));
  const current = () => opened[opened.length - 1];
  return { opened, logs, scheduler, delivered, positions, outcome, subscription, current, follower: () => follower! };
}

const unavailable = () => new UnavailableError(undefined, 'connection reset');

describe('ResilientAllSubscription (EventStoreDB subscribeToAll with resubscription)', () => {
  it('subscribes with the system-event filter from the start, or after the given position', () => {
    const fromStart = setup();
    expect(fromStart.opened).toHaveLength(1);
    expect(fromStart.current().options).toMatchObject({ fromPosition: 'start', resolveLinkTos: false, filter: { regex: '^[^$].*' } });

    const fromPosition = setup(4096n);
    expect(fromPosition.current().options.fromPosition).toEqual({ commit: 4096n, prepare: 4096n });
  });

  it('delivers events in order and leaves out system streams that the type filter lets through', () => {
    const t = setup();
    t.current().send(100, 200);
    t.current().emit('data', resolvedAt(250n, '$ce-case', 'CaseOpened'));
    t.current().send(300);
    expect(t.positions()).toEqual([100, 200, 300]);
    expect(t.delivered[0]).toMatchObject({ streamId: 'case-1', revision: 100, position: 100n, data: { at: 100 } });
  });

  it('after an error resubscribes from the last delivered position: no duplicate, no gap', () => {
    const t = setup();
    t.current().confirm();
    t.current().send(100, 200, 300);
    t.current().emit('error', unavailable());

    expect(t.opened[0].unsubscribed).toBe(true);
    expect(t.opened).toHaveLength(1); // only after the backoff
    t.scheduler.fire();
    expect(t.opened).toHaveLength(2);
    expect(t.current().options.fromPosition).toEqual({ commit: 300n, prepare: 300n });

    // A server may start at the position itself; what was delivered is not delivered again.
    t.current().confirm();
    t.current().send(300, 400, 500);
    expect(t.positions()).toEqual([100, 200, 300, 400, 500]);
    expect(t.outcome.error).toBeUndefined();
  });

  it('resubscribes when the server ends the call or the leader changes, each time from the newest delivered event', () => {
    const t = setup(50n);
    t.current().send(100);
    t.current().emit('end');
    t.scheduler.fire();
    expect(t.current().options.fromPosition).toEqual({ commit: 100n, prepare: 100n });

    t.current().send(200);
    t.current().emit(
      'error',
      new NotLeaderError({
        code: 5,
        message: 'not leader',
        details: '',
        metadata: { getMap: () => ({ 'leader-endpoint-host': 'n2', 'leader-endpoint-port': '2113' }) },
      } as never),
    );
    t.scheduler.fire();
    expect(t.current().options.fromPosition).toEqual({ commit: 200n, prepare: 200n });
    t.current().send(300);
    expect(t.positions()).toEqual([100, 200, 300]);
    expect(t.logs.filter((line) => line.startsWith('warn: EventStoreDB subscription dropped'))).toHaveLength(2);
    expect(t.logs[1]).toMatch(/not-leader.*resubscribing after C:200\/P:200/);
  });

  it('a subscription that failed before delivering anything resumes from the original after', () => {
    const t = setup(4096n);
    t.current().emit('error', unavailable());
    t.scheduler.fire();
    expect(t.current().options.fromPosition).toEqual({ commit: 4096n, prepare: 4096n });
  });

  it('ignores whatever a dropped subscription still emits', () => {
    const t = setup();
    const first = t.current();
    first.send(100);
    first.emit('error', unavailable());
    first.send(200); // late, from the dead call
    first.emit('error', unavailable());
    expect(t.scheduler.waiting).toBe(1);
    t.scheduler.fire();
    t.current().send(100, 200);
    expect(t.positions()).toEqual([100, 200]);
  });

  it('backs off exponentially up to the cap, logs each attempt, and errors after maxAttempts consecutive failures', () => {
    const t = setup();
    for (let attempt = 1; attempt <= POLICY.maxAttempts; attempt++) {
      t.current().emit('error', unavailable());
      t.scheduler.fire();
    }
    expect(t.scheduler.delays).toEqual([100, 200, 400, 800, 1000]);
    expect(t.outcome.error).toBeUndefined();
    expect(t.opened).toHaveLength(POLICY.maxAttempts + 1);

    t.current().emit('error', unavailable());
    expect(t.outcome.error).toBeInstanceOf(EventStoreUnavailableError);
    expect((t.outcome.error as Error).message).toMatch(/5 consecutive resubscription attempts failed/);
    expect(t.scheduler.waiting).toBe(0);
    expect(t.logs.filter((line) => line.startsWith('warn:'))).toHaveLength(5);
    expect(t.logs.at(-1)).toMatch(/^error: EventStoreDB subscription gave up after 5/);
  });

  it('counts failures afresh once the server confirms a subscription or delivers an event', () => {
    const t = setup();
    for (let i = 0; i < 3; i++) {
      t.current().emit('error', unavailable());
      t.scheduler.fire();
    }
    t.current().confirm();
    t.current().emit('error', unavailable());
    t.scheduler.fire();
    expect(t.scheduler.delays).toEqual([100, 200, 400, 100]);

    t.current().send(100);
    t.current().emit('error', unavailable());
    expect(t.scheduler.delays.at(-1)).toBe(100);
  });

  it('does not retry what another attempt cannot cure: wrong credentials, unmappable data', () => {
    const denied = setup();
    denied.current().emit('error', new AccessDeniedError());
    expect((denied.outcome.error as Error).message).toMatch(/EVENTSTORE_CONNECTION_STRING/);
    expect(denied.scheduler.waiting).toBe(0);

    const explicitTransaction = setup();
    explicitTransaction.current().emit('data', { event: { ...resolvedAt(100n).event!, position: { commit: 100n, prepare: 180n } } });
    expect(explicitTransaction.outcome.error).toBeInstanceOf(EventStoreDbMappingError);
    expect(explicitTransaction.current().unsubscribed).toBe(true);
    expect(explicitTransaction.scheduler.waiting).toBe(0);
  });

  it('stops on unsubscribe: cancels the call, delivers nothing more, and a pending retry never subscribes', () => {
    const live = setup();
    live.current().send(100);
    live.subscription.unsubscribe();
    expect(live.current().unsubscribed).toBe(true);
    live.current().send(200);
    expect(live.positions()).toEqual([100]);

    const retrying = setup();
    retrying.current().emit('error', unavailable());
    expect(retrying.scheduler.waiting).toBe(1);
    retrying.subscription.unsubscribe();
    retrying.scheduler.fire();
    expect(retrying.opened).toHaveLength(1);
    expect(retrying.outcome).toEqual({ completed: false });
  });

  it('finish (store closing) stops following, delivers the rest after the last delivered position, then completes', async () => {
    const t = setup();
    t.current().send(100, 200);
    const reads: bigint[] = [];
    await t.follower().finish(async (after) => {
      reads.push(after);
      return [100n, 200n, 300n, 400n].map((p) => ({ ...(resolvedAt(p).event as object), position: p }) as unknown as StoredEvent);
    });
    expect(reads).toEqual([200n]);
    expect(t.positions()).toEqual([100, 200, 300, 400]);
    expect(t.outcome.completed).toBe(true);
    expect(t.opened[0].unsubscribed).toBe(true);
  });

  it('computes capped exponential delays', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay({ initialDelayMs: 250, maxDelayMs: 2_000, maxAttempts: 9 }, n))).toEqual([
      250, 500, 1000, 2000, 2000, 2000,
    ]);
  });
});
