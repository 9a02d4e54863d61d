export * from './name';
export * from './roles';
export * from './industries';
export * from './deadline-kinds';
export * from './event-types';
