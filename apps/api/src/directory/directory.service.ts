import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DIRECTORY_STREAM, Directory, DirectoryEvent, demoDirectoryEvents } from '@app/directory';
import { deterministicUuid } from '@app/case-engine';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The organisation registry, folded from the `directory` stream at start-up (seeded with the demo organisation). */
@Injectable()
export class DirectoryService implements OnModuleInit {
  readonly directory = new Directory();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    let events = await this.store.readStream(DIRECTORY_STREAM);
    if (!events.length && this.config.seedDemo) {
      const seed = demoDirectoryEvents().map((e, i) => ({
        id: deterministicUuid(`demo-directory:${i}`),
        type: e.type,
        data: e.data,
        metadata: { actor: { id: 'system', name: '系统 (demo seed)', roles: [], agencyId: '' }, recordedAt: new Date().toISOString() },
      }));
      await this.store.append(DIRECTORY_STREAM, seed, 'no_stream');
      events = await this.store.readStream(DIRECTORY_STREAM);
    }
    for (const e of events) this.directory.apply({ type: e.type, data: e.data } as DirectoryEvent);
  }
}
