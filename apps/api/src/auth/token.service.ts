import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { Actor } from '@app/case-engine';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';

const unauthorized = (detail: string) =>
  new ProblemException(problem(401, 'unauthorized', '未认证或令牌无效 (not authenticated or invalid token)', { detail }));

/** Bearer JWTs: verified on every request; the actor comes from the token and the registry, never from a body. */
@Injectable()
export class TokenService {
  private readonly key: Uint8Array;
  /**
   * Tokens already verified (subject and expiry), so a client's every request does not pay for the
   * signature again; the registry lookup still runs per request. Bounded, oldest dropped first.
   */
  private readonly verified = new Map<string, { sub: string; exp: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {
    this.key = new TextEncoder().encode(config.jwtSecret);
  }

  async issueDevToken(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(this.config.jwtIssuer)
      .setAudience(this.config.jwtAudience)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.key);
  }

  async verify(authorization: string | undefined): Promise<Actor> {
    if (!authorization?.startsWith('Bearer ')) throw unauthorized('缺少 Bearer 令牌 (missing bearer token)');
    const token = authorization.slice(7).trim();
    const sub = await this.subjectOf(token);
    const user = sub ? this.directory.directory.user(sub) : undefined;
    if (!user) throw unauthorized(`用户未登记 (user ${sub} is not registered)`);
    if (!user.active) throw new ProblemException(problem(401, 'user-deactivated', '用户已停用 (user deactivated)', { detail: `用户 ${user.id} 自 ${user.inactiveFrom} 起已停用 (user ${user.id} is deactivated)` }));
    return { id: user.id, name: user.name, roles: user.roles, agencyId: user.agencyId };
  }

  private async subjectOf(token: string): Promise<string | undefined> {
    const known = this.verified.get(token);
    if (known && known.exp * 1000 > Date.now()) return known.sub;
    this.verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: this.config.jwtIssuer,
        audience: this.config.jwtAudience,
        algorithms: ['HS256'],
      });
      if (payload.sub && payload.exp) {
        if (this.verified.size >= 10_000) this.verified.delete(this.verified.keys().next().value as string);
        this.verified.set(token, { sub: payload.sub, exp: payload.exp });
      }
      return payload.sub;
    } catch (e) {
      throw unauthorized(`令牌校验失败 (token rejected): ${(e as Error).message}`);
    }
  }
}
