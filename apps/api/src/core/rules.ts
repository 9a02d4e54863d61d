import { Provider } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { WorkingDayCalendar, loadCalendarOverrides } from '@app/calendar';
import { DiscretionBenchmark, RulesBook, validateBenchmark, validateRulesBook } from '@workflows/enforcement-case';
import { APP_CONFIG, AppConfig, ConfigError } from '../config/app-config';

/** Reads a JSON file named by a setting and refuses to start on one that does not parse or validate (fails fast). */
function loadValidated<T>(setting: string, file: string, validate: (raw: unknown) => string[]): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError([`${setting} ${file}: ${(e as Error).message}`]);
  }
  const problems = validate(raw);
  if (problems.length) throw new ConfigError(problems.map((p) => `${setting} ${file}: ${p}`));
  return raw as T;
}

/** Loads the versioned rules file. */
export const loadRulesBook = (file: string): RulesBook => loadValidated('RULES_FILE', file, validateRulesBook);

/** Loads the discretion benchmark. */
export const loadBenchmark = (file: string): DiscretionBenchmark => loadValidated('DISCRETION_BENCHMARK_FILE', file, validateBenchmark);

export const DISCRETION_BENCHMARK = Symbol('DISCRETION_BENCHMARK');
export const benchmarkProvider: Provider = {
  provide: DISCRETION_BENCHMARK,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => loadBenchmark(config.benchmarkFile),
};

/** The versioned rules, loaded once: the engine applies them to cases, reports read their parameters. */
export const RULES_BOOK = Symbol('RULES_BOOK');
export const rulesBookProvider: Provider = {
  provide: RULES_BOOK,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => loadRulesBook(config.rulesFile),
};

/** Working days, with the configured overrides (holidays and make-up days) when a file names them. */
export const calendarProvider: Provider = {
  provide: WorkingDayCalendar,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    new WorkingDayCalendar(config.calendarOverridesFile ? loadCalendarOverrides(config.calendarOverridesFile) : undefined),
};
