import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CaseEngine, deterministicUuid } from '@app/case-engine';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { WorkingDayCalendar } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../core/clock';
import { DirectoryService } from '../directory/directory.service';
import { demoCases } from './demo-cases';
import { runDemoCases } from './demo-runner';
import { demoYear } from './year/demo-year';

const SEED_STREAM = 'demo-seed';

/**
 * On first start against an empty store, drives the demo cases through the real engine: a year of the city's
 * enforcement dated back from the service clock (docs/demo-data.md), or with SEED_DEMO=basic the six fixed cases the
 * API tests count on. SEED_DEMO=false turns it off; a store that has the seed's record is never seeded again.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly calendar: WorkingDayCalendar,
    private readonly engine: CaseEngine,
    private readonly directory: DirectoryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || (await this.store.readStream(SEED_STREAM)).length) return;
    const started = performance.now();
    const now = this.clock();
    const year = this.config.demoSet === 'year';
    const { cases, skipped } = year ? demoYear(now, this.calendar) : { cases: demoCases(), skipped: [] };
    for (const reason of skipped) this.logger.warn(`演示案件未能编排 (demo case left out): ${reason}`);
    const result = await runDemoCases(cases, {
      engine: this.engine,
      store: this.store,
      actor: (userId) => {
        const user = this.directory.directory.user(userId);
        if (!user) throw new Error(`demo seed: no user ${userId} in the registry`);
        return { id: user.id, name: user.name, roles: user.roles, agencyId: user.agencyId };
      },
      numberingAgency: (agencyId) => this.directory.directory.agency(agencyId)?.entrustedBy ?? agencyId,
      now,
      simulateScheduler: year,
      warn: (message) => this.logger.warn(message),
    });
    await this.store.append(
      SEED_STREAM,
      [
        {
          id: deterministicUuid('demo-seed'),
          type: 'DemoSeeded',
          data: { set: this.config.demoSet, caseIds: result.caseIds, failed: [...skipped, ...result.failed] },
          metadata: { recordedAt: now.toISOString() },
        },
      ],
      'no_stream',
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    this.logger.log(
      `演示数据已写入 seeded ${result.caseIds.length} demo cases (${this.config.demoSet}): ${result.commands} commands, ` +
        `${result.expiries} deadline expiries, in ${seconds} s`,
    );
  }
}
