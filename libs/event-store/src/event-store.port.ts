import { Observable } from 'rxjs';

/**
 * The one port every event store adapter implements (in-memory, SQLite, PostgreSQL, EventStoreDB).
 *
 * - Revisions are per stream and 0-based; the first event of a stream has revision 0.
 * - Positions are global, start at 1 and only grow; they are bigint in code and strings on the wire.
 * - Appends are idempotent by event id: retrying an append whose events were all already stored (same ids,
 *   same stream, same order) returns the original result and writes nothing.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** `no_stream`: the stream must not exist; `any`: no check; a number: the stream's current last revision. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface EventMetadata {
  [key: string]: unknown;
}

export interface NewEvent<T extends string = string, D = unknown, M extends EventMetadata = EventMetadata> {
  /** Stable id (uuid); the key of idempotent appends. */
  id: string;
  type: T;
  data: D;
  metadata: M;
}

export interface StoredEvent<T extends string = string, D = unknown, M extends EventMetadata = EventMetadata> {
  id: string;
  streamId: string;
  type: T;
  /** Revision within its stream, 0-based. */
  revision: number;
  /** Global position, 1-based, strictly increasing in commit order. */
  position: bigint;
  data: D;
  metadata: M;
  /** Tamper evidence, where the adapter keeps it: the hash of the previous event of the stream, and this one's. */
  prevHash?: string;
  hash?: string;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event of the stream after the append. */
  nextExpectedRevision: number;
  /** Global position of the last event written by this append. */
  position: bigint;
  /** The events as stored (with their revisions and positions). */
  events: StoredEvent[];
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive); default 0. */
  fromRevision?: number;
}

export interface ReadAllOptions {
  /** Return events with position strictly greater than this; default 0n (from the start). */
  after?: bigint;
  /** Maximum number of events; default unlimited. */
  limit?: number;
}

export interface EventStore {
  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of one stream in revision order; [] when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Events of all streams in position order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * Every event with position > `after`: first the stored history, then live events as they commit,
   * in position order, with no gap and no duplicate. Unsubscribing stops delivery.
   */
  subscribe(after?: bigint): Observable<StoredEvent>;
  /** Last committed global position (0n when empty). */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}

/** Thrown when the expected revision does not match the stream's current revision. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Thrown when an event id is already stored but the append is not an exact retry of the original one. */
export class DuplicateEventIdError extends Error {
  constructor(
    readonly eventId: string,
    readonly streamId: string,
  ) {
    super(`Event id ${eventId} is already stored and this append is not a retry of the original (stream ${streamId})`);
    this.name = 'DuplicateEventIdError';
  }
}
