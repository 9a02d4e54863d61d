import { Provider } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CaseEngine } from '@app/case-engine';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { WorkingDayCalendar, loadCalendarOverrides } from '@app/calendar';
import { DiscretionBenchmark, RulesBook, validateBenchmark, validateRulesBook } from '@workflows/enforcement-case';
import { APP_CONFIG, AppConfig, ConfigError } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { AccessPolicy } from '../auth/access-policy';
import { CommandBodyValidator } from './command-bodies';
import { CLOCK, Clock } from './clock';

export { CLOCK, Clock } from './clock';

/** Loads the versioned rules file and refuses to start on a bad one (configuration fails fast). */
export function loadRulesBook(file: string): RulesBook {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError([`RULES_FILE ${file}: ${(e as Error).message}`]);
  }
  const problems = validateRulesBook(raw);
  if (problems.length) throw new ConfigError(problems.map((p) => `RULES_FILE ${file}: ${p}`));
  return raw as RulesBook;
}

/** Loads the discretion benchmark; a table that does not validate stops start-up. */
export function loadBenchmark(file: string): DiscretionBenchmark {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError([`DISCRETION_BENCHMARK_FILE ${file}: ${(e as Error).message}`]);
  }
  const problems = validateBenchmark(raw);
  if (problems.length) throw new ConfigError(problems.map((p) => `DISCRETION_BENCHMARK_FILE ${file}: ${p}`));
  return raw as DiscretionBenchmark;
}

export const clockProvider: Provider = { provide: CLOCK, useValue: (() => new Date()) as Clock };

export const DISCRETION_BENCHMARK = Symbol('DISCRETION_BENCHMARK');
export const benchmarkProvider: Provider = { provide: DISCRETION_BENCHMARK, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadBenchmark(config.benchmarkFile) };

/** The versioned rules, loaded once: the engine applies them to cases, reports read their parameters. */
export const RULES_BOOK = Symbol('RULES_BOOK');
export const rulesBookProvider: Provider = { provide: RULES_BOOK, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadRulesBook(config.rulesFile) };

export const caseEngineProvider: Provider = {
  provide: CaseEngine,
  inject: [EVENT_STORE, APP_CONFIG, DirectoryService, CLOCK, DISCRETION_BENCHMARK, RULES_BOOK, AccessPolicy, CommandBodyValidator],
  useFactory: (
    store: EventStore,
    config: AppConfig,
    directory: DirectoryService,
    clock: Clock,
    benchmark: DiscretionBenchmark,
    rules: RulesBook,
    policy: AccessPolicy,
    bodies: CommandBodyValidator,
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
      calendar: new WorkingDayCalendar(config.calendarOverridesFile ? loadCalendarOverrides(config.calendarOverridesFile) : undefined),
      clock,
      newId: randomUUID,
    }),
};
