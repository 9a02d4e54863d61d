import { useEffect, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { Alert, Card, List, Skeleton, Space, Table, Tag } from 'antd';
import { api, problemText } from '../api/client';
import { commandTitle } from '../api/openapi-doc';
import type { AwaitingPage, CaseSearchItem, CaseSearchPage, CaseView, DeadlineItem, DeadlinePage } from '../api/types';
import { DeadlineList } from '../deadlines/DeadlineList';
import { hasDesk, pendingFor } from '../auth/permissions';
import { currentSession } from '../auth/session';
import { stageColor, stageName } from '../cases/stages';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';
import { LoadError } from '../forms/FilterActions';
import { PageTitle } from '../layout/PageTitle';

/** How many of my cases, and of the cases awaiting me, the desk lists (newest activity first). */
const DESK_WINDOW = 20;

/** 督办 awaiting a reply on one of my cases: the notice and its reply deadline. */
interface Notice {
  view: CaseView;
  deadline: DeadlineItem;
}

/**
 * 工作台: my cases; 待办 — the cases whose stage awaits a step of mine (GET /cases/awaiting-me), each confirmed against
 * its view's allowed commands; 预警 — deadlines due within the configured working days or missed; and the 督办
 * notices on my cases until they are answered.
 */
export default function DeskPage() {
  const user = currentSession()!.user;
  const doc = useOpenApiDocument();
  const [mine, setMine] = useState<CaseSearchItem[] | null>(null);
  const [pending, setPending] = useState<{ view: CaseView; commands: string[] }[] | null>(null);
  const [warnings, setWarnings] = useState<DeadlinePage | null>(null);
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!hasDesk(user)) return;
    const fail = (e: unknown) => setError(problemText(e));
    const view = (caseId: string) => api<CaseView>(`/cases/${caseId}`).then((r) => r.body);
    // Officers watch the cases they handle; heads and reviewers their agency's.
    const scope = user.roles.includes('officer') ? 'mine' : 'agency';
    (async () => {
      const [own, awaiting] = await Promise.all([
        api<CaseSearchPage>('/cases', { query: { officerId: user.id, sort: 'updatedAt', order: 'desc', pageSize: DESK_WINDOW } }),
        api<AwaitingPage>('/cases/awaiting-me', { query: { pageSize: DESK_WINDOW } }),
      ]);
      setMine(own.body.items);
      // The server lists by stage; each case's view says which of its steps are open to me in its exact state.
      const views = await Promise.all(awaiting.body.items.map((c) => view(c.caseId)));
      setPending(views.map((v) => ({ view: v, commands: pendingFor(user, v) })).filter((p) => p.commands.length > 0));
    })().catch(fail);
    api<DeadlinePage>('/deadlines', { query: { scope, pageSize: 100 } })
      .then((r) => setWarnings(r.body))
      .catch(fail);
    if (scope === 'mine')
      (async () => {
        // A 督办 reply is due within at most 30 working days (the notice names them).
        const replies = (
          await api<DeadlinePage>('/deadlines', { query: { scope, dueWithinWorkingDays: 30, pageSize: 100 } })
        ).body.items.filter((d) => d.kind === 'supervision_reply');
        const found = await Promise.all(replies.map(async (deadline) => ({ view: await view(deadline.caseId), deadline })));
        setNotices(found.filter((n) => n.view.openSupervisions.length > 0));
      })().catch(fail);
    else setNotices([]);
  }, [user.id]); // the user is what the desk depends on: reload when another signs in

  if (!hasDesk(user)) return <Navigate to="/cases" replace />;

  return (
    <>
      <PageTitle>工作台</PageTitle>
      <LoadError title="加载失败" error={error} />
      {notices && notices.length > 0 && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>督办通知</h2>} style={{ marginBottom: 16 }} data-testid="supervision-notices">
          <List
            aria-label="督办通知"
            dataSource={notices}
            renderItem={({ view, deadline }) => {
              const s = view.openSupervisions[0];
              return (
                <List.Item>
                  <Alert
                    type="warning"
                    showIcon
                    style={{ width: '100%' }}
                    title={
                      <Space wrap>
                        <Link to={`/cases/${view.caseId}`}>{view.caseNo ?? '待立案'}</Link>
                        <span>{view.party.name}</span>
                        <span>督办事由：{s.reason}</span>
                        <span>请于 {s.replyDueDate} 前回复</span>
                      </Space>
                    }
                    description={`督办人 ${s.supervisorId}；回复期限剩余 ${deadline.workingDaysLeft ?? '?'} 个工作日`}
                  />
                </List.Item>
              );
            }}
          />
        </Card>
      )}
      <Card
        title={
          <h2 style={{ fontSize: 16, margin: 0 }}>预警{warnings ? `（${warnings.dueWithinWorkingDays} 个工作日内届满或已逾期）` : ''}</h2>
        }
        style={{ marginBottom: 16 }}
      >
        <DeadlineList items={warnings?.items ?? null} label="预警" empty="暂无预警：没有即将届满或已逾期的期限。" />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>待办</h2>} style={{ marginBottom: 16 }}>
        {!pending || !doc ? (
          <Skeleton active />
        ) : (
          <List
            aria-label="待办"
            dataSource={pending}
            locale={{ emptyText: '暂无待办：没有等待您处理的案件。' }}
            renderItem={({ view, commands }) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/cases/${view.caseId}`}>{view.caseNo ?? '待立案'}</Link>
                  <span>{view.party.name}</span>
                  <Tag color={stageColor(view.stage)}>{view.stageName.zh}</Tag>
                  {commands.map((c) => (
                    <Tag key={c} color="processing">
                      {commandTitle(doc, c)}
                    </Tag>
                  ))}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>我承办的案件</h2>}>
        <Table<CaseSearchItem>
          rowKey="caseId"
          size="small"
          loading={!mine}
          dataSource={mine ?? []}
          pagination={false}
          locale={{ emptyText: '您目前没有承办的案件。可在「案件查询」中立案登记。' }}
          columns={[
            {
              title: '案件编号',
              dataIndex: 'caseNo',
              render: (no: string | null, r) => <Link to={`/cases/${r.caseId}`}>{no ?? '待立案'}</Link>,
            },
            { title: '当事人', dataIndex: ['party', 'name'] },
            { title: '阶段', dataIndex: 'stage', render: (s: string) => <Tag color={stageColor(s)}>{stageName(s)}</Tag> },
            {
              title: '逾期',
              dataIndex: 'overdue',
              render: (o: string[]) =>
                o.map((k) => (
                  <Tag key={k} color="error">
                    {k}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </>
  );
}
