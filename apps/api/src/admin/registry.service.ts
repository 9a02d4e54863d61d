import { Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Actor } from '@app/case-engine';
import { toShanghaiDate } from '@app/calendar';
import { StoredEvent } from '@app/event-store';
import {
  AGENCY_DOCUMENT_FIELDS,
  Agency,
  Directory,
  DirectoryEvent,
  RegistryDecision,
  User,
  decideChangeCertificateStatus,
  decideDeactivateUser,
  decideIssueCertificate,
  decideReactivateUser,
  decideRecordTraining,
  decideRegisterAgency,
  decideRegisterUser,
  decideUpdateAgency,
  decideUpdateUser,
  directoryEventAgencies,
  hasEnforcementPower,
} from '@app/directory';
import { CLOCK, Clock } from '../core/clock';
import { DirectoryEventMetadata, DirectoryService } from '../directory/directory.service';
import { requestTrace } from '../http/tracing';
import { ProblemException, problem } from '../problem/problem';
import { assertRegistryAdmin, canAdministerRegistry } from './registry-admin';
import { AccessPolicy } from '../auth/access-policy';
import { AgencyScope } from '../auth/agency-scope';
import * as dtos from './registry.dto';

const TITLES = {
  404: '未找到 (not found)',
  409: '与登记现状冲突 (conflicts with the registry)',
  422: '不符合登记规则 (registry rule not met)',
} as const;

export interface RegistryEventJson {
  id: string;
  type: string;
  revision: number;
  position: string;
  data: unknown;
  metadata: unknown;
}

const eventJson = (e: StoredEvent): RegistryEventJson => ({
  id: e.id,
  type: e.type,
  revision: e.revision,
  position: e.position.toString(),
  data: e.data,
  metadata: e.metadata,
});

/** The API's view of an agency: enforcement power resolved for entries written before the field existed. */
const agencyView = (a: Agency) => ({ ...a, enforcementPower: hasEnforcementPower(a) });

/**
 * 机构与人员登记: each admin request is checked (assertRegistryAdmin), decided by the registry rules on the registry
 * as it stands, and written as events of the `directory` stream with who, when and which request — nothing is
 * written when a rule refuses.
 */
@Injectable()
export class RegistryService {
  constructor(
    private readonly directories: DirectoryService,
    private readonly policy: AccessPolicy,
    private readonly scope: AgencyScope,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private get dir(): Directory {
    return this.directories.directory;
  }

  private today(): string {
    return toShanghaiDate(this.clock().toISOString());
  }

  private async write(command: string, actor: Actor, req: FastifyRequest, decide: (dir: Directory) => RegistryDecision) {
    const now = this.clock().toISOString();
    const metadata: Omit<DirectoryEventMetadata, 'agencyIds'> = { actor, command, occurredAt: now, recordedAt: now, ...requestTrace(req) };
    const result = await this.directories.change(decide, metadata);
    if (!result.ok) {
      throw new ProblemException(
        problem(
          result.status,
          result.status === 422 ? 'registry-rule-not-met' : result.status === 409 ? 'registry-conflict' : 'http-404',
          TITLES[result.status],
          {
            detail: result.violations.map((v) => `${v.field}: ${v.message.zh} — ${v.detail}`).join('\n'),
            violations: result.violations,
            errors: result.violations.map((v) => ({
              field: v.field,
              message: `${v.message.zh} (${v.message.en}): ${v.detail}`,
              constraints: { [v.rule]: v.message.en },
            })),
          },
        ),
      );
    }
    return { revision: result.revision, events: result.events.map(eventJson) };
  }

  private knownUser(id: string): User {
    const u = this.dir.user(id);
    if (!u) throw new ProblemException(problem(404, 'http-404', TITLES[404], { detail: `用户 ${id} 不存在 (user ${id} not found)` }));
    return u;
  }

  listAgencies(actor: Actor) {
    assertRegistryAdmin(this.policy, this.dir, actor);
    return {
      revision: this.dir.revision,
      items: this.scope.reachable(actor, 'registry.write').map((id) => agencyView(this.dir.agency(id)!)),
    };
  }

  async registerAgency(actor: Actor, dto: dtos.RegisterAgencyDto, req: FastifyRequest) {
    assertRegistryAdmin(this.policy, this.dir, actor, dto.parentId);
    // Declaring an entrustment speaks for the entrusting agency: its administrators only.
    if (dto.entrustedBy !== undefined) assertRegistryAdmin(this.policy, this.dir, actor, dto.entrustedBy);
    const agency: Agency = {
      id: dto.id,
      divisionCode: dto.divisionCode,
      name: dto.name,
      shortName: dto.shortName,
      level: dto.level,
      parentId: dto.parentId,
    };
    if (dto.entrustedBy !== undefined) agency.entrustedBy = dto.entrustedBy;
    if (dto.enforcementPower !== undefined) agency.enforcementPower = dto.enforcementPower;
    for (const k of AGENCY_DOCUMENT_FIELDS) if (dto[k] !== undefined) agency[k] = dto[k];
    if (dto.numberFormats !== undefined) agency.numberFormats = dto.numberFormats;
    const written = await this.write('register-agency', actor, req, (dir) => decideRegisterAgency(dir, agency));
    return { ...written, agency: agencyView(this.dir.agency(dto.id)!) };
  }

  async updateAgency(actor: Actor, id: string, dto: dtos.UpdateAgencyDto, req: FastifyRequest) {
    assertRegistryAdmin(this.policy, this.dir, actor, id);
    if (dto.parentId !== undefined) assertRegistryAdmin(this.policy, this.dir, actor, dto.parentId);
    if (dto.entrustedBy) assertRegistryAdmin(this.policy, this.dir, actor, dto.entrustedBy);
    const written = await this.write('update-agency', actor, req, (dir) => decideUpdateAgency(dir, { id, ...dto }));
    return { ...written, agency: agencyView(this.dir.agency(id)!) };
  }

  listUsers(actor: Actor, q: dtos.UsersQueryDto) {
    const root = q.agencyId ?? actor.agencyId;
    assertRegistryAdmin(this.policy, this.dir, actor, root);
    if (!this.dir.agency(root))
      throw new ProblemException(problem(404, 'http-404', TITLES[404], { detail: `机构 ${root} 不存在 (agency ${root} not found)` }));
    const agencies = new Set(
      this.scope.resolve(actor, 'registry.write', { agencyId: root, includeSubordinates: q.includeSubordinates }).agencies,
    );
    return { revision: this.dir.revision, items: this.dir.listUsers().filter((u) => agencies.has(u.agencyId)) };
  }

  getUser(actor: Actor, id: string) {
    assertRegistryAdmin(this.policy, this.dir, actor);
    const u = this.knownUser(id);
    assertRegistryAdmin(this.policy, this.dir, actor, u.agencyId);
    return { revision: this.dir.revision, user: u };
  }

  async registerUser(actor: Actor, dto: dtos.RegisterUserDto, req: FastifyRequest) {
    assertRegistryAdmin(this.policy, this.dir, actor, dto.agencyId);
    const { certificate, ...user } = dto;
    const written = await this.write('register-user', actor, req, (dir) =>
      decideRegisterUser(dir, {
        ...user,
        ...(certificate
          ? { certificate: { number: certificate.number, validFrom: certificate.validFrom, validUntil: certificate.validUntil } }
          : {}),
      }),
    );
    return { ...written, user: this.dir.user(dto.id)! };
  }

  /** Changes of an existing user: the actor must administer the user's agency (and, for a move, the new one). */
  private async userChange(
    command: string,
    actor: Actor,
    id: string,
    req: FastifyRequest,
    decide: (dir: Directory) => RegistryDecision,
    alsoAgency?: string,
  ) {
    assertRegistryAdmin(this.policy, this.dir, actor);
    assertRegistryAdmin(this.policy, this.dir, actor, this.knownUser(id).agencyId);
    if (alsoAgency) assertRegistryAdmin(this.policy, this.dir, actor, alsoAgency);
    const written = await this.write(command, actor, req, decide);
    return { ...written, user: this.dir.user(id)! };
  }

  updateUser(actor: Actor, id: string, dto: dtos.UpdateUserDto, req: FastifyRequest) {
    return this.userChange('update-user', actor, id, req, (dir) => decideUpdateUser(dir, { id, ...dto }), dto.agencyId);
  }

  deactivateUser(actor: Actor, id: string, dto: dtos.DeactivationReasonDto, req: FastifyRequest) {
    const today = this.today();
    return this.userChange('deactivate-user', actor, id, req, (dir) => decideDeactivateUser(dir, id, actor.id, dto.reason, today));
  }

  reactivateUser(actor: Actor, id: string, dto: dtos.OptionalRegistryReasonDto, req: FastifyRequest) {
    return this.userChange('reactivate-user', actor, id, req, (dir) => decideReactivateUser(dir, id, dto.reason));
  }

  issueCertificate(actor: Actor, id: string, dto: dtos.CertificateDto, req: FastifyRequest) {
    return this.userChange('issue-certificate', actor, id, req, (dir) => decideIssueCertificate(dir, id, dto));
  }

  changeCertificateStatus(actor: Actor, id: string, dto: dtos.CertificateStatusDto, req: FastifyRequest) {
    return this.userChange('change-certificate-status', actor, id, req, (dir) => decideChangeCertificateStatus(dir, id, dto));
  }

  recordTraining(actor: Actor, id: string, dto: dtos.TrainingDto, req: FastifyRequest) {
    const today = this.today();
    return this.userChange('record-training', actor, id, req, (dir) => decideRecordTraining(dir, id, dto, today));
  }

  /**
   * The registry's event history with each event's metadata (who, when, which request), limited to the events
   * about agencies the administrator administers; `subjectId` narrows it to one agency or user.
   */
  async history(actor: Actor, q: dtos.RegistryEventsQueryDto) {
    assertRegistryAdmin(this.policy, this.dir, actor);
    const events = await this.directories.history();
    const about = (e: StoredEvent) => {
      const d = e.data as { id?: string; userId?: string };
      return d.userId ?? d.id;
    };
    const agenciesOf = (e: StoredEvent) =>
      (e.metadata as DirectoryEventMetadata).agencyIds ??
      directoryEventAgencies(this.dir, { type: e.type, data: e.data } as DirectoryEvent);
    const items = events
      .filter((e) => e.revision > (q.after ?? -1))
      .filter((e) => q.subjectId === undefined || about(e) === q.subjectId)
      .filter((e) => agenciesOf(e).some((a) => canAdministerRegistry(this.policy, actor, a)))
      .slice(0, q.limit ?? 500);
    return { revision: this.dir.revision, items: items.map(eventJson) };
  }
}
