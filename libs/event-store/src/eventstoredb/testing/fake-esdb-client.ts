import type * as Esdb from '@eventstore/db-client';
import { EventEmitter } from 'node:events';
import { EventStoreDbClientLike, EventStoreDbSubscription, eventStoreDbLibrary } from '../esdb-client';

/**
 * An in-process model of the parts of an EventStoreDB server the adapter talks to, for unit tests only. It follows
 * the server's documented and observed behaviour: positions are byte offsets of the transaction file (not dense, and
 * commit = prepare for gRPC appends), `$all` holds system events too, forward reads of `$all` include the event at
 * `fromPosition` and backward reads stop before it, subscriptions start after `fromPosition` and apply the server-side
 * filter, an exact expectation that matches events with the same ids is an idempotent success, a missing stream is a
 * StreamNotFoundError when read. It is no substitute for the contract run against a real server.
 */

interface FakeRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  position: bigint;
  data: string;
  metadata: string | undefined;
}

export interface FakeEsdbOptions {
  /** Simulates servers before 22.6, whose stream reads carry no positions. */
  streamReadsWithoutPositions?: boolean;
  /** Simulates a subscription that also sends the event at its fromPosition (the adapter must not deliver it twice). */
  subscriptionsIncludeStart?: boolean;
  /** Simulates `throwOnAppendFailure=false` in the connection string: a refused append resolves with success false. */
  throwOnAppendFailure?: boolean;
}

type Method = 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll';

export class FakeEsdbClient implements EventStoreDbClientLike {
  readonly records: FakeRecord[] = [];
  readonly calls: Array<{ method: Method; args: unknown[] }> = [];
  readonly subscriptions: FakeServerSubscription[] = [];
  disposed = false;
  private nextPosition = 0n;
  private readonly failures = new Map<Method, unknown[]>();

  constructor(private readonly options: FakeEsdbOptions = {}) {
    // A fresh database already holds system events (settings, scavenge history), at the start of the log.
    this.writeSystemEvent('$settings', '$settings');
    this.writeSystemEvent('$scavenges', '$scavengeStarted');
  }

  /** The next call of `method` throws `error` (queued: several calls may be made to fail one after another). */
  failNext(method: Method, error: unknown): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** Writes a system event, as the server does on its own (statistics, projections, metadata). */
  writeSystemEvent(streamId = '$stats-127.0.0.1:2113', type = '$statsCollected'): void {
    this.write(streamId, [{ id: eventStoreDbLibrary().jsonEvent({ type, data: {} }).id, type, data: '{}', metadata: undefined }]);
  }

  /** Writes events the way another process would (no adapter involved). */
  writeDirect(streamId: string, events: Array<{ id: string; type: string; data: unknown }>): void {
    this.write(
      streamId,
      events.map((event) => ({ ...event, data: JSON.stringify(event.data), metadata: '{}' })),
    );
  }

  async appendToStream(streamName: string, events: Esdb.EventData[], options: Esdb.AppendToStreamOptions): Promise<Esdb.AppendResult> {
    this.calls.push({ method: 'appendToStream', args: [streamName, events, options] });
    await networkHop();
    this.throwIfFailing('appendToStream');
    const stream = this.stream(streamName);
    const current: Esdb.CurrentRevision = stream.length === 0 ? 'no_stream' : stream[stream.length - 1].revision;
    const expected = options.expectedRevision ?? 'any';
    const from = expected === 'no_stream' ? 0 : typeof expected === 'bigint' ? Number(expected) + 1 : undefined;
    if (from !== undefined && events.every((event, i) => stream[from + i]?.id === event.id)) {
      // The server's idempotency for exact expectations: the same ids already at that place succeed, writing nothing.
      return { success: true, nextExpectedRevision: stream[from + events.length - 1].revision };
    }
    const matches =
      expected === 'any' ||
      (expected === 'no_stream' && current === 'no_stream') ||
      (expected === 'stream_exists' && current !== 'no_stream') ||
      expected === current;
    if (!matches && this.options.throwOnAppendFailure === false) {
      return { success: false, nextExpectedRevision: current === 'no_stream' ? -1n : current };
    }
    if (!matches) {
      throw new (eventStoreDbLibrary().WrongExpectedVersionError)(undefined, { streamName, expected, current });
    }
    const written = this.write(
      streamName,
      events.map((event) => ({
        id: event.id,
        type: event.type,
        data: JSON.stringify(event.data),
        metadata: event.metadata === undefined ? undefined : JSON.stringify(event.metadata),
      })),
    );
    const last = written[written.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.position, prepare: last.position } };
  }

  readStream(streamName: string, options: Esdb.ReadStreamOptions): AsyncIterable<Esdb.ResolvedEvent> {
    this.calls.push({ method: 'readStream', args: [streamName, options] });
    return (async function* (self: FakeEsdbClient) {
      await networkHop();
      self.throwIfFailing('readStream');
      const stream = self.stream(streamName);
      if (stream.length === 0) throw new (eventStoreDbLibrary().StreamNotFoundError)(undefined, streamName);
      const from = typeof options.fromRevision === 'bigint' ? Number(options.fromRevision) : 0;
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      for (const record of stream.slice(from, from + max)) {
        yield { event: self.recorded(record, !self.options.streamReadsWithoutPositions) };
      }
    })(this);
  }

  readAll(options: Esdb.ReadAllOptions): AsyncIterable<Esdb.AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll', args: [options] });
    return (async function* (self: FakeEsdbClient) {
      await networkHop();
      self.throwIfFailing('readAll');
      const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
      const from = options.fromPosition ?? 'start';
      let page: FakeRecord[];
      if (options.direction === 'backwards') {
        const below = from === 'end' || from === 'start' ? undefined : from.commit;
        page = self.records.filter((r) => below === undefined || r.position < below).reverse();
        if (from === 'start') page = [];
      } else {
        const atLeast = from === 'start' ? 0n : from === 'end' ? self.nextPosition : from.commit;
        page = self.records.filter((r) => r.position >= atLeast);
      }
      for (const record of page.slice(0, max)) yield { event: self.recorded(record, true) as Esdb.AllStreamRecordedEvent };
    })(this);
  }

  subscribeToAll(options: Esdb.SubscribeToAllOptions): EventStoreDbSubscription {
    this.calls.push({ method: 'subscribeToAll', args: [options] });
    const subscription = new FakeServerSubscription(this, options, this.options.subscriptionsIncludeStart ?? false);
    this.subscriptions.push(subscription);
    const failure = this.takeFailure('subscribeToAll');
    if (failure !== undefined) subscription.failSoon(failure);
    else subscription.start();
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  /** Subscriptions the server is still serving. */
  get liveSubscriptions(): FakeServerSubscription[] {
    return this.subscriptions.filter((s) => s.serving);
  }

  /** Breaks every live subscription with `error`, as a leader change or a lost connection does. */
  dropSubscriptions(error: unknown): void {
    for (const subscription of this.liveSubscriptions) subscription.fail(error);
  }

  recordsAfter(position: bigint): FakeRecord[] {
    return this.records.filter((r) => r.position > position);
  }

  recorded(record: FakeRecord, withPosition: boolean): Esdb.RecordedEvent {
    return {
      streamId: record.streamId,
      id: record.id,
      isJson: true,
      revision: record.revision,
      type: record.type,
      created: new Date(0),
      data: JSON.parse(record.data) as Esdb.JSONType,
      metadata: record.metadata === undefined ? undefined : (JSON.parse(record.metadata) as Esdb.JSONType),
      ...(withPosition ? { position: { commit: record.position, prepare: record.position } } : {}),
    };
  }

  private write(streamId: string, events: Array<Omit<FakeRecord, 'streamId' | 'revision' | 'position'>>): FakeRecord[] {
    const stream = this.stream(streamId);
    const written = events.map((event, i): FakeRecord => {
      // Positions are byte offsets: each record moves the log on by its size, so they are far from dense.
      this.nextPosition += 117n + BigInt(Buffer.byteLength(event.data) + event.type.length + streamId.length);
      return { ...event, streamId, revision: BigInt(stream.length + i), position: this.nextPosition };
    });
    this.records.push(...written);
    for (const subscription of this.subscriptions) subscription.wake();
    return written;
  }

  private stream(streamId: string): FakeRecord[] {
    return this.records.filter((r) => r.streamId === streamId);
  }

  private takeFailure(method: Method): unknown {
    const queue = this.failures.get(method);
    return queue?.length ? queue.shift() : undefined;
  }

  private throwIfFailing(method: Method): void {
    const failure = this.takeFailure(method);
    if (failure !== undefined) throw failure as Error;
  }
}

/** A server-side catch-up subscription: history after fromPosition, then live events, through the filter. */
export class FakeServerSubscription extends EventEmitter implements EventStoreDbSubscription {
  serving = false;
  unsubscribed = false;
  private cursor: bigint;
  private pending = false;

  constructor(
    private readonly server: FakeEsdbClient,
    readonly options: Esdb.SubscribeToAllOptions,
    includeStart: boolean,
  ) {
    super();
    const from = options.fromPosition ?? 'start';
    if (from === 'end') throw new Error('The fake does not model subscriptions from the end');
    this.cursor = from === 'start' ? 0n : includeStart ? from.commit - 1n : from.commit;
  }

  start(): void {
    this.serving = true;
    setImmediate(() => {
      if (!this.serving) return;
      this.emit('confirmation');
      this.wake();
    });
  }

  failSoon(error: unknown): void {
    setImmediate(() => this.emit('error', error));
  }

  fail(error: unknown): void {
    this.serving = false;
    this.emit('error', error);
  }

  /** Ends the call without an error, as a server shutting down may. */
  end(): void {
    this.serving = false;
    this.emit('end');
  }

  wake(): void {
    if (!this.serving || this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      if (!this.serving) return;
      for (const record of this.server.recordsAfter(this.cursor)) {
        if (!this.serving) return;
        this.cursor = record.position;
        if (!this.passes(record)) continue;
        this.emit('data', { event: this.server.recorded(record, true) });
      }
    });
  }

  async unsubscribe(): Promise<void> {
    this.serving = false;
    this.unsubscribed = true;
  }

  private passes(record: FakeRecord): boolean {
    const filter = this.options.filter;
    if (!filter) return true;
    const subject = filter.filterOn === 'eventType' ? record.type : record.streamId;
    if ('regex' in filter) return new RegExp(filter.regex).test(subject);
    return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  }
}

function networkHop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
