import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { DocumentsModule } from './documents/documents.module';
import { EvidenceFilesModule } from './evidence-files/evidence-files.module';
import { CoreModule } from './core/core.module';
import { DeskModule } from './desk/desk.module';
import { HealthModule } from './health/health.module';
import { HttpPipelineModule } from './http/http-pipeline.module';
import { IntegrityModule } from './integrity/integrity.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class AppModule {
  /** The configuration is read and validated before the module is built (main.ts and e2e tests alike). */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        HttpPipelineModule,
        HealthModule,
        AuthModule,
        CasesModule,
        DocumentsModule,
        EvidenceFilesModule,
        IntegrityModule,
        ReadModelsModule,
        ReportsModule,
        AdminModule,
        DeskModule,
      ],
    };
  }
}
