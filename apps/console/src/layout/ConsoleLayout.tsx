import { useEffect, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { whenSignedOut } from '../api/client';
import { endSessionUrl, markSignedOut } from '../auth/oidc';
import { hasDesk, mayUse, maySupervise } from '../auth/permissions';
import { clearSession, currentSession, type SessionUser } from '../auth/session';
import { roleName } from '../cases/vocabulary';

interface NavEntry {
  path: string;
  label: string;
  visible: (user: SessionUser) => boolean;
}

// Only pages that the user's roles may use are listed (the API's access table decides).
const NAV: NavEntry[] = [
  { path: '/', label: '工作台', visible: hasDesk },
  { path: '/cases', label: '案件查询', visible: (u) => mayUse(u, 'cases.search') },
  { path: '/audit', label: '审计日志', visible: (u) => mayUse(u, 'audit.read') },
  { path: '/integrity', label: '完整性校验', visible: (u) => mayUse(u, 'integrity.read') },
  { path: '/supervision', label: '督办', visible: maySupervise },
  { path: '/assessment', label: '考核', visible: (u) => mayUse(u, 'reports.read') },
  { path: '/consistency', label: '裁量一致性', visible: (u) => mayUse(u, 'reports.read') },
  { path: '/interference', label: '干预记录', visible: (u) => mayUse(u, 'interference.read') },
  { path: '/registry', label: '机构与人员', visible: (u) => mayUse(u, 'registry.write') || mayUse(u, 'reports.staffing') },
];

export function navFor(user: SessionUser): NavEntry[] {
  return NAV.filter((n) => n.visible(user));
}

export function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = currentSession()!;
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => whenSignedOut(() => void navigate('/login', { replace: true })), [navigate]);
  const entries = navFor(session.user);
  const selected = entries
    .filter((e) => (e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path)))
    .map((e) => e.path);
  const signOut = () => {
    // Signed in at an OpenID provider: end its session too (RP-initiated logout), which comes back to /login. The
    // session as it is now: a refresh since this render brought a newer ID token to name as the hint.
    const ending = currentSession() ?? session;
    const providerLogout = endSessionUrl(ending);
    clearSession();
    if (ending.oidc) markSignedOut();
    if (providerLogout) window.location.assign(providerLogout);
    else void navigate('/login', { replace: true });
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#001529' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>
          安全生产行政执法办案系统
        </Typography.Text>
        <Space>
          <span style={{ color: '#fff' }} data-testid="signed-in-user">
            {session.user.name}（{session.user.agencyName ?? session.user.agencyId}）
          </span>
          {session.user.roles.map((r) => (
            <Tag key={r} color="blue">
              {roleName(r)}
            </Tag>
          ))}
          <Button size="small" onClick={signOut}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label="主导航">
            <Menu
              mode="inline"
              selectedKeys={selected}
              items={entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{e.label}</Link> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <main>{children}</main>
        </Layout.Content>
      </Layout>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Link to="/public">信息公示</Link>
      </Layout.Footer>
    </Layout>
  );
}
