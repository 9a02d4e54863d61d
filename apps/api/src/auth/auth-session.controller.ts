import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/case-engine';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { Access } from './access.decorator';
import { KNOWN_ROLES } from './oidc-identity';
import { CurrentActor, Public } from './public.decorator';

/** What a sign-in client needs to know before anyone is signed in; public, and holds no secret. */
class AuthConfigDto {
  @ApiProperty({ enum: ['dev', 'jwt', 'oidc'], description: '身份认证方式 (AUTH_MODE): dev 开发身份, jwt 外部签发令牌, oidc 统一身份认证' })
  mode!: 'dev' | 'jwt' | 'oidc';

  @ApiProperty({ type: String, nullable: true, description: 'OpenID 提供方的签发者标识 (OIDC_ISSUER); 非 oidc 模式为 null' })
  issuer!: string | null;

  @ApiProperty({ type: String, nullable: true, description: '控制台在提供方登记的客户端标识 (OIDC_CLIENT_ID); 未配置控制台登录时为 null' })
  clientId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: '提供方带授权码回到控制台的路径 (OIDC_REDIRECT_PATH)',
    example: '/login/callback',
  })
  redirectPath!: string | null;

  @ApiProperty({ type: [String], description: '控制台请求的授权范围 (OIDC_SCOPES), 含 openid', example: ['openid', 'profile'] })
  scopes!: string[];
}

/** The signed-in user as the API sees them: from the token and the registry. */
class SignedInUserDto {
  @ApiProperty({ description: '用户标识 (registry user id)', example: 'u-431002-officer-1' })
  id!: string;

  @ApiProperty({ description: '姓名 (name)' })
  name!: string;

  @ApiProperty({ enum: KNOWN_ROLES, isArray: true, description: '角色 (roles)' })
  roles!: string[];

  @ApiProperty({ description: '所属机构标识 (agency id)', example: '431002' })
  agencyId!: string;

  @ApiProperty({ type: String, required: false, description: '所属机构名称 (agency name, from the registry)' })
  agencyName?: string;
}

/** How to sign in, and who is signed in: what the web console (or any client) asks first. */
@ApiTags('auth 身份')
@Controller('auth')
export class AuthSessionController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
  ) {}

  @Get('config')
  @Public()
  @ApiOperation({ summary: '登录方式 how to sign in: the identity mode and, with OIDC, the console’s client settings (no secrets)' })
  @ApiOkResponse({ type: AuthConfigDto })
  authConfig(): AuthConfigDto {
    const signIn = this.config.oidcSignIn;
    return {
      mode: this.config.authMode,
      issuer: this.config.oidc?.issuer ?? null,
      clientId: signIn?.clientId ?? null,
      redirectPath: signIn?.redirectPath ?? null,
      scopes: signIn?.scopes ?? [],
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @Access('auth.me', 'none')
  @ApiOperation({ summary: '当前用户 who am I: the user this token speaks for, with roles and agency' })
  @ApiOkResponse({ type: SignedInUserDto })
  me(@CurrentActor() actor: Actor): SignedInUserDto {
    const agencyName = this.directory.directory.agency(actor.agencyId)?.name;
    return { id: actor.id, name: actor.name, roles: [...actor.roles], agencyId: actor.agencyId, ...(agencyName ? { agencyName } : {}) };
  }
}
