import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Actor } from '@app/case-engine';
import { CurrentActor } from '../auth/public.decorator';
import { Access } from '../auth/access.decorator';
import * as dtos from './registry.dto';
import { RegistryService } from './registry.service';
import { AgencyListResponse, UserListResponse } from './dto/registry.response';

/**
 * `/api/v1/admin` — the organisation registry (机构与人员): agencies, users, their enforcement certificates and
 * training. For administrators (role admin) of the agency concerned or one above it. Every change is an event of the
 * `directory` stream (GET /admin/events); a refused change writes nothing.
 */
@ApiTags('机构与人员 registry')
@ApiBearerAuth()
@Access('registry.write', 'registry')
@Controller('admin')
export class RegistryController {
  constructor(private readonly registry: RegistryService) {}

  @Get('agencies')
  @ApiOperation({ summary: '机构列表 agencies the administrator administers' })
  @ApiOkResponse({ type: AgencyListResponse })
  agencies(@CurrentActor() actor: Actor) {
    return this.registry.listAgencies(actor);
  }

  @Post('agencies')
  @ApiOperation({ summary: '登记机构 register an agency (201; 409 duplicate id; 422 naming the rule)' })
  registerAgency(@Body() dto: dtos.RegisterAgencyDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.registry.registerAgency(actor, dto, req);
  }

  @Patch('agencies/:id')
  @ApiOperation({
    summary:
      '变更机构 change name, short name, parent, level, entrustment, enforcement power, or the remedy bodies and fine account its documents name',
  })
  updateAgency(@Param('id') id: string, @Body() dto: dtos.UpdateAgencyDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.registry.updateAgency(actor, id, dto, req);
  }

  @Get('users')
  @ApiOperation({ summary: '人员列表 users of an agency (default: your own), active or not' })
  @ApiOkResponse({ type: UserListResponse })
  users(@Query() q: dtos.UsersQueryDto, @CurrentActor() actor: Actor) {
    return this.registry.listUsers(actor, q);
  }

  @Get('users/:id')
  @ApiOperation({ summary: '人员详情 a user with certificate, history and training' })
  user(@Param('id') id: string, @CurrentActor() actor: Actor) {
    return this.registry.getUser(actor, id);
  }

  @Post('users')
  @ApiOperation({ summary: '登记人员 register a user (with an optional certificate)' })
  registerUser(@Body() dto: dtos.RegisterUserDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.registry.registerUser(actor, dto, req);
  }

  @Patch('users/:id')
  @ApiOperation({ summary: '变更人员 change name, roles, agency or legal qualification' })
  updateUser(@Param('id') id: string, @Body() dto: dtos.UpdateUserDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.registry.updateUser(actor, id, dto, req);
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '停用 deactivate: the user can no longer log in or act (from today)' })
  deactivate(@Param('id') id: string, @Body() dto: dtos.DeactivationReasonDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.registry.deactivateUser(actor, id, dto, req);
  }

  @Post('users/:id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复 reactivate a deactivated user' })
  reactivate(
    @Param('id') id: string,
    @Body() dto: dtos.OptionalRegistryReasonDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
  ) {
    return this.registry.reactivateUser(actor, id, dto, req);
  }

  @Post('users/:id/certificate')
  @HttpCode(200)
  @ApiOperation({ summary: '发证/换证 issue or renew the enforcement certificate (the old one is kept in the history)' })
  issueCertificate(@Param('id') id: string, @Body() dto: dtos.CertificateDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.registry.issueCertificate(actor, id, dto, req);
  }

  @Post('users/:id/certificate/status')
  @HttpCode(200)
  @ApiOperation({ summary: '暂扣/吊销/恢复 change the certificate status from a date' })
  certificateStatus(
    @Param('id') id: string,
    @Body() dto: dtos.CertificateStatusDto,
    @CurrentActor() actor: Actor,
    @Req() req: FastifyRequest,
  ) {
    return this.registry.changeCertificateStatus(actor, id, dto, req);
  }

  @Post('users/:id/training')
  @HttpCode(200)
  @ApiOperation({ summary: '登记培训 record training hours' })
  training(@Param('id') id: string, @Body() dto: dtos.TrainingDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest) {
    return this.registry.recordTraining(actor, id, dto, req);
  }

  @Get('events')
  @ApiOperation({ summary: '登记变更历史 the registry’s events with who, when and which request' })
  events(@Query() q: dtos.RegistryEventsQueryDto, @CurrentActor() actor: Actor) {
    return this.registry.history(actor, q);
  }
}
