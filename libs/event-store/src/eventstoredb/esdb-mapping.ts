import type * as Esdb from '@eventstore/db-client';
import { EventMetadata, ExpectedRevision, StoredEvent, WrongExpectedRevisionError } from '../event-store.port';
import { SerializedEvent } from '../common/append-checks';
import { EventStoreUnavailableError } from '../common/store-errors';
import { eventStoreDbLibrary } from './esdb-client';

/**
 * Pure translations between the casetrail port and EventStoreDB / KurrentDB, kept apart from the adapter so each is
 * unit-tested without a server.
 *
 * Positions. EventStoreDB places every event at a transaction-file position {commit, prepare} (two uint64 byte
 * offsets). An append through the gRPC API is an implicit transaction: each event is its own committed prepare
 * record, and `$all` reports it at {commit: its log position, prepare: its log position}. The two numbers are equal
 * for every such event, unique, and grow in `$all` order, so the port's single `position` is that log position
 * (the commit position). `after` maps back to {commit: after, prepare: after}, and 0n to the start of `$all`.
 * Only explicit transactions (the legacy TCP API, not offered by the gRPC clients) give commit ≠ prepare; such an
 * event is refused loudly rather than mapped to a position that could repeat.
 */

const NO_STREAM: typeof Esdb.NO_STREAM = 'no_stream';
const ANY: typeof Esdb.ANY = 'any';
const START: typeof Esdb.START = 'start';

/** Streams and event types starting with `$` belong to the server (statistics, projections, metadata, links). */
export const SYSTEM_PREFIX = '$';

/** Thrown for data the port cannot represent: explicit-transaction positions, non-JSON payloads, a too-old server. */
export class EventStoreDbMappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventStoreDbMappingError';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Revisions

export function toEsdbExpectedRevision(expected: ExpectedRevision): Esdb.AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

export function fromEsdbExpectedRevision(expected: Esdb.AppendExpectedRevision): ExpectedRevision {
  if (expected === NO_STREAM || expected === ANY) return expected;
  // The port has no "stream exists" expectation and the adapter never sends one.
  if (typeof expected !== 'bigint') throw new RangeError(`EventStoreDB expectation ${String(expected)} has no port equivalent`);
  return fromEsdbRevision(expected);
}

/** Stream revisions are uint64 on the server and a plain number in the port; past 2^53 they could not be exact. */
export function fromEsdbRevision(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new EventStoreDbMappingError(`EventStoreDB revision ${revision} is outside the port's range (0..2^53-1)`);
  }
  return Number(revision);
}

export function fromEsdbCurrentRevision(current: Esdb.CurrentRevision): number | 'no_stream' {
  return current === NO_STREAM ? 'no_stream' : fromEsdbRevision(current);
}

// ---------------------------------------------------------------------------------------------------------------
// Positions

/** The port position of an event read from EventStoreDB (see the file comment). */
export function toPortPosition(position: Esdb.Position | undefined, where: string): bigint {
  if (!position) {
    throw new EventStoreDbMappingError(
      `EventStoreDB gave no position for ${where}; stream reads report positions only from server version 22.6 on, which casetrail needs`,
    );
  }
  if (position.commit !== position.prepare) {
    throw new EventStoreDbMappingError(
      `${where} sits at ${position.commit}/${position.prepare}, written in an explicit transaction (commit ≠ prepare); ` +
        'casetrail maps one position per event and supports only events appended through the gRPC API',
    );
  }
  // Position 0 holds the log's first (system) record: an event appended later can never sit there.
  if (position.commit < 1n) throw new EventStoreDbMappingError(`${where} has position ${position.commit}; port positions start at 1`);
  return position.commit;
}

/** The EventStoreDB position of a port position that the store itself returned. */
export function toEsdbPosition(position: bigint): Esdb.Position {
  if (position < 1n) throw new RangeError(`Position ${position} is not an event position (positions start at 1)`);
  return { commit: position, prepare: position };
}

/** Where to start reading for "events with position > after". Reads and subscriptions may include `after` itself. */
export function toEsdbReadPosition(after: bigint): Esdb.ReadPosition {
  if (after < 0n) throw new RangeError(`after must be 0n or a position, got ${after}`);
  return after === 0n ? START : toEsdbPosition(after);
}

/** The form the EventStoreDB admin UI shows, for log lines an operator compares with it. */
export function formatEsdbPosition(position: bigint): string {
  return position === 0n ? 'start' : `C:${position}/P:${position}`;
}

/** Positions travel as decimal strings on the wire (JSON has no 64-bit integers); the port's bigint round-trips. */
export function positionFromWire(text: string): bigint {
  if (!/^(0|[1-9]\d*)$/.test(text)) throw new RangeError(`Not a position: ${JSON.stringify(text)}`);
  return BigInt(text);
}

// ---------------------------------------------------------------------------------------------------------------
// Events

export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.streamId.startsWith(SYSTEM_PREFIX) || event.type.startsWith(SYSTEM_PREFIX);
}

const LOWERCASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Refuses what EventStoreDB would store out of casetrail's sight or reject late: `$` streams and types are system
 * ones (left out of readAll and subscriptions), and event ids must be UUIDs on the server — lowercase, because the
 * server returns them so and a retry is recognised by comparing ids.
 */
export function assertStorable(streamId: string, events: SerializedEvent[]): void {
  if (streamId.startsWith(SYSTEM_PREFIX)) {
    throw new TypeError(`Stream ${streamId}: ids starting with "$" are EventStoreDB system streams`);
  }
  for (const event of events) {
    if (event.type.startsWith(SYSTEM_PREFIX)) {
      throw new TypeError(`Stream ${streamId}: event type ${event.type} starts with "$", reserved for EventStoreDB system events`);
    }
    if (!LOWERCASE_UUID.test(event.id)) {
      throw new TypeError(`Stream ${streamId}: event id ${event.id} is not a lowercase UUID, which EventStoreDB requires`);
    }
  }
}

/**
 * NewEvent (already serialized by prepareAppend) → EventStoreDB JSON event with the caller's stable id, so a retried
 * append carries the same ids. Data and metadata are parsed back from the call-time JSON: the client serializes
 * later, and a caller mutating its objects in between must change nothing.
 */
export function toJsonEvent(event: SerializedEvent): Esdb.EventData {
  return eventStoreDbLibrary().jsonEvent({
    id: event.id,
    type: event.type,
    // The client JSON.stringifies whatever it is given, so null, numbers and booleans round-trip as in the other
    // adapters even though its type names only objects, arrays and strings.
    data: JSON.parse(event.data) as Esdb.JSONType,
    metadata: JSON.parse(event.metadata) as Esdb.JSONType,
  });
}

/** A recorded event (from a stream read, `$all` or a subscription) → the port's StoredEvent. */
export function toStoredEvent(recorded: Esdb.RecordedEvent): StoredEvent {
  const where = `event ${recorded.id} of stream ${recorded.streamId}`;
  if (!recorded.isJson) {
    throw new EventStoreDbMappingError(
      `${where} (${recorded.type}) is not JSON; casetrail stores only JSON events — give it a database of its own`,
    );
  }
  return {
    id: recorded.id,
    streamId: recorded.streamId,
    type: recorded.type,
    revision: fromEsdbRevision(recorded.revision),
    position: toPortPosition(recorded.position, where),
    data: recorded.data,
    metadata: toMetadata(recorded.metadata, where),
  };
}

function toMetadata(metadata: unknown, where: string): EventMetadata {
  // An event written with no metadata comes back without any; the port always has an object.
  if (metadata === undefined) return {};
  if (metadata instanceof Uint8Array) {
    throw new EventStoreDbMappingError(`${where} has metadata that is not JSON`);
  }
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new EventStoreDbMappingError(`${where} has metadata that is not a JSON object`);
  }
  return metadata as EventMetadata;
}

// ---------------------------------------------------------------------------------------------------------------
// Errors. Matched by the client's `type` tag rather than instanceof, so a second copy of the client package (or a
// test fake) is recognised too.

export interface WrongExpectedVersionLike {
  type: 'wrong-expected-version';
  streamName: string;
  expectedVersion: Esdb.AppendExpectedRevision;
  actualVersion: Esdb.CurrentRevision;
}

export function esdbErrorType(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}

export function isStreamNotFound(error: unknown): boolean {
  return esdbErrorType(error) === 'stream-not-found';
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionLike {
  return esdbErrorType(error) === 'wrong-expected-version';
}

/**
 * With `throwOnAppendFailure=false` in the connection string the client resolves a refused append with
 * `success: false` and the stream's current revision (-1 when it does not exist) instead of throwing; this makes
 * that the error it would otherwise have thrown.
 */
export function wrongExpectedVersionFromResult(
  streamName: string,
  expected: Esdb.AppendExpectedRevision,
  result: Esdb.AppendResult,
): WrongExpectedVersionLike {
  return {
    type: 'wrong-expected-version',
    streamName,
    expectedVersion: expected,
    actualVersion: result.nextExpectedRevision < 0n ? NO_STREAM : result.nextExpectedRevision,
  };
}

/** The server's refusal of an expected revision → the port's error, with the caller's expectation and the actual one. */
export function toWrongExpectedRevisionError(
  streamId: string,
  expected: ExpectedRevision,
  error: WrongExpectedVersionLike,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, expected, fromEsdbCurrentRevision(error.actualVersion));
}

/** Errors after which the same call may well succeed: the connection, the node's role or the clock. */
const TRANSIENT = new Set(['unavailable', 'not-leader', 'deadline-exceeded', 'timeout', 'cancelled']);

export function isTransient(error: unknown): boolean {
  const type = esdbErrorType(error);
  return type !== undefined && TRANSIENT.has(type);
}

/** Client errors → port errors where the port has one, or errors that say what to do; anything else unchanged. */
export function toPortError(error: unknown, operation: string): unknown {
  const type = esdbErrorType(error);
  if (type === 'not-leader') {
    const leader = (error as { leader?: { address?: string; port?: number } }).leader;
    const where = leader?.address ? ` (the leader is ${leader.address}:${leader.port})` : '';
    return new EventStoreUnavailableError(operation, `the EventStoreDB node is not the leader${where}`, { cause: error });
  }
  if (type !== undefined && TRANSIENT.has(type)) {
    return new EventStoreUnavailableError(operation, `EventStoreDB ${type}: ${(error as Error).message}`, { cause: error });
  }
  if (type === 'access-denied') {
    return new Error(`EventStoreDB denied ${operation}: check the user and password in EVENTSTORE_CONNECTION_STRING`, { cause: error });
  }
  if (type === 'maximum-append-size-exceeded') {
    const max = (error as { maxAppendSize?: number }).maxAppendSize;
    return new RangeError(
      `${operation}: the events exceed EventStoreDB's maximum append size${max ? ` of ${max} bytes` : ''} (server option MaxAppendSize)`,
      { cause: error },
    );
  }
  return error;
}
