import { useMemo, useRef } from 'react';
import { App, Button, Form } from 'antd';
import { type OpenApiDocument, commandSchema, commandTitle } from '../api/openapi-doc';
import type { CaseView } from '../api/types';
import { ProblemAlert } from '../forms/ProblemAlert';
import { FieldExtrasContext, SchemaFields, type FieldExtras } from '../forms/SchemaFields';
import { useCommandSubmit } from '../forms/useSubmit';
import { commandChoices } from './command-choices';

interface Props {
  doc: OpenApiDocument;
  view: CaseView;
  command: string;
  onDone: (view: CaseView) => void;
  onCommand: (command: string) => void;
  /** 412: load the case again; the form keeps what was typed and is sent against the new revision. */
  onReload: () => Promise<CaseView>;
}

/** A command's form, built from its OpenAPI request-body schema; sent with If-Match (the revision the user saw). */
export function CommandForm({ doc, view, command, onDone, onCommand, onReload }: Props) {
  const [form] = Form.useForm();
  const revision = useRef(view.revision);
  const { message } = App.useApp();
  const title = commandTitle(doc, command);
  const extras = useMemo((): FieldExtras => ({ choices: commandChoices(command, view) }), [command, view]);
  const { submit, problem, busy, forget } = useCommandSubmit(form, `/cases/${view.caseId}/commands/${command}`, (v) => {
    void message.success(`已完成「${title}」，当前阶段：${v.stageName.zh}`);
    onDone(v);
  });

  const reload = async () => {
    revision.current = (await onReload()).revision;
    forget();
  };

  return (
    <Form
      form={form}
      name={command}
      layout="vertical"
      onFinish={(v: Record<string, unknown>) => void submit(v, { 'if-match': `"${revision.current}"` })}
      aria-label={title}
    >
      <FieldExtrasContext.Provider value={extras}>
        <SchemaFields doc={doc} schema={commandSchema(doc, command)} />
      </FieldExtrasContext.Provider>
      {problem && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert problem={problem} titleOf={(c) => commandTitle(doc, c)} onCommand={onCommand} onReload={() => void reload()} />
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        提交
      </Button>
    </Form>
  );
}
