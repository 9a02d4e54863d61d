import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Layout, Skeleton, Typography } from 'antd';
import { ApiError, api } from '../api/client';
import { completeSignIn, type AuthConfig } from '../auth/oidc';
import { hasDesk } from '../auth/permissions';
import { saveSession, type SessionUser } from '../auth/session';

/**
 * Where the OpenID provider sends the browser back (OIDC_REDIRECT_PATH, under /login/): the code is exchanged for
 * tokens, and the API says who the token speaks for (GET /auth/me), as it will on every request.
 */
export default function OidcCallbackPage() {
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const done = useRef(false);

  useEffect(() => {
    // The code can be exchanged once only.
    if (done.current) return;
    done.current = true;
    (async () => {
      const config = (await api<AuthConfig>('/auth/config', { anonymous: true })).body;
      if (config.mode !== 'oidc' || window.location.pathname !== config.redirectPath) {
        void navigate('/login', { replace: true });
        return;
      }
      const { token, oidc, next } = await completeSignIn(config, new URL(window.location.href));
      const me = await api<SessionUser>('/auth/me', { anonymous: true, headers: { authorization: `Bearer ${token}` } });
      saveSession({ token, user: me.body, oidc });
      void navigate(next ?? (hasDesk(me.body) ? '/' : '/cases'), { replace: true });
    })().catch((e: unknown) => setError(e instanceof ApiError || e instanceof Error ? e.message : String(e)));
  }, [navigate]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, margin: '0 auto', width: '100%' }}>
        <main>
          <Typography.Title level={2}>安全生产行政执法办案系统 · 登录</Typography.Title>
          {error ? (
            <>
              <Alert type="error" showIcon title="登录未完成" description={error} style={{ marginBottom: 16 }} />
              <Link to="/login">重新登录</Link>
            </>
          ) : (
            <Skeleton active />
          )}
        </main>
      </Layout.Content>
    </Layout>
  );
}
