import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  RecordedEvent,
  StreamNotFoundError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../event-store.port';
import { prepareAppend } from '../common/append-checks';
import { EventStoreUnavailableError } from '../common/store-errors';
import * as mapping from './esdb-mapping';

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

function recorded(overrides: Partial<Record<keyof RecordedEvent, unknown>> = {}): RecordedEvent {
  return {
    streamId: 'case-1',
    id: ID,
    isJson: true,
    revision: 3n,
    type: 'CaseOpened',
    created: new Date(0),
    data: { docNo: '郴应急立〔2026〕17号' },
    metadata: { actor: 'u1' },
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  } as RecordedEvent;
}

/** A gRPC service error as the client receives it, reduced to what the client's error classes read. */
function serviceError(code: number, message: string, metadata: Record<string, string>): never {
  return { code, message, details: message, metadata: { getMap: () => metadata } } as never;
}

describe('EventStoreDB mapping', () => {
  describe('revisions', () => {
    it('maps the port expectations to EventStoreDB ones', () => {
      expect(mapping.toEsdbExpectedRevision('no_stream')).toBe('no_stream');
      expect(mapping.toEsdbExpectedRevision('any')).toBe('any');
      expect(mapping.toEsdbExpectedRevision(0)).toBe(0n);
      expect(mapping.toEsdbExpectedRevision(41)).toBe(41n);
      expect(mapping.toEsdbExpectedRevision(Number.MAX_SAFE_INTEGER)).toBe(9007199254740991n);
    });

    it('maps EventStoreDB expectations and revisions back, refusing what the port cannot hold', () => {
      expect(mapping.fromEsdbExpectedRevision('no_stream')).toBe('no_stream');
      expect(mapping.fromEsdbExpectedRevision('any')).toBe('any');
      expect(mapping.fromEsdbExpectedRevision(7n)).toBe(7);
      expect(() => mapping.fromEsdbExpectedRevision('stream_exists')).toThrow(RangeError);
      expect(mapping.fromEsdbRevision(0n)).toBe(0);
      expect(mapping.fromEsdbRevision(9007199254740991n)).toBe(Number.MAX_SAFE_INTEGER);
      expect(() => mapping.fromEsdbRevision(9007199254740992n)).toThrow(mapping.EventStoreDbMappingError);
      expect(mapping.fromEsdbCurrentRevision('no_stream')).toBe('no_stream');
      expect(mapping.fromEsdbCurrentRevision(12n)).toBe(12);
    });

    it('round-trips every exact expectation', () => {
      for (const revision of [0, 1, 99, 2 ** 40, Number.MAX_SAFE_INTEGER]) {
        expect(mapping.fromEsdbExpectedRevision(mapping.toEsdbExpectedRevision(revision))).toBe(revision);
      }
    });
  });

  describe('positions', () => {
    it('the port position is the commit position, which equals the prepare position of a gRPC append', () => {
      expect(mapping.toPortPosition({ commit: 4096n, prepare: 4096n }, 'e')).toBe(4096n);
      // Byte offsets of a large log pass 2^53: bigint keeps them exact.
      expect(mapping.toPortPosition({ commit: 2n ** 62n + 1n, prepare: 2n ** 62n + 1n }, 'e')).toBe(4611686018427387905n);
    });

    it('refuses positions it cannot represent, saying why', () => {
      expect(() => mapping.toPortPosition({ commit: 100n, prepare: 180n }, 'event x')).toThrow(/explicit transaction/);
      expect(() => mapping.toPortPosition(undefined, 'event x')).toThrow(/22\.6/);
      expect(() => mapping.toPortPosition({ commit: 0n, prepare: 0n }, 'event x')).toThrow(mapping.EventStoreDbMappingError);
    });

    it('maps after back: 0n to the start of $all, a position to {commit, prepare}', () => {
      expect(mapping.toEsdbReadPosition(0n)).toBe('start');
      expect(mapping.toEsdbReadPosition(4096n)).toEqual({ commit: 4096n, prepare: 4096n });
      expect(mapping.toEsdbPosition(1n)).toEqual({ commit: 1n, prepare: 1n });
      expect(() => mapping.toEsdbReadPosition(-1n)).toThrow(RangeError);
      expect(() => mapping.toEsdbPosition(0n)).toThrow(RangeError);
      for (const position of [1n, 4096n, 2n ** 63n - 1n])
        expect(mapping.toPortPosition(mapping.toEsdbPosition(position), 'e')).toBe(position);
    });

    it('positions travel as decimal strings and come back as the same bigint', () => {
      for (const position of [0n, 1n, 4096n, 9007199254740993n, 18446744073709551615n]) {
        expect(mapping.positionFromWire(String(position))).toBe(position);
      }
      for (const bad of ['', '-1', '1.5', '0x10', ' 7', '007', '1e3']) expect(() => mapping.positionFromWire(bad)).toThrow(RangeError);
      expect(mapping.formatEsdbPosition(4096n)).toBe('C:4096/P:4096');
      expect(mapping.formatEsdbPosition(0n)).toBe('start');
    });
  });

  describe('events', () => {
    it('builds a JSON event with the stable id, type, data and metadata', () => {
      const [serialized] = prepareAppend(
        'case-1',
        [{ id: ID, type: 'CaseOpened', data: { n: 1, at: new Date(0) }, metadata: { actor: 'u1' } }],
        'no_stream',
      );
      expect(mapping.toJsonEvent(serialized)).toEqual({
        id: ID,
        contentType: 'application/json',
        type: 'CaseOpened',
        data: { n: 1, at: '1970-01-01T00:00:00.000Z' },
        metadata: { actor: 'u1' },
      });
    });

    it('takes the payload as serialized at call time, so later mutation of the caller’s objects changes nothing', () => {
      const data = { list: [1] };
      const [serialized] = prepareAppend('s', [{ id: ID, type: 'T', data, metadata: {} }], 'any');
      data.list.push(2);
      expect(mapping.toJsonEvent(serialized).data).toEqual({ list: [1] });
    });

    it('keeps payloads that are not objects, as the other adapters do', () => {
      const [nullData] = prepareAppend('s', [{ id: ID, type: 'T', data: null, metadata: {} }], 'any');
      expect(mapping.toJsonEvent(nullData)).toMatchObject({ data: null, metadata: {} });
      const [numberData] = prepareAppend('s', [{ id: ID, type: 'T', data: 42, metadata: {} }], 'any');
      expect(mapping.toJsonEvent(numberData).data).toBe(42);
    });

    it('maps a recorded event: revision and position from the record, streamId, JSON metadata', () => {
      expect(mapping.toStoredEvent(recorded())).toEqual({
        id: ID,
        streamId: 'case-1',
        type: 'CaseOpened',
        revision: 3,
        position: 4096n,
        data: { docNo: '郴应急立〔2026〕17号' },
        metadata: { actor: 'u1' },
      });
      expect(mapping.toStoredEvent(recorded({ metadata: undefined })).metadata).toEqual({});
    });

    it('refuses recorded events that are not casetrail JSON events, saying why', () => {
      expect(() => mapping.toStoredEvent(recorded({ isJson: false, data: new Uint8Array([1]) }))).toThrow(/not JSON/);
      expect(() => mapping.toStoredEvent(recorded({ metadata: new Uint8Array([1]) }))).toThrow(/metadata that is not JSON/);
      expect(() => mapping.toStoredEvent(recorded({ metadata: ['a'] }))).toThrow(/not a JSON object/);
      expect(() => mapping.toStoredEvent(recorded({ position: undefined }))).toThrow(/22\.6/);
    });

    it('tells system events by a $ stream or a $ type', () => {
      expect(mapping.isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
      expect(mapping.isSystemEvent({ streamId: '$ce-case', type: '$>' })).toBe(true);
      expect(mapping.isSystemEvent({ streamId: '$projections-$all', type: 'ProjectionUpdated' })).toBe(true);
      expect(mapping.isSystemEvent({ streamId: 'case-1', type: '$metadata' })).toBe(true);
      expect(mapping.isSystemEvent({ streamId: 'case-1', type: 'CaseOpened' })).toBe(false);
      expect(mapping.isSystemEvent({ streamId: 'case-$1', type: 'A$' })).toBe(false);
    });

    it('refuses appends EventStoreDB would hide or reject: $ streams and types, ids that are not lowercase UUIDs', () => {
      const event = (id: string, type = 'T') => prepareAppend('s', [{ id, type, data: {}, metadata: {} }], 'any');
      expect(() => mapping.assertStorable('case-1', event(ID))).not.toThrow();
      expect(() => mapping.assertStorable('$case', event(ID))).toThrow(TypeError);
      expect(() => mapping.assertStorable('case-1', event(ID, '$T'))).toThrow(TypeError);
      expect(() => mapping.assertStorable('case-1', event('not-a-uuid'))).toThrow(/UUID/);
      expect(() => mapping.assertStorable('case-1', event(ID.toUpperCase()))).toThrow(/lowercase/);
    });
  });

  describe('errors', () => {
    it('WrongExpectedVersionError → WrongExpectedRevisionError with the caller’s expectation and the actual revision', () => {
      const fromDetails = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 2n, current: 5n });
      expect(mapping.isWrongExpectedVersion(fromDetails)).toBe(true);
      const mapped = mapping.toWrongExpectedRevisionError('case-1', 2, fromDetails);
      expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
      expect(mapped).toMatchObject({ streamId: 'case-1', expected: 2, actual: 5 });

      const missing = new WrongExpectedVersionError(undefined, { streamName: 'nope', expected: 0n, current: 'no_stream' });
      expect(mapping.toWrongExpectedRevisionError('nope', 0, missing)).toMatchObject({ expected: 0, actual: 'no_stream' });

      // As it arrives over gRPC: the versions in the trailing metadata.
      const fromServer = new WrongExpectedVersionError(
        serviceError(9, 'wrong expected version', { 'stream-name': 'case-1', 'expected-version': '-1', 'actual-version': '0' }),
      );
      expect(mapping.toWrongExpectedRevisionError('case-1', 'no_stream', fromServer)).toMatchObject({ expected: 'no_stream', actual: 0 });
    });

    it('an append resolved with success false (throwOnAppendFailure=false) is the same refusal', () => {
      const refused = mapping.wrongExpectedVersionFromResult('case-1', 2n, { success: false, nextExpectedRevision: 4n });
      expect(mapping.isWrongExpectedVersion(refused)).toBe(true);
      expect(mapping.toWrongExpectedRevisionError('case-1', 2, refused)).toMatchObject({ expected: 2, actual: 4 });
      const missing = mapping.wrongExpectedVersionFromResult('nope', 0n, { success: false, nextExpectedRevision: -1n });
      expect(mapping.toWrongExpectedRevisionError('nope', 0, missing)).toMatchObject({ expected: 0, actual: 'no_stream' });
    });

    it('recognises StreamNotFoundError, also from another copy of the client (by its type tag)', () => {
      expect(mapping.isStreamNotFound(new StreamNotFoundError(undefined, 'case-1'))).toBe(true);
      expect(mapping.isStreamNotFound({ type: 'stream-not-found' })).toBe(true);
      expect(mapping.isStreamNotFound(new Error('stream-not-found'))).toBe(false);
      expect(mapping.isStreamNotFound(undefined)).toBe(false);
    });

    it('unavailable, not-leader, deadline and cancelled errors → EventStoreUnavailableError that says retrying is safe', () => {
      const notLeader = new NotLeaderError(
        serviceError(5, 'Leader info available', {
          exception: 'not-leader',
          'leader-endpoint-host': 'node2',
          'leader-endpoint-port': '2113',
        }),
      );
      for (const error of [
        new UnavailableError(undefined, 'connect ECONNREFUSED'),
        notLeader,
        new DeadlineExceededError(),
        new CancelledError(),
      ]) {
        expect(mapping.isTransient(error)).toBe(true);
        const mapped = mapping.toPortError(error, 'append to case-1');
        expect(mapped).toBeInstanceOf(EventStoreUnavailableError);
        expect(mapped).toMatchObject({ operation: 'append to case-1', cause: error });
        expect((mapped as Error).message).toMatch(/an append retried with the same event ids is stored once/);
      }
      expect((mapping.toPortError(notLeader, 'append') as Error).message).toMatch(/not the leader \(the leader is node2:2113\)/);
    });

    it('access denied and oversized appends say what to do; other errors pass through unchanged', () => {
      expect((mapping.toPortError(new AccessDeniedError(), 'read of $all') as Error).message).toMatch(/EVENTSTORE_CONNECTION_STRING/);
      const tooBig = mapping.toPortError(new MaxAppendSizeExceededError(undefined, 1048576), 'append to big');
      expect(tooBig).toBeInstanceOf(RangeError);
      expect((tooBig as Error).message).toMatch(/1048576 bytes/);
      const unknown = new UnknownError();
      expect(mapping.isTransient(unknown)).toBe(false);
      expect(mapping.toPortError(unknown, 'append')).toBe(unknown);
      const plain = new Error('boom');
      expect(mapping.toPortError(plain, 'append')).toBe(plain);
    });
  });
});
