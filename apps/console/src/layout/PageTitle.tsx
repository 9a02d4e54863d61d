import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';

/** A page's one heading (h1), with the page's actions at its right when it has any. */
export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  const title = (
    <Typography.Title level={1} style={{ fontSize: 22 }}>
      {children}
    </Typography.Title>
  );
  if (!actions) return title;
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
      {title}
      <Space>{actions}</Space>
    </Space>
  );
}
