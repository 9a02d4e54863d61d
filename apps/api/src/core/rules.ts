import { Provider } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { WorkingDayCalendar, loadCalendarOverrides } from '@app/calendar';
import { DiscretionBenchmark, RulesBook, validateBenchmark, validateRulesBook } from '@workflows/enforcement-case';
import { APP_CONFIG, AppConfig, ConfigError } from '../config/app-config';

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

export const DISCRETION_BENCHMARK = Symbol('DISCRETION_BENCHMARK');
export const benchmarkProvider: Provider = { provide: DISCRETION_BENCHMARK, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadBenchmark(config.benchmarkFile) };

/** The versioned rules, loaded once: the engine applies them to cases, reports read their parameters. */
export const RULES_BOOK = Symbol('RULES_BOOK');
export const rulesBookProvider: Provider = { provide: RULES_BOOK, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadRulesBook(config.rulesFile) };

/** Working days, with the configured overrides (holidays and make-up days) when a file names them. */
export const calendarProvider: Provider = {
  provide: WorkingDayCalendar,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new WorkingDayCalendar(config.calendarOverridesFile ? loadCalendarOverrides(config.calendarOverridesFile) : undefined),
};
