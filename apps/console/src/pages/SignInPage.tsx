import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Col, Layout, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { api, problemText } from '../api/client';
import type { DevTokenBody, DevUser } from '../api/types';
import { OidcSignIn } from '../auth/OidcSignIn';
import type { AuthConfig } from '../auth/oidc';
import { hasDesk } from '../auth/permissions';
import { saveSession } from '../auth/session';
import { roleName } from '../cases/vocabulary';
import { LoadError } from '../forms/FilterActions';

/**
 * 登录: in AUTH_MODE=dev, choose one of the seeded users, grouped by agency, with their roles; in AUTH_MODE=oidc, on
 * to the agencies' identity provider.
 */
export default function SignInPage() {
  const [authConfig, setAuthConfig] = useState<AuthConfig | null>(null);
  const [users, setUsers] = useState<DevUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const navigate = useNavigate();
  const [params] = useSearchParams();

  useEffect(() => {
    (async () => {
      const h = (await api<AuthConfig>('/auth/config', { anonymous: true })).body;
      setAuthConfig(h);
      if (h.mode === 'dev') setUsers((await api<DevUser[]>('/auth/dev-users', { anonymous: true })).body);
    })().catch((e: unknown) => setError(problemText(e)));
  }, []);

  const byAgency = useMemo(() => {
    const groups = new Map<string, { name: string; users: DevUser[] }>();
    for (const u of users ?? []) {
      const g = groups.get(u.agencyId) ?? { name: u.agencyName ?? u.agencyId, users: [] };
      g.users.push(u);
      groups.set(u.agencyId, g);
    }
    return [...groups.entries()];
  }, [users]);

  const signIn = async (user: DevUser) => {
    setBusy(user.id);
    try {
      const body: DevTokenBody = { userId: user.id };
      const { token } = (await api<{ token: string }>('/auth/dev-token', { method: 'POST', body, anonymous: true })).body;
      saveSession({ token, user });
      void navigate(params.get('next') ?? (hasDesk(user) ? '/' : '/cases'), { replace: true });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, margin: '0 auto', width: '100%' }}>
        <main>
          <Typography.Title level={2}>安全生产行政执法办案系统 · 登录</Typography.Title>
          <LoadError title="无法登录" error={error} />
          {!authConfig && !error && <Skeleton active />}
          {authConfig?.mode === 'jwt' && (
            <Alert
              type="info"
              showIcon
              title="当前身份认证方式为 jwt"
              description="控制台支持统一身份认证（AUTH_MODE=oidc）或开发身份（AUTH_MODE=dev）登录。"
            />
          )}
          {authConfig?.mode === 'oidc' && <OidcSignIn config={authConfig} next={params.get('next')} />}
          {authConfig?.mode === 'dev' && (
            <>
              <Typography.Paragraph>开发模式：选择一位演示用户登录（按机构分组，显示其角色）。</Typography.Paragraph>
              <Row gutter={[16, 16]}>
                {byAgency.map(([agencyId, group]) => (
                  <Col key={agencyId} xs={24} md={12} xl={8}>
                    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{group.name}</h2>} size="small">
                      <List
                        dataSource={group.users}
                        renderItem={(u) => (
                          <List.Item
                            actions={[
                              <Button
                                key="in"
                                type="primary"
                                size="small"
                                loading={busy === u.id}
                                aria-label={`以 ${u.name}（${u.id}）身份登录`}
                                onClick={() => void signIn(u)}
                              >
                                登录
                              </Button>,
                            ]}
                          >
                            <Space wrap>
                              <span>{u.name}</span>
                              {u.roles.map((r) => (
                                <Tag key={r}>{roleName(r)}</Tag>
                              ))}
                            </Space>
                          </List.Item>
                        )}
                      />
                    </Card>
                  </Col>
                ))}
              </Row>
            </>
          )}
          <Typography.Paragraph style={{ marginTop: 24 }}>
            <Link to="/public">行政处罚决定公示（无需登录）</Link>
          </Typography.Paragraph>
        </main>
      </Layout.Content>
    </Layout>
  );
}
