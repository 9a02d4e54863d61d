import { DynamicModule, Global, Module } from '@nestjs/common';
import { WorkingDayCalendar } from '@app/calendar';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, clockProvider } from './clock';
import { DISCRETION_BENCHMARK, RULES_BOOK, benchmarkProvider, calendarProvider, rulesBookProvider } from './rules';

/**
 * What every feature reads and none owns: the validated configuration, the clock, the rules book, the discretion
 * benchmark and the working-day calendar. Global, so features inject them without importing this module.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, clockProvider, rulesBookProvider, benchmarkProvider, calendarProvider],
      exports: [APP_CONFIG, CLOCK, RULES_BOOK, DISCRETION_BENCHMARK, WorkingDayCalendar],
    };
  }
}
