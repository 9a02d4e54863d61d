import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CaseEngine, deterministicUuid } from '@app/case-engine';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { demoCases } from './demo-cases';

const SEED_STREAM = 'demo-seed';

/** On first start against an empty store, drives the demo cases through the real engine (SEED_DEMO=false turns it off). */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly engine: CaseEngine,
    private readonly directory: DirectoryService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || (await this.store.readStream(SEED_STREAM)).length) return;
    const caseIds: string[] = [];
    for (const demo of demoCases()) {
      let caseId: string | undefined;
      for (const [i, [userId, occurredAt, command]] of demo.steps.entries()) {
        const user = this.directory.directory.user(userId)!;
        const result = await this.engine.execute({
          caseId,
          command,
          actor: { id: user.id, name: user.name, roles: user.roles, agencyId: user.agencyId },
          occurredAt,
          requestId: deterministicUuid(`demo:${demo.key}:${i}`),
          idempotencyKey: `demo-seed:${demo.key}:${i}`,
          userAgent: 'casetrail demo seed',
        });
        caseId = result.caseId;
      }
      caseIds.push(caseId!);
    }
    await this.store.append(
      SEED_STREAM,
      [{ id: deterministicUuid('demo-seed'), type: 'DemoSeeded', data: { caseIds }, metadata: { recordedAt: new Date().toISOString() } }],
      'no_stream',
    );
    this.logger.log(`演示数据已写入 seeded ${caseIds.length} demo cases`);
  }
}
