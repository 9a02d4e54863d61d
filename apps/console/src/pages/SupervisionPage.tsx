import { useEffect, useState } from 'react';
import { Navigate } from 'react-router';
import { Card, Typography } from 'antd';
import { api, problemText } from '../api/client';
import type { DeadlineItem, DeadlinePage } from '../api/types';
import { maySupervise } from '../auth/permissions';
import { currentSession } from '../auth/session';
import { DeadlineList } from '../deadlines/DeadlineList';
import { LoadError } from '../forms/FilterActions';
import { PageTitle } from '../layout/PageTitle';

/**
 * 督办: overdue and soon-due deadlines across the supervisor's agency and those below it, each linking to its case,
 * where the case's command form issues the 督办 notice (supervise-case).
 */
export default function SupervisionPage() {
  const user = currentSession()!.user;
  const [overdue, setOverdue] = useState<DeadlineItem[] | null>(null);
  const [soon, setSoon] = useState<DeadlinePage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!maySupervise(user)) return;
    const tree = { agencyId: user.agencyId, includeSubordinates: true, pageSize: 100 };
    const fail = (e: unknown) => setError(problemText(e));
    api<DeadlinePage>('/deadlines', { query: { ...tree, status: 'overdue' } })
      .then((r) => setOverdue(r.body.items))
      .catch(fail);
    api<DeadlinePage>('/deadlines', { query: { ...tree, status: 'soon' } })
      .then((r) => setSoon(r.body))
      .catch(fail);
  }, [user.id]);

  if (!maySupervise(user)) return <Navigate to="/" replace />;
  return (
    <>
      <PageTitle>督办</PageTitle>
      <Typography.Paragraph>本机关及下级机关已逾期、即将届满的期限。打开案件后可在「督办」表单中下达督办通知。</Typography.Paragraph>
      <LoadError title="加载失败" error={error} />
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>已逾期</h2>} style={{ marginBottom: 16 }}>
        <DeadlineList items={overdue} label="已逾期" empty="没有已逾期的期限。" />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>即将届满{soon ? `（${soon.dueWithinWorkingDays} 个工作日内）` : ''}</h2>}>
        <DeadlineList items={soon?.items ?? null} label="即将届满" empty="没有即将届满的期限。" />
      </Card>
    </>
  );
}
