import { Inject, Injectable, Logger, OnApplicationShutdown, Provider } from '@nestjs/common';
import * as path from 'node:path';
import { EVENT_STORE, EventStore, PostgresEventStore, SqliteEventStore, createEventStoreDbStore } from '@app/event-store';
import { APP_CONFIG, AppConfig, ConfigError } from '../config/app-config';

/**
 * The store named by EVENT_STORE: the embedded SQLite file under DATA_DIR (default), or PostgreSQL at DATABASE_URL
 * (connects and migrates before the application starts; an unreachable database stops start-up with
 * PostgresUnavailableError), or EventStoreDB / KurrentDB at EVENTSTORE_CONNECTION_STRING. Read models, reports, audit
 * and integrity endpoints still need SQLite and answer 501 on other stores.
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
      default:
        return new SqliteEventStore({ filename: path.join(config.dataDir, 'casetrail.db') });
    }
  },
};

@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
