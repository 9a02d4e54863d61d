import type { ReactNode } from 'react';
import { Alert, Button, Space } from 'antd';
import type { Problem } from '../api/client';
import type { RuleViolation } from '../api/types';
import { isUploadCommand, type CommandName } from '@workflows/enforcement-case/case-commands';
import { stageName } from '../cases/stages';

interface Props {
  problem: Problem;
  /** The Chinese name of a command (from the OpenAPI summaries). */
  titleOf: (command: string) => string;
  /** 409: open another allowed command. */
  onCommand?: (command: string) => void;
  /** 412: reload the case and keep the form. */
  onReload?: () => void;
}

/** An API refusal as something a person can act on: every unmet condition with its legal basis, what is allowed, or reload. */
export function ProblemAlert(props: Props) {
  const { type, title, description, action } = refusal(props);
  return <Alert type={type} showIcon role="alert" title={title} description={description} action={action} />;
}

/** What the alert says for each kind of refusal: 422 unmet conditions, 409 wrong stage, 412 stale case, else the problem itself. */
function refusal({ problem, titleOf, onCommand, onReload }: Props): {
  type: 'error' | 'warning';
  title: ReactNode;
  description: ReactNode;
  action?: ReactNode;
} {
  if (problem.status === 422 && Array.isArray(problem.violations)) {
    const violations = problem.violations as RuleViolation[];
    return {
      type: 'error',
      title: '不符合法定条件',
      description: (
        <ul style={{ paddingLeft: 20, margin: 0 }} aria-label="未满足的法定条件">
          {violations.map((v, i) => (
            <li key={i} data-rule={v.rule}>
              {v.message.zh}
              {v.detail ? `（${v.detail}）` : ''} —— 依据：{v.legalSource}
              <span style={{ color: '#595959' }}>（规则 {v.rule}）</span>
            </li>
          ))}
        </ul>
      ),
    };
  }
  if (problem.status === 409 && Array.isArray(problem.allowedCommands)) {
    // An upload command has no form to open (docs/evidence-files.md).
    const allowed = (problem.allowedCommands as CommandName[]).filter((c) => !isUploadCommand(c));
    return {
      type: 'warning',
      title: `当前阶段（${stageName(typeof problem.stage === 'string' ? problem.stage : '')}）不能执行此操作。`,
      description: (
        <Space wrap>
          可执行：
          {allowed.length === 0
            ? '无'
            : allowed.map((c) => (
                <Button key={c} size="small" type="link" onClick={() => onCommand?.(c)}>
                  {titleOf(c)}
                </Button>
              ))}
        </Space>
      ),
    };
  }
  if (problem.status === 412)
    return {
      type: 'warning',
      title: '案件已被他人更新',
      description: problem.detail,
      action: onReload && (
        <Button size="small" onClick={onReload}>
          重新加载并保留填写内容
        </Button>
      ),
    };
  const errors = Array.isArray(problem.errors) ? (problem.errors as { field: string; message: string }[]) : [];
  return {
    type: 'error',
    title: problem.title,
    description: errors.length ? (
      <ul style={{ paddingLeft: 20, margin: 0 }}>
        {errors.map((e, i) => (
          <li key={i}>
            {e.field}：{e.message}
          </li>
        ))}
      </ul>
    ) : (
      problem.detail
    ),
  };
}

/** 400 field errors as the form's own field errors ("violations.0.description" → ['violations', 0, 'description']). */
export function fieldErrors(problem: Problem): { name: (string | number)[]; errors: string[] }[] {
  if (problem.status !== 400 || !Array.isArray(problem.errors)) return [];
  return (problem.errors as { field: string; message: string }[]).map((e) => ({
    name: e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
    errors: [e.message],
  }));
}
