import { useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, type Problem, api } from '../api/client';
import type { CaseView, CommandAnswer } from '../api/types';
import { fieldErrors } from './ProblemAlert';
import { bodyFrom } from './SchemaFields';

/**
 * Sends a form's values as a command body with an Idempotency-Key that stays the same while the body does (a retry
 * after a lost answer writes nothing twice); a refusal is kept as the problem to show and its field errors set on
 * the form.
 */
export function useCommandSubmit(form: FormInstance, path: string, onDone: (view: CaseView) => void) {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const submit = async (values: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const body = bodyFrom(values) ?? {};
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
    setBusy(true);
    setProblem(null);
    try {
      const { body: res } = await api<CommandAnswer>(path, {
        method: 'POST',
        body,
        headers: { ...headers, 'idempotency-key': attempt.current.key },
      });
      onDone(res.case);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.problem);
      form.setFields(fieldErrors(e.problem));
    } finally {
      setBusy(false);
    }
  };

  /** After a reload the same body is a new request (another revision): it gets a new key. */
  const forget = () => {
    attempt.current = null;
    setProblem(null);
  };
  return { submit, problem, busy, forget };
}
