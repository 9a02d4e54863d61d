import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@app/event-store';
import { ALL_PROJECTIONS } from '@app/projections';
import { startWorker } from '@app/threads';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { READ_MODELS, ReadModels } from '../read-models/read-models';

export interface ProjectionLag {
  name: string;
  version: number;
  position: string;
  headPosition: string;
  lag: string;
}

/** Runs the projections on their own thread, wakes it after commits, and reports how far each read model lags. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker | null = null;
  private unsubscribe: (() => void) | null = null;
  private notifyScheduled = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  onApplicationBootstrap(): void {
    if (!(this.store instanceof SqliteEventStore)) return;
    // The read models' tables exist before the first request, even while their thread is still catching up: a search
    // right after start-up finds an empty (lagging) read model, never a missing table.
    for (const p of ALL_PROJECTIONS) p.sqlite.setup(this.store.db);
    const worker = startWorker(__dirname, 'projections', { filename: path.join(this.config.dataDir, 'casetrail.db') }, __filename.endsWith('.js'));
    worker.unref();
    this.worker = worker;
    this.unsubscribe = this.store.onCommitted(() => {
      if (this.notifyScheduled) return;
      this.notifyScheduled = true;
      setImmediate(() => {
        this.notifyScheduled = false;
        worker.postMessage({ type: 'committed' });
      });
    });
  }

  async lag(): Promise<ProjectionLag[]> {
    if (this.readModels.kind === 'none') return [];
    const head = await this.store.headPosition();
    const rows = await this.readModels.checkpoints();
    return rows.map((r) => ({ name: r.name, version: r.version, position: String(r.position), headPosition: String(head), lag: String(head - BigInt(r.position)) }));
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.on('message', (m: { type: string }) => m.type === 'closed' && void worker.terminate());
      worker.ref();
      worker.postMessage({ type: 'close' });
    });
  }
}
