import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Public } from '../auth/public.decorator';
import { DeadlineSchedulerService } from '../deadlines/deadline-scheduler.service';
import { ProjectionsService } from '../projections/projections.service';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly projections: ProjectionsService,
    private readonly deadlines: DeadlineSchedulerService,
  ) {}

  @Get()
  @ApiOperation({ summary: '服务状态 liveness, store head, and which background work this instance runs' })
  async health() {
    return {
      status: 'ok',
      store: this.config.eventStore,
      headPosition: (await this.store.headPosition()).toString(),
      authMode: this.config.authMode,
      // Which background work this instance runs: on PostgreSQL one instance of a deployment leads each (docs/deployment.md §2).
      instance: { pid: process.pid, projections: this.projections.role(), deadlineScheduler: this.deadlines.role() },
    };
  }
}
