import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import * as path from 'node:path';
import {
  COMMIT_NOTIFICATIONS,
  EVENT_STORE,
  EventStore,
  PostgresEventStore,
  SQLITE_PROJECTION_HOST,
  STORE_INTEGRITY,
  SqliteEventStore,
  SqliteProjectionHost,
  capabilitiesOf,
  createEventStoreDbStore,
} from '@app/event-store';
import { BULK_REBUILD, sqliteBulkRebuild } from '@app/projections';
import { APP_CONFIG, AppConfig, ConfigError } from '../config/app-config';

/**
 * The store named by EVENT_STORE: the embedded SQLite file under DATA_DIR (default), or PostgreSQL at DATABASE_URL
 * (connects and migrates before the application starts; an unreachable database stops start-up with
 * PostgresUnavailableError), or EventStoreDB / KurrentDB at EVENTSTORE_CONNECTION_STRING. What a store can do beyond
 * the port is provided under the capability tokens below.
 */
export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<EventStore> => {
    switch (config.eventStore) {
      case 'postgres': {
        const pg = config.postgres!;
        const logger = new Logger('PostgresEventStore');
        const store = await PostgresEventStore.open({
          connectionString: pg.url,
          schema: pg.schema,
          poolSize: pg.poolSize,
          onBackgroundError: (e) => logger.warn(`后台重试 retrying in the background: ${(e as Error)?.message ?? String(e)}`),
        });
        logger.log(`事件存储 event store: PostgreSQL ${store.target}, schema ${store.schema}, pool ${pg.poolSize}`);
        return store;
      }
      case 'eventstoredb': {
        // The gRPC client connects lazily: a server that is down shows as 503s (and logged resubscriptions), not a crash.
        const logger = new Logger('EventStoreDb');
        try {
          const store = createEventStoreDbStore(config.eventStoreDbConnectionString!, { logger });
          logger.log('事件存储 event store: EventStoreDB / KurrentDB');
          return store;
        } catch (e) {
          throw new ConfigError([`EVENTSTORE_CONNECTION_STRING: ${(e as Error).message}`]);
        }
      }
      default: {
        const logger = new Logger('SqliteEventStore');
        return new SqliteEventStore({
          filename: path.join(config.dataDir, 'casetrail.db'),
          onBackgroundError: (e) =>
            logger.warn(
              `订阅读取失败，下次提交时重试 (a subscriber's read failed, retried on the next commit): ${(e as Error)?.message ?? String(e)}`,
            ),
        });
      }
    }
  },
};

/**
 * The store's capabilities beyond the port, each under its own token: the adapter declares what it has, and a token it
 * lacks is provided as null (the caller answers 501, or does without).
 *
 * - STORE_INTEGRITY: SQLite and PostgreSQL (hash chains and anchors); not EventStoreDB.
 * - COMMIT_NOTIFICATIONS: SQLite (its own commits wake the projection thread at once).
 * - SQLITE_PROJECTION_HOST: SQLite (the read models live in the store's file).
 * - BULK_REBUILD: where the read models live next to the events (SQLite).
 */
export const storeCapabilityProviders: Provider[] = [
  { provide: STORE_INTEGRITY, inject: [EVENT_STORE], useFactory: (store: EventStore) => capabilitiesOf(store).integrity ?? null },
  {
    provide: COMMIT_NOTIFICATIONS,
    inject: [EVENT_STORE],
    useFactory: (store: EventStore) => capabilitiesOf(store).commitNotifications ?? null,
  },
  {
    provide: SQLITE_PROJECTION_HOST,
    inject: [EVENT_STORE],
    useFactory: (store: EventStore) => capabilitiesOf(store).sqliteProjectionHost ?? null,
  },
  {
    provide: BULK_REBUILD,
    inject: [SQLITE_PROJECTION_HOST],
    useFactory: (host: SqliteProjectionHost | null) => (host ? sqliteBulkRebuild(host.filename) : null),
  },
];

@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
