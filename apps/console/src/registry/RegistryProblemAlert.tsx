import type { ReactNode } from 'react';
import { Alert, Button } from 'antd';

/** A registry refusal: its title, and whatever the form's fields could not show (the rest is on the fields). */
type RegistryProblem = { title: string; detail?: string; unplaced: string[] } | null;

/** A registry form's foot: the refusal, if any, above the submit button. */
export function RegistrySubmit({
  problem,
  busy,
  danger,
  children,
}: {
  problem: RegistryProblem;
  busy: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <RegistryProblemAlert problem={problem} />
      <Button type="primary" danger={danger} htmlType="submit" loading={busy}>
        {children}
      </Button>
    </>
  );
}

export function RegistryProblemAlert({ problem }: { problem: RegistryProblem }) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={problem.title}
      description={
        problem.unplaced.length ? (
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            {problem.unplaced.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        ) : (
          (problem.detail ?? '请按标出的字段修改后重新提交。')
        )
      }
    />
  );
}
