import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import * as path from 'node:path';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@app/event-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The embedded default: one SQLite file under DATA_DIR (adapters for other stores plug in here). */
export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): EventStore => new SqliteEventStore({ filename: path.join(config.dataDir, 'casetrail.db') }),
};

@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
