import { useEffect, useState } from 'react';
import { Link, Navigate } from 'react-router';
import { Alert, Card, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ApiError, api } from '../api/client';
import { commandTitle } from '../api/openapi-doc';
import type { CaseSearchItem, CaseSearchPage, CaseView } from '../api/types';
import { hasDesk, pendingFor } from '../auth/permissions';
import { currentSession } from '../auth/session';
import { stageColor, stageName } from '../cases/stages';
import { useOpenApiDocument } from '../forms/useOpenApiDocument';

/** How many recently updated cases of the agency the desk looks through for steps awaiting the user. */
const DESK_WINDOW = 20;

/** 工作台: my cases, and 待办 — every case where I may act now. */
export default function DeskPage() {
  const user = currentSession()!.user;
  const doc = useOpenApiDocument();
  const [mine, setMine] = useState<CaseSearchItem[] | null>(null);
  const [pending, setPending] = useState<{ view: CaseView; commands: string[] }[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!hasDesk(user)) return;
    (async () => {
      const [own, recent] = await Promise.all([
        api<CaseSearchPage>('/cases', { query: { officerId: user.id, sort: 'updatedAt', order: 'desc', pageSize: DESK_WINDOW } }),
        api<CaseSearchPage>('/cases', { query: { sort: 'updatedAt', order: 'desc', pageSize: DESK_WINDOW } }),
      ]);
      setMine(own.body.items);
      // allowedCommands is part of each case's view: read the views of the agency's recent cases.
      const views = await Promise.all(recent.body.items.map((c) => api<CaseView>(`/cases/${c.caseId}`).then((r) => r.body)));
      setPending(views.map((view) => ({ view, commands: pendingFor(user, view) })).filter((p) => p.commands.length > 0));
    })().catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [user.id]); // the user is what the desk depends on: reload when another signs in

  if (!hasDesk(user)) return <Navigate to="/cases" replace />;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        工作台
      </Typography.Title>
      {error && <Alert type="error" showIcon title="加载失败" description={error} style={{ marginBottom: 16 }} />}
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
                  <span>{(view.party as { name?: string }).name}</span>
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
