import { useRef, useState } from 'react';
import { App, Button, Form, Space } from 'antd';
import { ApiError, type Problem, api } from '../api/client';
import { type OpenApiDocument, commandSchema, commandTitle } from '../api/openapi-doc';
import type { CaseView } from '../api/types';
import { ProblemAlert, fieldErrors } from '../forms/ProblemAlert';
import { SchemaFields, bodyFrom } from '../forms/SchemaFields';

interface Props {
  doc: OpenApiDocument;
  view: CaseView;
  command: string;
  onDone: (view: CaseView) => void;
  onCommand: (command: string) => void;
  /** 412: load the case again; the form keeps what was typed and is sent against the new revision. */
  onReload: () => Promise<CaseView>;
}

/**
 * A command's form, built from its OpenAPI request-body schema. It sends If-Match with the revision the user saw and
 * an Idempotency-Key that stays the same while the body does (a retry after a lost answer writes nothing twice).
 */
export function CommandForm({ doc, view, command, onDone, onCommand, onReload }: Props) {
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const revision = useRef(view.revision);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const { message } = App.useApp();
  const title = commandTitle(doc, command);

  const submit = async (values: Record<string, unknown>) => {
    const body = bodyFrom(values) ?? {};
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
    setBusy(true);
    setProblem(null);
    try {
      const { body: res } = await api<{ case: CaseView }>(`/cases/${view.caseId}/commands/${command}`, {
        method: 'POST',
        body,
        headers: { 'if-match': `"${revision.current}"`, 'idempotency-key': attempt.current.key },
      });
      void message.success(`已完成「${title}」，当前阶段：${res.case.stageName.zh}`);
      onDone(res.case);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.problem);
      form.setFields(fieldErrors(e.problem));
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    revision.current = (await onReload()).revision;
    attempt.current = null;
    setProblem(null);
  };

  return (
    <Form form={form} name={command} layout="vertical" onFinish={(v: Record<string, unknown>) => void submit(v)} aria-label={title}>
      <SchemaFields doc={doc} schema={commandSchema(doc, command)} />
      {problem && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert problem={problem} titleOf={(c) => commandTitle(doc, c)} onCommand={onCommand} onReload={() => void reload()} />
        </div>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          提交
        </Button>
      </Space>
    </Form>
  );
}
