import type { Problem } from '../api/client';

export type NamePath = (string | number)[];

/**
 * The registry's refusals as errors on the form's own fields: a 400 names the field of the body
 * ("certificate.validUntil"), a 409 or 422 the registry rule's field ("validUntil"), which `aliases` places in the
 * form where it is nested. Errors no field of the form shows stay in the problem for the alert.
 */
export function registryFieldErrors(
  problem: Problem,
  fields: readonly string[],
  aliases: Record<string, NamePath> = {},
): { placed: { name: NamePath; errors: string[] }[]; unplaced: string[] } {
  const errors = Array.isArray(problem.errors) ? (problem.errors as { field: string; message: string }[]) : [];
  const placed: { name: NamePath; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const e of errors) {
    const name = aliases[e.field] ?? e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (fields.includes(name.join('.'))) placed.push({ name, errors: [e.message] });
    else unplaced.push(`${e.field}：${e.message}`);
  }
  return { placed, unplaced };
}
