import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, type Problem, api } from '../api/client';
import { bodyFrom } from '../forms/SchemaFields';

type NamePath = (string | number)[];

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

/**
 * Sends a registry form (POST to /admin/…); on refusal, sets the field errors and keeps the problem for the alert.
 * `fields` lists the form's field paths ("certificate.number"), so an error is shown where the person typed it.
 */
export function useRegistrySubmit<T>(
  form: FormInstance,
  fields: readonly string[],
  onDone: (answer: T) => void,
  aliases?: Record<string, NamePath>,
) {
  const [problem, setProblem] = useState<{ title: string; detail?: string; unplaced: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (path: string, values: Record<string, unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      const { body } = await api<T>(path, { method: 'POST', body: bodyFrom(values) ?? {} });
      onDone(body);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const { placed, unplaced } = registryFieldErrors(e.problem, fields, aliases);
      form.setFields(placed);
      setProblem({ title: e.problem.title, detail: placed.length || unplaced.length ? undefined : e.problem.detail, unplaced });
    } finally {
      setBusy(false);
    }
  };
  return { submit, problem, busy, reset: () => setProblem(null) };
}
