export * from './projection';
export * from './projection-runner';
export * from './audit/audit-trail.projection';
export * from './interference/interference-register.projection';
export * from './publication/public-decisions.projection';
export * from './case-index/case-index.projection';
export * from './assessment/assessment.projection';
export * from './all-projections';
