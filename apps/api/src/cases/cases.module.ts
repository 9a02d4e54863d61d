import { Module } from '@nestjs/common';
import { CaseEngine } from '@app/case-engine';
import { AuthModule } from '../auth/auth.module';
import { DeadlineSchedulerService } from '../deadlines/deadline-scheduler.service';
import { DirectoryModule } from '../directory/directory.module';
import { DocumentRenderingModule } from '../documents/document-rendering.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { StoreModule } from '../store/store.module';
import { CaseCommandsController } from './case-commands.controller';
import { CaseCommandsService } from './case-commands.service';
import { caseEngineProvider } from './case-engine.provider';
import { CaseSearchService } from './case-search.service';
import { CasesController } from './cases.controller';
import { CommandBodyValidator } from './command-bodies';
import { FilingHelpController } from './filing-help.controller';

/** Cases: the engine, the commands that advance a case, its reads and search, and the deadlines that fall due. */
@Module({
  imports: [StoreModule, DirectoryModule, AuthModule, ReadModelsModule, DocumentRenderingModule],
  controllers: [FilingHelpController, CasesController, CaseCommandsController],
  providers: [caseEngineProvider, CommandBodyValidator, CaseCommandsService, CaseSearchService, DeadlineSchedulerService],
  exports: [CaseEngine, DeadlineSchedulerService],
})
export class CasesModule {}
