import { Projection } from './projection';
import { auditTrailProjection } from './audit/audit-trail.projection';
import { interferenceRegisterProjection } from './interference/interference-register.projection';
import { publicDecisionsProjection } from './publication/public-decisions.projection';
import { caseIndexProjection } from './case-index/case-index.projection';
import { assessmentProjection } from './assessment/assessment.projection';
import { openDeadlinesProjection } from './deadlines/open-deadlines.projection';
import { deadlineWatchProjection } from './deadlines/deadline-watch.projection';
import { eventPayloadsProjection } from './audit/event-payloads.projection';

/** Every read model, in the order the projection thread, the rebuild CLI and the equivalence test run them. */
export const ALL_PROJECTIONS: Projection[] = [
  auditTrailProjection,
  interferenceRegisterProjection,
  publicDecisionsProjection,
  caseIndexProjection,
  assessmentProjection,
  openDeadlinesProjection,
  deadlineWatchProjection,
];

/** Every projection a rebuild can be asked for by name (a worker thread gets names, not functions). */
export function projectionsNamed(names: readonly string[]): Projection[] {
  const known: Projection[] = [...ALL_PROJECTIONS, eventPayloadsProjection];
  return names.map((name) => {
    const p = known.find((k) => k.name === name);
    if (!p) throw new Error(`no projection named ${name}`);
    return p;
  });
}
