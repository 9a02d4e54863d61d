export * from './projection';
export * from './projection-runner';
export * from './audit/audit-trail.projection';
