import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import {
  COMMIT_NOTIFICATIONS,
  CommitNotifications,
  EVENT_STORE,
  EventStore,
  SQLITE_PROJECTION_HOST,
  SqliteProjectionHost,
} from '@app/event-store';
import { ALL_PROJECTIONS, PgProjectionHost, SqliteProjectionRunner } from '@app/projections';
import { startWorker } from '@app/threads';
import { PgReadModels } from '../read-models/pg-read-models';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { PORT_FED_SQLITE_PROJECTIONS } from '../read-models/read-models.provider';
import { SqliteReadModels } from '../read-models/sqlite-read-models';

export interface ProjectionLag {
  name: string;
  version: number;
  position: string;
  headPosition: string;
  lag: string;
}

/**
 * Runs the projections — on their own thread for the SQLite file; for PostgreSQL read models, under a lease so that
 * one instance of all those sharing the database runs them — wakes them after commits, and reports how far each read
 * model lags.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private worker: Worker | null = null;
  private host: PgProjectionHost | null = null;
  private unsubscribe: (() => void) | null = null;
  private notifyScheduled = false;
  /** This instance runs the read models of its own SQLite file (on a thread, restarted if it fails). */
  private local = false;
  private stopping = false;
  /** The loop feeding a SQLite file of read models from another store (EventStoreDB) through the port. */
  private portFed: { stop: () => Promise<void> } | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    /** The SQLite store's file, where its read models live; null for other stores. */
    @Inject(SQLITE_PROJECTION_HOST) private readonly sqliteHost: SqliteProjectionHost | null,
    /** This instance's commits, where the store tells them; else the runners poll. */
    @Inject(COMMIT_NOTIFICATIONS) private readonly commits: CommitNotifications | null,
  ) {}

  onApplicationBootstrap(): void {
    if (this.readModels instanceof PgReadModels) return this.startPostgres(this.readModels);
    if (this.readModels instanceof SqliteReadModels && !this.sqliteHost) return this.startPortFed(this.readModels);
    if (!this.sqliteHost) return;
    // The read models' tables exist before the first request, even while their thread is still catching up: a search
    // right after start-up finds an empty (lagging) read model, never a missing table.
    for (const p of ALL_PROJECTIONS) p.sqlite.setup(this.sqliteHost.db);
    this.local = true;
    this.startLocalThread(this.sqliteHost.filename);
    this.unsubscribe = this.wakeOnCommit(() => {
      if (this.notifyScheduled) return;
      this.notifyScheduled = true;
      setImmediate(() => {
        this.notifyScheduled = false;
        this.worker?.postMessage({ type: 'committed' });
      });
    });
  }

  /**
   * The projection thread on this instance's SQLite file. If it fails (the file locked past the busy timeout, a full
   * disk) it is started again a second later and resumes from the checkpoints; the API keeps serving meanwhile.
   */
  private startLocalThread(filename: string): void {
    const worker = startWorker(__dirname, 'projections', { filename }, __filename.endsWith('.js'));
    worker.unref();
    this.worker = worker;
    worker.once('error', (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.stopping) return;
      this.logger.error(`读模型线程出错，1 秒后重启 (projection thread failed, restarting in 1 s): ${error.message}`);
      setTimeout(() => !this.stopping && this.startLocalThread(filename), 1000).unref();
    });
  }

  /**
   * Read models in a SQLite file of this instance, fed from another store (EventStoreDB) through the port: pages of
   * `readAll` after the checkpoints, each applied with its checkpoints in one transaction; polled when caught up.
   */
  private startPortFed(models: SqliteReadModels): void {
    const runner = new SqliteProjectionRunner({ db: models.db }, PORT_FED_SQLITE_PROJECTIONS);
    let running = true;
    let wake: (() => void) | null = null;
    const loop = (async () => {
      // The read models' file may be closed by the shutdown of READ_MODELS before this loop is stopped.
      while (running && models.db.open) {
        try {
          const after = runner.position();
          const events = await this.store.readAll({ after, limit: 2000 });
          if (!models.db.open) break;
          if (events.length) {
            runner.apply(events, after);
            continue;
          }
        } catch (e) {
          this.logger.error(`读模型更新失败 projection step failed: ${(e as Error).message}`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 250);
          timer.unref();
          wake = () => (clearTimeout(timer), resolve());
        });
      }
    })();
    this.portFed = {
      stop: async () => {
        running = false;
        wake?.();
        await loop;
      },
    };
  }

  /** Every instance stands by; the one holding the lease runs the projections (PgReadModels made the tables already). */
  private startPostgres(models: PgReadModels): void {
    const host = new PgProjectionHost({
      store: this.store,
      connection: models.connection,
      schema: models.schema,
      projections: models.projections,
      onError: (e) => this.logger.error(`读模型更新失败 projection step failed: ${(e as Error).message}`),
      onLeading: (leading) =>
        this.logger.log(leading ? '本实例运行读模型 this instance runs the read models' : '读模型租约已失去 lost the read models lease'),
    });
    host.start();
    this.host = host;
    // Commits of this instance wake the holder at once (when it is this one); other instances' commits are seen by polling.
    this.unsubscribe = this.wakeOnCommit(() => host.notify());
  }

  private wakeOnCommit(wake: () => void): (() => void) | null {
    return this.commits?.onCommitted(wake) ?? null;
  }

  /**
   * This instance's part in running the read models: `local` (its own SQLite file, on its own thread), `leading` or
   * `standby` (PostgreSQL: one instance of a deployment holds the lease and runs them), `none` (no read models).
   */
  role(): 'local' | 'leading' | 'standby' | 'none' {
    if (this.host) return this.host.isLeading ? 'leading' : 'standby';
    return this.local || this.portFed ? 'local' : 'none';
  }

  async lag(): Promise<ProjectionLag[]> {
    if (this.readModels.kind === 'none') return [];
    const head = await this.store.headPosition();
    const rows = await this.readModels.checkpoints();
    return rows.map((r) => ({
      name: r.name,
      version: r.version,
      position: String(r.position),
      headPosition: String(head),
      lag: String(head - BigInt(r.position)),
    }));
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    await this.host?.stop();
    await this.portFed?.stop();
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
