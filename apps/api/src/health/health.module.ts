import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { StoreModule } from '../store/store.module';
import { HealthController } from './health.controller';

/** Liveness and which background work (projections, deadline scheduler) this instance runs. */
@Module({
  imports: [StoreModule, ReadModelsModule, CasesModule],
  controllers: [HealthController],
})
export class HealthModule {}
