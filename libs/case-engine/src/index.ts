export * from './event-envelope';
export * from './engine-errors';
export * from './case-view';
export * from './case-engine';
export * from './numbering.service';
export * from './ids';
export * from './deadline-scheduler';
export * from './timeline';
