import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Drawer, Modal, Row, Space, Switch, Table, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { AGENCY_LEVEL_NAMES } from '@workflows/enforcement-case/vocabulary/agency-levels';
import { zhName } from '@workflows/enforcement-case/vocabulary/name';
import { ROLE_NAMES } from '@workflows/enforcement-case/vocabulary/roles';
import { ApiError, api } from '../api/client';
import { useApiRead } from '../api/useApiRead';
import { currentSession } from '../auth/session';
import { RegisterAgencyForm } from './AgencyForm';
import { ActivationForm, CertificateForm, CertificateStatusForm, RegisterUserForm, TrainingForm } from './UserForms';
import { registryEventName } from './registry-events';
import type { AgencyView, RegistryEvent, User } from './registry-types';

/** The agencies as a tree under their parents (an agency whose parent the administrator does not see is a root). */
function agencyTree(agencies: AgencyView[]): TreeDataNode[] {
  const ids = new Set(agencies.map((a) => a.id));
  const node = (a: AgencyView): TreeDataNode => ({
    key: a.id,
    title: (
      <span>
        <span>{a.name}</span>
        <Typography.Text type="secondary">（{zhName(AGENCY_LEVEL_NAMES, a.level)}）</Typography.Text>
        {a.entrustedBy && <Tag style={{ marginLeft: 4 }}>受委托组织</Tag>}
        {a.enforcementPower && (
          <Tag color="processing" style={{ marginLeft: 4 }}>
            执法主体
          </Tag>
        )}
      </span>
    ),
    children: agencies.filter((c) => c.parentId === a.id).map(node),
  });
  return agencies.filter((a) => !a.parentId || !ids.has(a.parentId)).map(node);
}

function certificateText(u: User): string {
  const c = u.certificate;
  if (!c) return '未持证';
  const status = c.status === 'valid' ? '' : `，${c.status === 'suspended' ? '暂扣' : '吊销'}${c.statusFrom ? `自 ${c.statusFrom}` : ''}`;
  return `${c.number}（${c.validFrom} 至 ${c.validUntil}${status}）`;
}

type UserDialog = 'training' | 'activation' | 'certificate' | 'certificateStatus';
type Dialog = { kind: 'agency' } | { kind: 'user' } | { kind: UserDialog; user: User };

const DIALOG_TITLES: Record<UserDialog, (u: User) => string> = {
  training: (u) => `登记培训：${u.name}`,
  activation: (u) => `${u.active ? '停用' : '恢复'}：${u.name}`,
  certificate: (u) => `发证/换证：${u.name}`,
  certificateStatus: (u) => `执法证状态：${u.name}`,
};

/** 机构与人员: the agencies tree, the users of the chosen agency, and the changes an administrator makes to them. */
export function RegistryAdmin() {
  const me = currentSession()!.user;
  const [agencies, setAgencies] = useState<AgencyView[]>([]);
  const [selected, setSelected] = useState(me.agencyId);
  const [withSubordinates, setWithSubordinates] = useState(false);
  const usersRead = useApiRead<{ items: User[] }>('/admin/users', { agencyId: selected, includeSubordinates: withSubordinates });
  const users = usersRead.data?.items ?? null;
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [details, setDetails] = useState<{ user: User; events: RegistryEvent[] } | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));

  const loadAgencies = useCallback(() => {
    api<{ items: AgencyView[] }>('/admin/agencies')
      .then((r) => setAgencies(r.body.items))
      .catch(fail);
  }, []);
  useEffect(loadAgencies, [loadAgencies]);

  const names = useMemo(() => new Map(agencies.map((a) => [a.id, a.name])), [agencies]);
  const tree = useMemo(() => agencyTree(agencies), [agencies]);
  const year = String(new Date().getFullYear());

  const openDetails = (u: User) => {
    Promise.all([
      api<{ user: User }>(`/admin/users/${u.id}`),
      api<{ items: RegistryEvent[] }>('/admin/events', { query: { subjectId: u.id } }),
    ])
      .then(([user, events]) => setDetails({ user: user.body.user, events: events.body.items }))
      .catch(fail);
  };
  const changed = () => {
    setDialog(null);
    loadAgencies();
    usersRead.reload();
  };

  return (
    <>
      {(error ?? usersRead.error) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="操作失败"
          description={error ?? usersRead.error}
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setError(null) }}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>机构</h2>}
            extra={
              <Button size="small" onClick={() => setDialog({ kind: 'agency' })}>
                登记机构
              </Button>
            }
          >
            {tree.length > 0 && (
              <Tree
                aria-label="机构树"
                treeData={tree}
                defaultExpandAll
                selectedKeys={[selected]}
                onSelect={(keys) => keys[0] && setSelected(String(keys[0]))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>人员：{names.get(selected) ?? selected}</h2>}
            extra={
              <Space>
                <Switch checked={withSubordinates} onChange={setWithSubordinates} aria-label="含下级机构人员" />
                <span>含下级</span>
                <Button type="primary" size="small" onClick={() => setDialog({ kind: 'user' })}>
                  登记人员
                </Button>
              </Space>
            }
          >
            <Table<User>
              rowKey="id"
              size="small"
              loading={usersRead.loading}
              dataSource={users ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: true }}
              columns={[
                { title: '姓名', dataIndex: 'name' },
                { title: '编号', dataIndex: 'id' },
                { title: '所属机构', dataIndex: 'agencyId', render: (id: string) => names.get(id) ?? id },
                {
                  title: '角色',
                  dataIndex: 'roles',
                  render: (roles: string[]) => roles.map((r) => <Tag key={r}>{zhName(ROLE_NAMES, r)}</Tag>),
                },
                { title: '执法证', key: 'certificate', render: (_: unknown, u) => certificateText(u) },
                { title: `${year} 年培训学时`, key: 'training', render: (_: unknown, u) => u.trainingHoursByYear[year] ?? 0 },
                {
                  title: '状态',
                  dataIndex: 'active',
                  render: (active: boolean, u) =>
                    active ? (
                      <Tag>在职</Tag>
                    ) : (
                      <Typography.Text type="danger">停用{u.inactiveFrom ? `（自 ${u.inactiveFrom}）` : ''}</Typography.Text>
                    ),
                },
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, u) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => openDetails(u)} aria-label={`${u.name} 详情`}>
                        详情
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setDialog({ kind: 'training', user: u })}
                        aria-label={`为 ${u.name} 登记培训`}
                      >
                        登记培训
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setDialog({ kind: 'certificate', user: u })}
                        aria-label={`为 ${u.name} 发证或换证`}
                      >
                        发证
                      </Button>
                      {u.certificate && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setDialog({ kind: 'certificateStatus', user: u })}
                          aria-label={`变更 ${u.name} 的执法证状态`}
                        >
                          证件状态
                        </Button>
                      )}
                      <Button
                        type="link"
                        size="small"
                        danger={u.active}
                        onClick={() => setDialog({ kind: 'activation', user: u })}
                        aria-label={`${u.active ? '停用' : '恢复'} ${u.name}`}
                      >
                        {u.active ? '停用' : '恢复'}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={dialog !== null}
        onCancel={() => setDialog(null)}
        footer={null}
        destroyOnHidden
        title={
          !dialog
            ? ''
            : dialog.kind === 'agency'
              ? '登记机构'
              : dialog.kind === 'user'
                ? '登记人员'
                : DIALOG_TITLES[dialog.kind](dialog.user)
        }
      >
        {dialog?.kind === 'agency' && <RegisterAgencyForm agencies={agencies} parentId={selected} onDone={changed} />}
        {dialog?.kind === 'user' && <RegisterUserForm agencies={agencies} defaultAgencyId={selected} onDone={changed} />}
        {dialog?.kind === 'training' && <TrainingForm user={dialog.user} onDone={changed} />}
        {dialog?.kind === 'activation' && <ActivationForm user={dialog.user} onDone={changed} />}
        {dialog?.kind === 'certificate' && <CertificateForm user={dialog.user} onDone={changed} />}
        {dialog?.kind === 'certificateStatus' && <CertificateStatusForm user={dialog.user} onDone={changed} />}
      </Modal>
      <Drawer open={details !== null} onClose={() => setDetails(null)} size="large" title={details ? `人员详情：${details.user.name}` : ''}>
        {details && <UserDetails user={details.user} events={details.events} agencyName={names.get(details.user.agencyId)} />}
      </Drawer>
    </>
  );
}

function UserDetails({ user, events, agencyName }: { user: User; events: RegistryEvent[]; agencyName?: string }) {
  return (
    <>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="编号">{user.id}</Descriptions.Item>
        <Descriptions.Item label="所属机构">{agencyName ?? user.agencyId}</Descriptions.Item>
        <Descriptions.Item label="角色">{user.roles.map((r) => zhName(ROLE_NAMES, r)).join('、')}</Descriptions.Item>
        <Descriptions.Item label="法律职业资格">{user.legalQualification ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="执法证">{certificateText(user)}</Descriptions.Item>
        <Descriptions.Item label="以往执法证">
          {(user.certificateHistory ?? []).map((c) => `${c.number}（${c.validFrom} 至 ${c.validUntil}）`).join('；') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="各年度培训学时">
          {Object.entries(user.trainingHoursByYear)
            .map(([y, h]) => `${y} 年 ${h} 学时`)
            .join('；') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="状态">{user.active ? '在职' : `停用（自 ${user.inactiveFrom ?? '—'}）`}</Descriptions.Item>
      </Descriptions>
      <h3 style={{ fontSize: 15, marginTop: 24 }}>培训记录</h3>
      <Table
        rowKey={(t) => `${t.date}-${t.course}`}
        size="small"
        pagination={false}
        dataSource={user.training ?? []}
        locale={{ emptyText: '未经本系统登记培训' }}
        columns={[
          { title: '日期', dataIndex: 'date' },
          { title: '年度', dataIndex: 'year' },
          { title: '课程', dataIndex: 'course' },
          { title: '学时', dataIndex: 'hours' },
        ]}
      />
      <h3 style={{ fontSize: 15, marginTop: 24 }}>登记变更历史</h3>
      <Table<RegistryEvent>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={events}
        columns={[
          { title: '版本', dataIndex: 'revision' },
          { title: '变更', dataIndex: 'type', render: registryEventName },
          { title: '操作人', key: 'actor', render: (_: unknown, e) => e.metadata.actor?.name ?? e.metadata.actor?.id ?? '初始登记' },
          { title: '记录时间', key: 'at', render: (_: unknown, e) => e.metadata.recordedAt?.slice(0, 19).replace('T', ' ') ?? '—' },
        ]}
      />
    </>
  );
}
