import { CaseContext } from '../case-context';
import { findRulesVersion, RulesVersion, NoRulesVersionError } from '../rules/rules-version';
import { DecisionEnv } from './decision-env';

/** The rules version the case recorded at filing (replaying never switches a case to today's rules). */
export function caseRules(ctx: CaseContext, env: DecisionEnv): RulesVersion {
  const found = ctx.rulesVersion ? findRulesVersion(env.rules, ctx.rulesVersion) : undefined;
  if (!found) throw new NoRulesVersionError(ctx.rulesVersion ?? '(unfiled)');
  return found;
}
