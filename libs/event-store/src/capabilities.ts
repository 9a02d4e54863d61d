import type { Database } from 'better-sqlite3';
import { EventStore, StoredEvent } from './event-store.port';
import type { Anchor, IntegrityReport } from './common/chain-walker';

/*
 * What some adapters can do beyond the port. Each capability is an interface of its own under its own DI token; an
 * adapter lists the ones it has in `capabilities`, and the application asks for one by token and gets it, or null
 * when the store at hand has none. Nothing outside this library needs to know which adapter it is talking to.
 */

/** Keyset paging of the anchor log: anchors after `after` (a seq), at most `limit`. */
export interface AnchorPage {
  after?: number;
  limit?: number;
}

/** Tamper evidence: both hash chains recomputed and checked against the anchor log. */
export interface StoreIntegrity {
  /** Walks every event in commit order and checks the anchors; names the first bad position. */
  verify(): Promise<IntegrityReport>;
  /** The anchor log in order; a page of it (after a seq, at most `limit`) when asked. */
  listAnchors(page?: AnchorPage): Promise<Anchor[]>;
  /** The first anchor at or after `position` (it covers every event up to there), or null while none does. */
  anchorCovering(position: bigint): Promise<Anchor | null>;
  /** Records the current head of the global chain in the anchor log; null when the log is empty. */
  createAnchor(reason: string, now: Date): Promise<Anchor | null>;
}
export const STORE_INTEGRITY = Symbol('STORE_INTEGRITY');

/** Tells, cheaply and without reading any event, that this process committed events. */
export interface CommitNotifications {
  /** Calls `listener` after every commit that wrote events; returns the unsubscribe. */
  onCommitted(listener: () => void): () => void;
}
export const COMMIT_NOTIFICATIONS = Symbol('COMMIT_NOTIFICATIONS');

/**
 * Read models kept next to the events, in the SQLite store's own file: a connection to that file, and the events
 * read from it synchronously, so that a page of events and the rows it contributes commit in one transaction.
 */
export interface SqliteProjectionHost {
  /** The store's file: a projection thread opens its own connection to it (openSqliteProjectionHost). */
  readonly filename: string;
  /** A connection to the file; the read models' tables live beside the events. */
  readonly db: Database;
  /** Up to `limit` events with position > `after`, in position order, read on `db`. */
  readPage(after: bigint, limit: number): StoredEvent[];
  /** Last committed global position, read on `db` (0n when empty). */
  headPosition(): bigint;
}
export const SQLITE_PROJECTION_HOST = Symbol('SQLITE_PROJECTION_HOST');

/** The capabilities an adapter has beyond the port; one it lacks is left out. */
export interface StoreCapabilities {
  readonly integrity?: StoreIntegrity;
  readonly commitNotifications?: CommitNotifications;
  readonly sqliteProjectionHost?: SqliteProjectionHost;
}

/** An adapter that has capabilities beyond the port. */
export interface WithCapabilities {
  readonly capabilities: StoreCapabilities;
}

/** The capabilities of `store` (none for a store that declares none, such as a test double). */
export function capabilitiesOf(store: EventStore): StoreCapabilities {
  return (store as Partial<WithCapabilities>).capabilities ?? {};
}
