import { Alert } from 'antd';

/** A registry refusal: its title, and whatever the form's fields could not show (the rest is on the fields). */
export function RegistryProblemAlert({ problem }: { problem: { title: string; detail?: string; unplaced: string[] } | null }) {
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
