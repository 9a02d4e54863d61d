export * from './calendar-date';
export * from './calendar-overrides';
export * from './working-day-calendar';
export * from './statutory-periods';
export * from './shanghai-time';
export * from './periods';
