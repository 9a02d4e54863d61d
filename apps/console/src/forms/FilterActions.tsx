import type { ReactNode } from 'react';
import { Alert, Button, Form, Space } from 'antd';

/** The buttons under a filter form: run it, optionally reset it, and what else the page offers (an export). */
export function FilterActions({ submit = '查询', onReset, children }: { submit?: string; onReset?: () => void; children?: ReactNode }) {
  return (
    <Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {submit}
        </Button>
        {onReset && <Button onClick={onReset}>重置</Button>}
        {children}
      </Space>
    </Form.Item>
  );
}

/** Why a list or report could not be loaded, as the API said it (nothing when there is no error). */
export function LoadError({ title, error }: { title: string; error: string | null | undefined }) {
  return error ? <Alert type="error" showIcon role="alert" title={title} description={error} style={{ marginBottom: 16 }} /> : null;
}
