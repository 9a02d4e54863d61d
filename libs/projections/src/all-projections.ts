import { Projection } from './projection';
import { auditTrailProjection } from './audit/audit-trail.projection';
import { interferenceRegisterProjection } from './interference/interference-register.projection';
import { publicDecisionsProjection } from './publication/public-decisions.projection';
import { caseIndexProjection } from './case-index/case-index.projection';
import { assessmentProjection } from './assessment/assessment.projection';

/** Every read model, in the order the projection thread, the rebuild CLI and the equivalence test run them. */
export const ALL_PROJECTIONS: Projection[] = [auditTrailProjection, interferenceRegisterProjection, publicDecisionsProjection, caseIndexProjection, assessmentProjection as Projection];
