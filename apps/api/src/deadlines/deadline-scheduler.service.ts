import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CaseEngine, DeadlineScheduler } from '@app/case-engine';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { CLOCK, Clock } from '../cases/case-engine.provider';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Runs the durable deadline scheduler every SCHEDULER_INTERVAL_SECONDS (0: only when `tick()` is called, as tests do). */
@Injectable()
export class DeadlineSchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineScheduler');
  private readonly scheduler: DeadlineScheduler;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    engine: CaseEngine,
  ) {
    this.scheduler = new DeadlineScheduler({ store, engine, clock });
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
    if (this.config.schedulerIntervalSeconds > 0) {
      this.timer = setInterval(() => void this.tick(), this.config.schedulerIntervalSeconds * 1000);
      this.timer.unref();
    }
  }

  async tick(): Promise<number> {
    try {
      const written = await this.scheduler.tick();
      if (written) this.logger.log(`记录期限届满 recorded ${written} deadline expiries`);
      return written;
    } catch (e) {
      this.logger.error(`deadline tick failed: ${(e as Error).message}`);
      return 0;
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.scheduler.stop();
  }
}
