import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { AccessPolicy } from './auth/access-policy';
import { AgencyScope } from './auth/agency-scope';
import { AccessGuard } from './auth/access.guard';
import { DevAuthController } from './auth/dev-auth.controller';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { TokenService } from './auth/token.service';
import { CaseCommandsController } from './cases/case-commands.controller';
import { CaseCommandsService } from './cases/case-commands.service';
import { CommandBodyValidator } from './cases/command-bodies';
import { benchmarkProvider, caseEngineProvider, clockProvider, rulesBookProvider } from './cases/case-engine.provider';
import { CasesController } from './cases/cases.controller';
import { CaseSearchService } from './cases/case-search.service';
import { DirectoryService } from './directory/directory.service';
import { HealthController } from './health/health.controller';
import { IntegrityController } from './integrity/integrity.controller';
import { AuditController } from './audit/audit.controller';
import { InterferenceController } from './interference/interference.controller';
import { PublicDecisionsController } from './public/public-decisions.controller';
import { ConsistencyController } from './reports/consistency.controller';
import { AssessmentController } from './reports/assessment.controller';
import { StaffingController } from './reports/staffing.controller';
import { RegistryController } from './admin/registry.controller';
import { RegistryService } from './admin/registry.service';
import { ReportScope } from './reports/report-scope.service';
import { ProjectionsController } from './projections/projections.controller';
import { ProjectionsService } from './projections/projections.service';
import { DemoSeedService } from './seed/demo-seed.service';
import { DeadlineSchedulerService } from './deadlines/deadline-scheduler.service';
import { EventStoreCloser, eventStoreProvider, storeCapabilityProviders } from './store/event-store.provider';
import { ReadModelsCloser, pgReadModelsOptionsProvider, readModelsProvider } from './read-models/read-models.provider';

@Module({})
export class AppModule {
  /** The configuration is read and validated before the module is built (main.ts and e2e tests alike). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, DevAuthController, CasesController, CaseCommandsController, IntegrityController, AuditController, ProjectionsController, InterferenceController, PublicDecisionsController, ConsistencyController, AssessmentController, StaffingController, RegistryController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        eventStoreProvider,
        ...storeCapabilityProviders,
        EventStoreCloser,
        pgReadModelsOptionsProvider,
        readModelsProvider,
        ReadModelsCloser,
        clockProvider,
        DirectoryService,
        benchmarkProvider,
        rulesBookProvider,
        ReportScope,
        caseEngineProvider,
        TokenService,
        AccessPolicy,
        AgencyScope,
        CaseCommandsService,
        CommandBodyValidator,
        CaseSearchService,
        RegistryService,
        DemoSeedService,
        DeadlineSchedulerService,
        ProjectionsService,
        // Authentication, then authorization: global guards run in this order, before any pipe validates a body.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
