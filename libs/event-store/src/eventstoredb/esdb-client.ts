import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  SubscribeToAllOptions,
} from '@eventstore/db-client';

/**
 * The part of `EventStoreDBClient` the adapter uses. The adapter takes this interface rather than the class so the
 * mapping and the resubscription logic are tested without a server (a fake stands in); `createEventStoreDbStore`
 * passes the real client, which the type checker holds to this shape.
 */
export interface EventStoreDbClientLike {
  appendToStream(streamName: string, events: EventData[], options: AppendToStreamOptions): Promise<AppendResult>;
  readStream(streamName: string, options: ReadStreamOptions): AsyncIterable<ResolvedEvent>;
  readAll(options: ReadAllOptions): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): EventStoreDbSubscription;
  dispose(): Promise<void>;
}

/** What the adapter needs of the client's `AllStreamSubscription` (a Node stream of resolved events). */
export interface EventStoreDbSubscription {
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'confirmation', listener: () => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

export type EventStoreDbClientLibrary = typeof import('@eventstore/db-client');

let library: EventStoreDbClientLibrary | undefined;

/**
 * The client library, loaded on first use: `@app/event-store` is imported by every process and worker thread, and
 * loading gRPC and protobuf costs about 100 ms and 8 MB of heap that deployments on SQLite should not pay.
 */
export function eventStoreDbLibrary(): EventStoreDbClientLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  library ??= require('@eventstore/db-client') as EventStoreDbClientLibrary;
  return library;
}
