import type { StateValue } from 'xstate';

/**
 * Every state a case is in, as dotted ids (`procedure`, `procedure.open`, `procedure.open.review`, ...): the machine's
 * state value (as the case view reports it) unfolded, one id per level of every region.
 */
export function activeStateIds(value: StateValue, prefix = ''): string[] {
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (typeof value === 'string') return [at(value)];
  return Object.entries(value).flatMap(([key, inner]) => (inner === undefined ? [at(key)] : [at(key), ...activeStateIds(inner, at(key))]));
}
