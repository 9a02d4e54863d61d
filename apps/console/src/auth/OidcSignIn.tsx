import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { beginSignIn, signedOutHere, type AuthConfig } from './oidc';

/**
 * 统一身份认证: AUTH_MODE=oidc. Arriving here goes straight on to the provider's sign-in page, except right after
 * signing out (then it waits for a click, or the person would be signed in again at once).
 */
export function OidcSignIn({ config, next }: { config: AuthConfig; next: string | null }) {
  const [error, setError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const arrived = useRef(false);
  const signedOut = signedOutHere();
  const configured = Boolean(config.issuer && config.clientId && config.redirectPath);

  const start = () => {
    setLeaving(true);
    setError(null);
    // Only a path of this console is a place to come back to (never another site).
    beginSignIn(config, next && /^\/(?![/\\])/.test(next) ? next : null).catch((e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
      setLeaving(false);
    });
  };

  useEffect(() => {
    // Once, on arrival (a second run of the effect must not start a second sign-in).
    if (arrived.current) return;
    arrived.current = true;
    if (configured && !signedOut) start();
  });

  if (!configured)
    return (
      <Alert
        type="warning"
        showIcon
        title="控制台尚未配置统一身份认证登录"
        description="请管理员设置 OIDC_CLIENT_ID（控制台在身份提供方登记的客户端标识），见 docs/configuration.md。"
      />
    );
  return (
    <Space orientation="vertical" size="middle">
      {signedOut && <Alert type="success" showIcon title="您已退出登录" />}
      {error && <Alert type="error" showIcon title="无法前往统一身份认证" description={error} />}
      <Typography.Paragraph>使用本单位统一身份认证账号登录（{config.issuer}）。</Typography.Paragraph>
      <Button type="primary" size="large" loading={leaving} onClick={start}>
        使用统一身份认证登录
      </Button>
    </Space>
  );
}
