import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { Public } from './public.decorator';
import { TokenService } from './token.service';

class DevTokenDto {
  @ApiProperty({ example: 'u-431002-officer-1' })
  @IsString()
  @IsNotEmpty()
  userId!: string;
}

/** Development identity (AUTH_MODE=dev only): list the seeded users and issue a token for one. */
@ApiTags('auth (dev) 开发身份')
@Public()
@Controller('auth')
export class DevAuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: DirectoryService,
    private readonly tokens: TokenService,
  ) {}

  private assertDev(): void {
    if (this.config.authMode !== 'dev')
      throw new ProblemException(problem(404, 'http-404', '未找到 (not found)', { detail: 'dev identity is off (AUTH_MODE is not dev)' }));
  }

  @Get('dev-users')
  @ApiOperation({ summary: '演示用户列表 seeded users' })
  devUsers() {
    this.assertDev();
    return this.directory.directory.listUsers().map(({ id, name, roles, agencyId }) => ({
      id,
      name,
      roles,
      agencyId,
      agencyName: this.directory.directory.agency(agencyId)?.name,
    }));
  }

  @Post('dev-token')
  @HttpCode(200)
  @ApiOperation({ summary: '签发开发令牌 issue a dev token' })
  async devToken(@Body() dto: DevTokenDto) {
    this.assertDev();
    if (!this.directory.directory.user(dto.userId))
      throw new ProblemException(
        problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
          detail: `userId: 用户 ${dto.userId} 不存在 (no such user)`,
          errors: [{ field: 'userId', message: `no such user ${dto.userId}`, constraints: {} }],
        }),
      );
    return { token: await this.tokens.issueDevToken(dto.userId) };
  }
}
