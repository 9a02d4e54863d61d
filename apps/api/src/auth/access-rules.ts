import { COMMANDS, CaseRelation, CommandName, Role } from '@workflows/enforcement-case';

/**
 * Who may do what, in one table (docs/api.md §5; docs/procedure.md §4 "who"; docs/supervision.md §2):
 * role × reach (the target agency seen from the actor's agency) × case relation × certificate.
 * Every route names one of these actions (`@Access`); a route without one is refused (fail closed).
 */
export const ALL_ROLES: readonly Role[] = ['officer', 'head', 'legal_reviewer', 'supervisor', 'discipline', 'admin'];

/**
 * Where the target may lie, seen from the actor's agency:
 * - `own`: the actor's agency only — enforcement power is personal and territorial;
 * - `ownAndBelow`: the actor's agency and every agency under it — supervision reads downwards;
 * - `ownOrEntrusting`: the actor's agency, or an organisation it entrusted (受委托组织, policy §6; 行政处罚法 Art. 20:
 *   the entrusting agency supervises the entrusted one and bears the consequences, so its head approves and its
 *   legal reviewer reviews in the entrusted organisation's cases);
 * - `anywhere`: no jurisdiction involved (the global hash chain, projection lag).
 */
export type Reach = 'own' | 'ownAndBelow' | 'ownOrEntrusting' | 'anywhere';

export interface Grant {
  roles: readonly Role[];
  reach: Reach;
  /** The actor must hold an enforcement certificate of the target agency valid on the day the step happens (行政处罚法 Art. 42). */
  certified?: boolean;
  /** The actor must stand in this relation to the case. */
  relation?: CaseRelation;
  /** The case's approving head is refused (docs/supervision.md §2: the intervener may be that head). */
  notApprover?: boolean;
}

export type Rule = 'public' | readonly Grant[];

const SUPERVISORS: readonly Role[] = ['head', 'legal_reviewer', 'supervisor', 'discipline', 'admin'];
const AUDITORS: readonly Role[] = ['legal_reviewer', 'supervisor', 'discipline', 'admin'];
// The audit trail shows interference records in full: only their readers (docs/supervision.md §2) audit case history.
const CASE_AUDITORS: readonly Role[] = ['legal_reviewer', 'supervisor', 'discipline'];

/** Reading cases: officers their own agency's; the rest their agency and below. */
const READ_CASES: readonly Grant[] = [
  { roles: ['officer'], reach: 'own' },
  { roles: SUPERVISORS, reach: 'ownAndBelow' },
];

export const ENDPOINT_RULES = {
  public: 'public',
  'cases.search': READ_CASES,
  'cases.read': READ_CASES,
  // 期限预警: whoever reads the cases reads their deadlines.
  'deadlines.read': READ_CASES,
  // A case's documents say what its events say: whoever reads the case reads them.
  'documents.read': READ_CASES,
  'cases.open': [{ roles: ['officer'], reach: 'own', certified: true }],
  'audit.read': [{ roles: CASE_AUDITORS, reach: 'ownAndBelow' }],
  'integrity.read': [{ roles: AUDITORS, reach: 'anywhere' }],
  'integrity.anchor': [{ roles: ['supervisor', 'admin'], reach: 'anywhere' }],
  // docs/supervision.md §2: legal-affairs reviewers, supervisors and discipline of the agency and its superiors.
  'interference.read': [{ roles: ['legal_reviewer', 'supervisor', 'discipline'], reach: 'ownAndBelow', notApprover: true }],
  // Officers see their own bureau's rates and consistency (to align with the benchmark); supervision reads below.
  'reports.read': READ_CASES,
  'projections.read': [{ roles: ALL_ROLES, reach: 'anywhere' }],
  // Who am I: every signed-in user may read their own identity (the console's header after an OIDC sign-in).
  'auth.me': [{ roles: ALL_ROLES, reach: 'anywhere' }],
  // The organisation registry (docs/api.md §4): administrators, for their agency and those below it.
  'registry.write': [{ roles: ['admin'], reach: 'ownAndBelow' }],
  // 郴政办发〔2016〕19号 §16 staffing: heads, supervision and administrators of the agency and below.
  'reports.staffing': [{ roles: ['head', 'supervisor', 'discipline', 'admin'], reach: 'ownAndBelow' }],
} as const satisfies Record<string, Rule>;

export type EndpointAction = keyof typeof ENDPOINT_RULES;
export type Action = EndpointAction | `command:${CommandName}`;

/** Roles whose commands supervise rather than handle a case: they act on their agency's cases and those below it. */
const OVERSIGHT_ROLES: readonly Role[] = ['supervisor', 'discipline'];

/**
 * A case command's grants, from whom its spec names: officers act in their own agency and must hold a certificate
 * valid that day (行政处罚法第四十二条); heads and reviewers also act for an organisation their agency entrusted
 * (行政处罚法第二十条); supervisors and discipline oversee their agency and those below it (郴政办发〔2016〕19号第十七条);
 * `any` user of the case's agency or above may record interference, no certificate needed; the system's own commands
 * are granted to no one.
 */
export function commandRule(command: CommandName): readonly Grant[] {
  const who = COMMANDS[command].who;
  if (who === 'system') return [];
  if (who === 'any') return [{ roles: ALL_ROLES, reach: 'ownAndBelow' }];
  const relation = who.relation ? { relation: who.relation } : {};
  return who.roles.map((role): Grant => {
    if (role === 'officer') return { roles: ['officer'], reach: 'own', certified: true, ...relation };
    if (OVERSIGHT_ROLES.includes(role)) return { roles: [role], reach: 'ownAndBelow', ...relation };
    return { roles: [role], reach: 'ownOrEntrusting', ...relation };
  });
}

export function ruleFor(action: Action): Rule {
  return action.startsWith('command:')
    ? commandRule(action.slice('command:'.length) as CommandName)
    : ENDPOINT_RULES[action as EndpointAction];
}
