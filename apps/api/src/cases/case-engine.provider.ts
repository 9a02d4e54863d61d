import { Provider } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseEngine } from '@app/case-engine';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { WorkingDayCalendar } from '@app/calendar';
import { DiscretionBenchmark, RulesBook } from '@workflows/enforcement-case';
import { DirectoryService } from '../directory/directory.service';
import { AccessPolicy } from '../auth/access-policy';
import { CLOCK, Clock } from '../core/clock';
import { DISCRETION_BENCHMARK, RULES_BOOK } from '../core/rules';
import { DocumentRenderer } from '../documents/document-renderer.service';
import { DossierBinder } from '../documents/dossier-binder.service';
import { CommandBodyValidator } from './command-bodies';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const caseEngineProvider: Provider = {
  provide: CaseEngine,
  inject: [
    EVENT_STORE,
    DirectoryService,
    CLOCK,
    DISCRETION_BENCHMARK,
    RULES_BOOK,
    WorkingDayCalendar,
    AccessPolicy,
    CommandBodyValidator,
    DocumentRenderer,
    DossierBinder,
    APP_CONFIG,
  ],
  useFactory: (
    store: EventStore,
    directory: DirectoryService,
    clock: Clock,
    benchmark: DiscretionBenchmark,
    rules: RulesBook,
    calendar: WorkingDayCalendar,
    policy: AccessPolicy,
    bodies: CommandBodyValidator,
    documents: DocumentRenderer,
    dossiers: DossierBinder,
    config: AppConfig,
  ) =>
    new CaseEngine({
      store,
      authorizer: policy,
      parser: bodies,
      people: {
        person: (id) => directory.directory.person(id),
        agency: (id) => directory.directory.agency(id),
      },
      rules,
      benchmark,
      calendar,
      clock,
      newId: randomUUID,
      documents,
      dossiers,
      cacheBytes: config.cacheBytes.cases,
      historyCacheBytes: config.cacheBytes.histories,
    }),
};
