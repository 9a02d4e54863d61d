import { useNavigate } from 'react-router';
import { App, Button, Form, Skeleton } from 'antd';
import { commandSchema, commandTitle } from '../api/openapi-doc';
import type { OpenCaseBody } from '../api/types';
import { ProblemAlert } from '../forms/ProblemAlert';
import { SchemaFields } from '../forms/SchemaFields';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';
import { useCommandSubmit } from '../forms/useSubmit';

/** 立案登记: the open-case form, built from POST /cases's body schema; on success, to the new case's page. */
export function OpenCaseForm({ defaultAgencyId }: { defaultAgencyId: string }) {
  const doc = useOpenApiDocument();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { submit, problem, busy } = useCommandSubmit(form, '/cases', (v) => {
    void message.success(`已提交立案申请，当前阶段：${v.stageName.zh}`);
    void navigate(`/cases/${v.caseId}`);
  });
  if (!doc) return <Skeleton active />;

  return (
    <Form
      form={form}
      name="openCase"
      layout="vertical"
      initialValues={{ agencyId: defaultAgencyId } satisfies Partial<OpenCaseBody>}
      onFinish={(v: Record<string, unknown>) => void submit(v)}
      aria-label="立案登记"
    >
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
