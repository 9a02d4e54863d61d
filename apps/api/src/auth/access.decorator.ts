import { SetMetadata } from '@nestjs/common';
import { Action } from './access-rules';

/**
 * Where a route's target agency comes from: the case in the path, `agencyId` in the query (or the case named by
 * `caseId` in the query), `agencyId` in the body, a registry entry (the agency or user `:id` in the path, else the
 * body's `agencyId`/`parentId`, else the query's `agencyId`), or nowhere (the action reaches anywhere). `engine`: a
 * step on the case in the path, which the engine authorizes once, against the case it decides the step on.
 */
export type TargetSource = 'case' | 'query' | 'body' | 'registry' | 'none' | 'engine';

export interface AccessMetadata {
  action: Action;
  target: TargetSource;
}

export const ACCESS = 'casetrail:access';

/** Declares the action a route performs; AccessGuard asks the policy before anything else runs (validation included). */
export const Access = (action: Action, target: TargetSource) => SetMetadata(ACCESS, { action, target } satisfies AccessMetadata);
