// A real OpenID provider (oidc-provider) for the console's browser test, in its own process: oidc-provider is an ES
// module, which jest's module system does not load. Configured by the environment; prints one JSON line
// {"issuer": …} on stdout once it listens. Its built-in development interactions take any login name and password:
// a name that is one of ACCOUNTS signs in as that account.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const { PORT, CLIENT_ID, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI, AUDIENCE } = process.env;
/** { userId: { name, agency_id, roles } }: the claims casetrail's OIDC_IDENTITY_SOURCE=claims reads. */
const ACCOUNTS = JSON.parse(process.env.ACCOUNTS ?? '{}');
const issuer = `http://127.0.0.1:${PORT}`;
const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      // A browser app keeps no secret: a public client, PKCE instead (RFC 7636).
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [POST_LOGOUT_REDIRECT_URI],
    },
  ],
  jwks: { keys: [{ ...signingKey, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
  cookies: { keys: ['casetrail-oidc-test-only'] },
  claims: { openid: ['sub'], profile: ['name'] },
  async findAccount(_ctx, id) {
    const account = ACCOUNTS[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: account.name }) };
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    // Access tokens for casetrail's API: JWTs whose audience is the API (its OIDC_AUDIENCE), without the console
    // having to name the resource.
    resourceIndicators: {
      enabled: true,
      defaultResource: () => 'urn:casetrail:api',
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'openid profile',
        audience: AUDIENCE,
        accessTokenFormat: 'jwt',
        accessTokenTTL: 600,
        jwt: { sign: { alg: 'RS256' } },
      }),
    },
  },
  // The agency and roles in every access token, under the claim names casetrail reads by default.
  async extraTokenClaims(_ctx, token) {
    const account = ACCOUNTS[token.accountId];
    return account ? { name: account.name, agency_id: account.agency_id, roles: account.roles } : undefined;
  },
  // As most enterprise providers do: a refresh token for the console without asking for offline_access.
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  clientBasedCORS: (_ctx, origin, client) => client.redirectUris.some((uri) => new URL(uri).origin === origin),
  pkce: { required: () => true },
});

provider.listen(Number(PORT), '127.0.0.1', () => console.log(JSON.stringify({ issuer })));
