import { useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, api } from '../api/client';
import { bodyFrom } from '../forms/SchemaFields';
import { type NamePath, registryFieldErrors } from './registry-field-errors';

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
