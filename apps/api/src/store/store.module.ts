import { Module } from '@nestjs/common';
import { COMMIT_NOTIFICATIONS, EVENT_STORE, SQLITE_PROJECTION_HOST, STORE_INTEGRITY } from '@app/event-store';
import { BULK_REBUILD } from '@app/projections';
import { EventStoreCloser, eventStoreProvider, storeCapabilityProviders } from './event-store.provider';

/** The event store named by the configuration, its capabilities beyond the port, and its closing at shutdown. */
@Module({
  providers: [eventStoreProvider, ...storeCapabilityProviders, EventStoreCloser],
  exports: [EVENT_STORE, STORE_INTEGRITY, COMMIT_NOTIFICATIONS, SQLITE_PROJECTION_HOST, BULK_REBUILD],
})
export class StoreModule {}
