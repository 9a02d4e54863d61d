import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { App, Button, Form, Skeleton } from 'antd';
import { ApiError, type Problem, api } from '../api/client';
import { commandSchema, commandTitle } from '../api/openapi-doc';
import type { CaseView, OpenCaseBody } from '../api/types';
import { ProblemAlert, fieldErrors } from '../forms/ProblemAlert';
import { SchemaFields, bodyFrom } from '../forms/SchemaFields';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';

/** 立案登记: the open-case form, built from POST /cases's body schema; on success, to the new case's page. */
export function OpenCaseForm({ defaultAgencyId }: { defaultAgencyId: string }) {
  const doc = useOpenApiDocument();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!doc) return <Skeleton active />;

  const submit = async (values: Record<string, unknown>) => {
    const body = (bodyFrom(values) ?? {}) as OpenCaseBody;
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: crypto.randomUUID() };
    setBusy(true);
    setProblem(null);
    try {
      const { body: res } = await api<{ case: CaseView }>('/cases', { method: 'POST', body, headers: { 'idempotency-key': attempt.current.key } });
      void message.success(`已提交立案申请，当前阶段：${res.case.stageName.zh}`);
      navigate(`/cases/${res.case.caseId}`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setProblem(e.problem);
      form.setFields(fieldErrors(e.problem));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} name="openCase" layout="vertical" initialValues={{ agencyId: defaultAgencyId }} onFinish={(v: Record<string, unknown>) => void submit(v)} aria-label="立案登记">
      <SchemaFields doc={doc} schema={commandSchema(doc, 'open-case')} />
      {problem && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert problem={problem} titleOf={(c) => commandTitle(doc, c)} />
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        提交立案申请
      </Button>
    </Form>
  );
}
