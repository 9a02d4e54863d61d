import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CaseEngine, DeadlineScheduler } from '@app/case-engine';
import { PgLease, deadlineSchedulerLeaseName } from '@app/projections';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CLOCK, Clock } from '../core/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';

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

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    engine: CaseEngine,
  ) {
    this.scheduler = new DeadlineScheduler({ store, engine, clock });
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
    this.scheduler.start();
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
    this.scheduler.stop();
    await this.lease?.stop();
  }
}
