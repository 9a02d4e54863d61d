import { Observable } from 'rxjs';
import {
  AppendResult,
  DuplicateEventIdError,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store.port';
import { checkExpectedRevision, EventStoreClosedError, prepareAppend, resolveRetry, toAppendResult } from '../common/append-checks';
import { CatchUpFeed } from '../common/catch-up.feed';

/** Payloads stay JSON text, exactly as in SQLite, so unit tests see the same round-trip (Dates become strings, ...). */
interface Row {
  id: string;
  streamId: string;
  type: string;
  revision: number;
  position: bigint;
  data: string;
  metadata: string;
}

/** Event store for unit tests; same semantics as the production adapters, nothing persisted. */
export class InMemoryEventStore implements EventStore {
  /** Index i holds position i + 1: positions are dense here because nothing is ever rolled back. */
  private readonly log: Row[] = [];
  private readonly streams = new Map<string, Row[]>();
  private readonly byId = new Map<string, Row>();
  private readonly feed = new CatchUpFeed((after, limit) => this.readPage(after, limit));
  private closed = false;

  get subscriberCount(): number {
    return this.feed.subscriberCount;
  }

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    const serialized = prepareAppend(streamId, events, expectedRevision);
    const ids = serialized.map((event) => event.id);

    const first = this.byId.get(ids[0]);
    if (first) {
      const run = (this.streams.get(first.streamId) ?? []).slice(first.revision, first.revision + ids.length);
      return resolveRetry(streamId, ids, run.map(toStoredEvent));
    }
    const clash = ids.find((id) => this.byId.has(id));
    if (clash !== undefined) throw new DuplicateEventIdError(clash, streamId);

    const stream = this.streams.get(streamId) ?? [];
    checkExpectedRevision(streamId, expectedRevision, stream.length === 0 ? undefined : stream.length - 1);

    const rows = serialized.map((event, i): Row => {
      const row = {
        ...event,
        streamId,
        revision: stream.length + i,
        position: BigInt(this.log.length + i + 1),
      };
      this.byId.set(row.id, row);
      return row;
    });
    this.log.push(...rows);
    stream.push(...rows);
    this.streams.set(streamId, stream);
    this.feed.notify();
    return toAppendResult(streamId, rows.map(toStoredEvent));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const fromRevision = Math.max(0, options.fromRevision ?? 0);
    return (this.streams.get(streamId) ?? []).slice(fromRevision).map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.readPage(options.after ?? 0n, options.limit ?? Number.POSITIVE_INFINITY);
  }

  subscribe(after: bigint = 0n): Observable<StoredEvent> {
    return this.feed.subscribe(after);
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return BigInt(this.log.length);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.feed.complete();
  }

  private readPage(after: bigint, limit: number): StoredEvent[] {
    const start = after <= 0n ? 0 : Number(after > BigInt(this.log.length) ? BigInt(this.log.length) : after);
    const end = Number.isFinite(limit) ? start + Math.max(0, limit) : undefined;
    return this.log.slice(start, end).map(toStoredEvent);
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}

function toStoredEvent(row: Row): StoredEvent {
  return {
    id: row.id,
    streamId: row.streamId,
    type: row.type,
    revision: row.revision,
    position: row.position,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
  };
}
