import { Module } from '@nestjs/common';
import { AuditController } from '../audit/audit.controller';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { InterferenceController } from '../interference/interference.controller';
import { PublicDecisionsController } from '../public/public-decisions.controller';
import { ReadModelsModule } from '../read-models/read-models.module';
import { AssessmentController } from './assessment.controller';
import { ConsistencyController } from './consistency.controller';
import { ReportAgenciesController } from './report-agencies.controller';
import { ReportScope } from './report-scope.service';
import { StaffingController } from './staffing.controller';

/**
 * Supervision reads over the read models: the audit trail, the interference register, published decisions, and the
 * assessment, consistency and staffing reports, each within the agencies the caller may read.
 */
@Module({
  imports: [ReadModelsModule, AuthModule, DirectoryModule],
  controllers: [
    AuditController,
    InterferenceController,
    PublicDecisionsController,
    AssessmentController,
    ConsistencyController,
    StaffingController,
    ReportAgenciesController,
  ],
  providers: [ReportScope],
})
export class ReportsModule {}
