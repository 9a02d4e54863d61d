import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Form, Select, Skeleton } from 'antd';
import type { FormInstance, FormRule } from 'antd';
import { isValidCreditCode, isValidResidentIdNumber } from '@workflows/enforcement-case/party/party-codes';
import { limitationYears, violationsPastLimitation } from '@workflows/enforcement-case/rules/limitation-period';
import { api, problemText } from '../api/client';
import { commandSchema, commandTitle } from '../api/openapi-doc';
import type { FilingHelp, OpenCaseBody } from '../api/types';
import { ProblemAlert } from '../forms/ProblemAlert';
import { FieldExtrasContext, SchemaFields, type FieldExtras } from '../forms/SchemaFields';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';
import { useCommandSubmit } from '../forms/useSubmit';

/** Codes are checked as the API stores them: upper-case, without surrounding blanks. */
const normal = (v: unknown) => (typeof v === 'string' ? v.trim().toUpperCase() : '');

/** A check-character rule, live as the user types; the check itself is the engine's (party-codes.ts). */
function codeRule(label: string, length: number, valid: (code: string) => boolean, standard: string): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const code = normal(value);
      if (!code) return;
      if (code.length !== length) throw new Error(`${label}应为 ${length} 位，已输入 ${code.length} 位`);
      if (!valid(code)) throw new Error(`${label}校验位错误（${standard}），请核对`);
    },
  };
}

function filingRules(help: FilingHelp | null, form: FormInstance): Record<string, FormRule[]> {
  const rules: Record<string, FormRule[]> = {
    'party.creditCode': [codeRule('统一社会信用代码', 18, isValidCreditCode, 'GB 32100-2015')],
    'party.idNumber': [codeRule('居民身份证号码', 18, isValidResidentIdNumber, 'GB 11643-1999')],
  };
  if (!help) return rules;
  const rule = (name: string) => help.rules.find((r) => r.rule === name);
  // Warnings only: the engine decides the command, and its 422 names the rule and article on the fields.
  rules.handlingOfficerIds = [
    {
      warningOnly: true,
      validator: async (_r, value: unknown) => {
        const ids = [...new Set(Array.isArray(value) ? (value as string[]) : [])];
        const problems = ids.flatMap((id) => {
          const o = help.officers.find((x) => x.id === id);
          if (!o) return [`${id} 不是本机关登记的执法人员`];
          return o.certified ? [] : [o.problem ?? `${o.name} 今日不能承办`];
        });
        if (ids.length < 2) problems.push(`只选了 ${ids.length} 名执法人员`);
        const basis = rule('twoCertifiedOfficers');
        if (problems.length) throw new Error(`${problems.join('；')}。${basis ? `${basis.zh}（${basis.source}）` : ''}`);
      },
    },
  ];
  rules.discoveredAt = [
    {
      warningOnly: true,
      validator: async (_r, value: unknown) => {
        if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
        if (value > help.asOf) {
          const r = rule('discoveredNotInFuture');
          throw new Error(`发现日期晚于今日（${help.asOf}）。${r ? `${r.zh}（${r.source}）` : ''}`);
        }
        const values = form.getFieldsValue(true) as Partial<OpenCaseBody>;
        const years = limitationYears(help.limitation, values.criminalIndicators);
        const late = violationsPastLimitation(values.violations ?? [], value, years);
        if (late.length) {
          const r = rule('withinLimitationPeriod');
          throw new Error(`超过 ${years} 年追责时效：${late.join('；')}。${r ? `${r.zh}（${r.source}）` : ''}`);
        }
      },
    },
  ];
  return rules;
}

/** 承办执法人员: the agency's officers to choose from, certified ones first; another id may still be typed in. */
function OfficerField({ help, rules }: { help: FilingHelp | null; rules: FormRule[] }) {
  const options = useMemo(
    () =>
      [...(help?.officers ?? [])]
        .sort((a, b) => Number(b.certified) - Number(a.certified))
        .map((o) => ({
          value: o.id,
          label: `${o.name}（${o.id}）${o.certified ? ` · 执法证 ${o.certificateNo ?? ''}` : ' · 不能承办'}`,
        })),
    [help],
  );
  return (
    <Form.Item
      name="handlingOfficerIds"
      label="承办执法人员"
      required
      rules={[{ required: true, message: '请选择承办执法人员' }, ...rules]}
      extra={help ? `本机关今日可承办的执法人员 ${help.officers.filter((o) => o.certified).length} 名；须两名以上。` : undefined}
    >
      <Select mode="tags" options={options} aria-label="承办执法人员" placeholder="选择或输入人员编号" optionFilterProp="label" />
    </Form.Item>
  );
}

/** 立案登记: the open-case form, built from POST /cases's body schema; on success, to the new case's page. */
export function OpenCaseForm({ defaultAgencyId }: { defaultAgencyId: string }) {
  const doc = useOpenApiDocument();
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [help, setHelp] = useState<FilingHelp | null>(null);
  const [helpError, setHelpError] = useState<string | null>(null);
  const { submit, problem, busy } = useCommandSubmit(form, '/cases', (v) => {
    void message.success(`已提交立案申请，当前阶段：${v.stageName.zh}`);
    void navigate(`/cases/${v.caseId}`);
  });

  useEffect(() => {
    api<FilingHelp>('/cases/filing-help', { query: { agencyId: defaultAgencyId } })
      .then((r) => setHelp(r.body))
      .catch((e: unknown) => setHelpError(problemText(e)));
  }, [defaultAgencyId]);

  const extras = useMemo((): FieldExtras => {
    const rules = filingRules(help, form);
    return {
      rules,
      extra: help
        ? {
            discoveredAt: `追责时效 ${help.limitation.general} 年，涉及生命健康安全且有危害后果的 ${help.limitation.lifeOrHealth} 年（${help.limitation.source}；规则版本 ${help.limitation.rulesVersion}），自违法行为发生之日起计算。`,
          }
        : undefined,
      replace: { handlingOfficerIds: <OfficerField key="officers" help={help} rules={rules.handlingOfficerIds ?? []} /> },
    };
  }, [help, form]);

  // The form appears whole, with the filing help (or why it is missing): nothing shifts under the officer's hand.
  if (!doc || (!help && !helpError)) return <Skeleton active />;

  return (
    <Form
      form={form}
      name="openCase"
      layout="vertical"
      initialValues={{ agencyId: defaultAgencyId } satisfies Partial<OpenCaseBody>}
      onFinish={(v: Record<string, unknown>) => void submit(v)}
      onValuesChange={(changed: Record<string, unknown>) => {
        // The limitation check on 发现日期 reads the violations' dates and the criminal indicators too.
        if ('violations' in changed || 'criminalIndicators' in changed) void form.validateFields(['discoveredAt']).catch(() => undefined);
      }}
      aria-label="立案登记"
    >
      {help && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="立案须满足的法定条件"
          description={
            <ul style={{ paddingLeft: 20, margin: 0 }}>
              {help.rules.map((r) => (
                <li key={r.rule}>
                  {r.zh}（{r.source}）
                </li>
              ))}
            </ul>
          }
        />
      )}
      {helpError && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="无法读取本机关执法人员名单" description={helpError} />
      )}
      <FieldExtrasContext.Provider value={extras}>
        <SchemaFields doc={doc} schema={commandSchema(doc, 'open-case')} />
      </FieldExtrasContext.Provider>
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
