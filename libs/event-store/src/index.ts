export * from './event-store.port';
export { EventStoreClosedError } from './shared/append-checks';
export { CatchUpFeed } from './shared/catch-up.feed';
export * from './in-memory/in-memory.event-store';
export * from './sqlite/sqlite.event-store';
export { SCHEMA_VERSION as SQLITE_SCHEMA_VERSION } from './sqlite/sqlite.migrations';
export * from './sqlite/sqlite-integrity';
export { EVENT_COLUMNS, EventRow, EventTuple, toStoredEvent, tupleToStoredEvent } from './sqlite/sqlite.statements';
export { GENESIS_HASH, eventHash, globalHash } from './shared/hash-chain';
