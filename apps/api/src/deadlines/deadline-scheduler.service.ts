import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CaseEngine, DeadlineScheduler, DeadlineWatchList } from '@app/case-engine';
import { MemoryDeadlineWatch, PgLease, deadlineSchedulerLeaseName, deadlineWatchProjection } from '@app/projections';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CLOCK, Clock } from '../core/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { READ_MODELS, ReadModels } from '../read-models/read-models';

/**
 * The watch list in the read models (the deadline-watch projection, run with the others from its own checkpoint), or,
 * for a store without read models (in memory), one the scheduler feeds itself.
 */
function watchListOf(models: ReadModels, store: EventStore): DeadlineWatchList & { start?(): void; stop?(): void } {
  if (models.kind === 'none') return new MemoryDeadlineWatch(store);
  return {
    position: async () => BigInt((await models.checkpoints()).find((c) => c.name === deadlineWatchProjection.name)?.position ?? 0),
    due: (q) => models.dueDeadlines(q),
  };
}

/**
 * Runs the durable deadline scheduler every SCHEDULER_INTERVAL_SECONDS (0: only when `tick()` is called, as tests do).
 * On PostgreSQL several instances share the store: only the one holding the scheduler's lease ticks, and another takes
 * over when it dies (docs/deployment.md §2). Its records carry idempotency keys, so the moment between losing the lease and
 * noticing it cannot write a record twice.
 */
@Injectable()
export class DeadlineSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineScheduler');
  private readonly scheduler: DeadlineScheduler;
  private timer: NodeJS.Timeout | null = null;
  private readonly lease: PgLease | null;
  private readonly watch: ReturnType<typeof watchListOf>;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODELS) readModels: ReadModels,
    engine: CaseEngine,
  ) {
    this.watch = watchListOf(readModels, store);
    this.scheduler = new DeadlineScheduler({ store, engine, clock, watch: this.watch });
    this.lease = config.postgres
      ? new PgLease({
          connection: config.postgres.url,
          name: deadlineSchedulerLeaseName(config.postgres.schema),
          onAcquired: () => this.logger.log('本实例运行期限调度 this instance runs the deadline scheduler'),
          onLost: () => this.logger.warn('期限调度租约已失去 lost the deadline scheduler lease'),
        })
      : null;
  }

  /** `local` (one store, one instance), `leading` or `standby` (PostgreSQL: the lease decides). */
  role(): 'local' | 'leading' | 'standby' {
    if (!this.lease) return 'local';
    return this.lease.held ? 'leading' : 'standby';
  }

  onApplicationBootstrap(): void {
    this.lease?.start();
    this.watch.start?.();
    if (this.config.schedulerIntervalSeconds > 0) {
      this.timer = setInterval(() => void this.tick(), this.config.schedulerIntervalSeconds * 1000);
      this.timer.unref();
    }
  }

  async tick(): Promise<number> {
    if (this.lease && !(this.lease.held && (await this.lease.confirm()))) return 0;
    try {
      const written = await this.scheduler.tick();
      if (written) this.logger.log(`记录期限届满 recorded ${written} deadline expiries`);
      return written;
    } catch (e) {
      this.logger.error(`deadline tick failed: ${(e as Error).message}`);
      return 0;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.watch.stop?.();
    await this.lease?.stop();
  }
}
