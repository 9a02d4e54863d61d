import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '@app/case-engine';
import { CommandName } from '@workflows/enforcement-case';
import { CurrentActor } from '../auth/public.decorator';
import { Access } from '../auth/access.decorator';
import { CaseCommandsService, CommandResponse } from './case-commands.service';
import { uuidPipe } from './cases.controller';
import { AttestInterferenceRecordDto, RecordInterferenceDto } from './dto/interference.dto';
import { RecordHearingDto, RequestHearingDto, ScheduleHearingDto } from './dto/hearing.dto';
import { ExtendHandlingPeriodDto, ResumeCaseDto, SuspendCaseDto } from './dto/handling-clock.dto';
import {
  ApproveDeferralDto,
  PublishDecisionDto,
  RecordCollectiveDiscussionDto,
  RecordComplianceDto,
  RecordRemedyDto,
  RecordRemedyOutcomeDto,
} from './dto/decision-follow-up.dto';
import { ApproveReferralDto, ProposeReferralDto, ReasonDto, RecordPoliceDecisionDto, TransferToPoliceDto } from './dto/referral.dto';
import { IssueRectificationOrderDto, RecordReinspectionDto, RequestReinspectionDto } from './dto/rectification.dto';
import {
  ApplyCourtEnforcementDto,
  ExtendSeizureDto,
  ImposeSeizureDto,
  IssueEnforcementUrgeDto,
  RecordCourtExecutionDto,
  RecordCourtRulingDto,
  ReleaseSeizureDto,
} from './dto/enforcement-measures.dto';
import {
  ApproveFilingDto,
  CloseCaseDto,
  ConcludeInvestigationDto,
  DecideDto,
  IssuePenaltyNoticeDto,
  RecordEvidenceDto,
  RecordLegalReviewDto,
  RecordPaymentDto,
  RecordStatementDto,
  RejectFilingDto,
  ServeDecisionDto,
  WaiveRightsDto,
} from './dto/trunk-commands.dto';

/**
 * `POST /api/v1/cases/{caseId}/commands/{command}` — one route per command so each body has its own
 * validated DTO and OpenAPI schema. An unknown command is a 404.
 */
@ApiTags('commands 办案操作')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry returns the first response and writes nothing' })
@ApiHeader({ name: 'If-Match', required: false, description: '"<revision>": 412 when the case has moved on' })
@Access('command', 'case')
@Controller('cases/:caseId/commands')
export class CaseCommandsController {
  constructor(private readonly commands: CaseCommandsService) {}

  private run(caseId: string, name: CommandName, dto: object, actor: Actor, req: FastifyRequest, reply: FastifyReply) {
    return this.commands.run(caseId, name, dto, actor, req, reply);
  }

  @Post('approve-filing') @HttpCode(200) @ApiOperation({ summary: '立案批准 (head)' })
  approveFiling(@Param('caseId', uuidPipe) id: string, @Body() dto: ApproveFilingDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'approve-filing', dto, a, q, r);
  }

  @Post('reject-filing') @HttpCode(200) @ApiOperation({ summary: '不予立案 (head)' })
  rejectFiling(@Param('caseId', uuidPipe) id: string, @Body() dto: RejectFilingDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'reject-filing', dto, a, q, r);
  }

  @Post('record-evidence') @HttpCode(200) @ApiOperation({ summary: '调查取证 (officer; two certified officers for inquiry/inspection)' })
  recordEvidence(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordEvidenceDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-evidence', dto, a, q, r);
  }

  @Post('conclude-investigation') @HttpCode(200) @ApiOperation({ summary: '调查终结 (officer)' })
  concludeInvestigation(@Param('caseId', uuidPipe) id: string, @Body() dto: ConcludeInvestigationDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'conclude-investigation', dto, a, q, r);
  }

  @Post('issue-penalty-notice') @HttpCode(200) @ApiOperation({ summary: '行政处罚告知 (officer)' })
  issuePenaltyNotice(@Param('caseId', uuidPipe) id: string, @Body() dto: IssuePenaltyNoticeDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'issue-penalty-notice', dto, a, q, r);
  }

  @Post('record-statement') @HttpCode(200) @ApiOperation({ summary: '陈述申辩 (officer)' })
  recordStatement(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordStatementDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-statement', dto, a, q, r);
  }

  @Post('waive-rights') @HttpCode(200) @ApiOperation({ summary: '放弃陈述申辩/听证 (officer records the party waiving)' })
  waiveRights(@Param('caseId', uuidPipe) id: string, @Body() dto: WaiveRightsDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'waive-rights', dto, a, q, r);
  }

  @Post('request-hearing') @HttpCode(200) @ApiOperation({ summary: '听证申请 (officer records the party’s request; within 5 working days of the notice)' })
  requestHearing(@Param('caseId', uuidPipe) id: string, @Body() dto: RequestHearingDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'request-hearing', dto, a, q, r);
  }

  @Post('schedule-hearing') @HttpCode(200) @ApiOperation({ summary: '听证通知 (head; hearing ≥ 7 working days after notifying the party)' })
  scheduleHearing(@Param('caseId', uuidPipe) id: string, @Body() dto: ScheduleHearingDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'schedule-hearing', dto, a, q, r);
  }

  @Post('record-hearing') @HttpCode(200) @ApiOperation({ summary: '听证笔录 (presiding officer)' })
  recordHearing(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordHearingDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-hearing', dto, a, q, r);
  }

  @Post('record-legal-review') @HttpCode(200) @ApiOperation({ summary: '法制审核 (legal reviewer)' })
  recordLegalReview(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordLegalReviewDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-legal-review', dto, a, q, r);
  }

  @Post('decide') @HttpCode(200) @ApiOperation({ summary: '作出处罚决定 (head)' })
  decide(@Param('caseId', uuidPipe) id: string, @Body() dto: DecideDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'decide', dto, a, q, r);
  }

  @Post('serve-decision') @HttpCode(200) @ApiOperation({ summary: '送达决定书 (officer)' })
  serveDecision(@Param('caseId', uuidPipe) id: string, @Body() dto: ServeDecisionDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'serve-decision', dto, a, q, r);
  }

  @Post('record-payment') @HttpCode(200) @ApiOperation({ summary: '缴纳罚款 (officer)' })
  recordPayment(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordPaymentDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-payment', dto, a, q, r);
  }

  @Post('suspend-case') @HttpCode(200) @ApiOperation({ summary: '中止 (head; before the decision)' })
  suspendCase(@Param('caseId', uuidPipe) id: string, @Body() dto: SuspendCaseDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'suspend-case', dto, a, q, r);
  }

  @Post('resume-case') @HttpCode(200) @ApiOperation({ summary: '恢复 (head)' })
  resumeCase(@Param('caseId', uuidPipe) id: string, @Body() dto: ResumeCaseDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'resume-case', dto, a, q, r);
  }

  @Post('extend-handling-period') @HttpCode(200) @ApiOperation({ summary: '延期 (head to 90 days; upper level to 180 days)' })
  extendHandlingPeriod(@Param('caseId', uuidPipe) id: string, @Body() dto: ExtendHandlingPeriodDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'extend-handling-period', dto, a, q, r);
  }

  @Post('record-collective-discussion') @HttpCode(200) @ApiOperation({ summary: '集体讨论 (head; at least three participants; major cases)' })
  recordCollectiveDiscussion(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordCollectiveDiscussionDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-collective-discussion', dto, a, q, r);
  }

  @Post('publish-decision') @HttpCode(200) @ApiOperation({ summary: '公示处罚决定 (officer; within 7 working days)' })
  publishDecision(@Param('caseId', uuidPipe) id: string, @Body() dto: PublishDecisionDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'publish-decision', dto, a, q, r);
  }

  @Post('approve-deferral') @HttpCode(200) @ApiOperation({ summary: '批准暂缓/分期缴纳 (head)' })
  approveDeferral(@Param('caseId', uuidPipe) id: string, @Body() dto: ApproveDeferralDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'approve-deferral', dto, a, q, r);
  }

  @Post('record-compliance') @HttpCode(200) @ApiOperation({ summary: '履行非罚款处罚 (officer)' })
  recordCompliance(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordComplianceDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-compliance', dto, a, q, r);
  }

  @Post('record-remedy') @HttpCode(200) @ApiOperation({ summary: '行政复议/诉讼 (officer records it)' })
  recordRemedy(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordRemedyDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-remedy', dto, a, q, r);
  }

  @Post('record-remedy-outcome') @HttpCode(200) @ApiOperation({ summary: '复议/诉讼结果 (officer)' })
  recordRemedyOutcome(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordRemedyOutcomeDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-remedy-outcome', dto, a, q, r);
  }

  @Post('propose-referral') @HttpCode(200) @ApiOperation({ summary: '提请移送涉嫌犯罪案件 (officer; special team of two)' })
  proposeReferral(@Param('caseId', uuidPipe) id: string, @Body() dto: ProposeReferralDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'propose-referral', dto, a, q, r);
  }

  @Post('approve-referral') @HttpCode(200) @ApiOperation({ summary: '批准移送 (head; within 3 days)' })
  approveReferral(@Param('caseId', uuidPipe) id: string, @Body() dto: ApproveReferralDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'approve-referral', dto, a, q, r);
  }

  @Post('reject-referral') @HttpCode(200) @ApiOperation({ summary: '不批准移送 (head; reason recorded)' })
  rejectReferral(@Param('caseId', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'reject-referral', dto, a, q, r);
  }

  @Post('transfer-to-police') @HttpCode(200) @ApiOperation({ summary: '移送公安机关 (officer; within 24 hours)' })
  transferToPolice(@Param('caseId', uuidPipe) id: string, @Body() dto: TransferToPoliceDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'transfer-to-police', dto, a, q, r);
  }

  @Post('record-police-decision') @HttpCode(200) @ApiOperation({ summary: '公安机关立案决定 (officer records it)' })
  recordPoliceDecision(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordPoliceDecisionDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-police-decision', dto, a, q, r);
  }

  @Post('request-police-reconsideration') @HttpCode(200) @ApiOperation({ summary: '提请公安机关复议 (head; within 3 days)' })
  requestPoliceReconsideration(@Param('caseId', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'request-police-reconsideration', dto, a, q, r);
  }

  @Post('refer-to-procuratorate') @HttpCode(200) @ApiOperation({ summary: '提请检察院立案监督 (head)' })
  referToProcuratorate(@Param('caseId', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'refer-to-procuratorate', dto, a, q, r);
  }

  @Post('resume-administrative-procedure') @HttpCode(200) @ApiOperation({ summary: '恢复行政处罚程序 (head)' })
  resumeAdministrativeProcedure(@Param('caseId', uuidPipe) id: string, @Body() dto: ReasonDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'resume-administrative-procedure', dto, a, q, r);
  }

  @Post('issue-rectification-order') @HttpCode(200) @ApiOperation({ summary: '责令限期整改 (officer)' })
  issueRectificationOrder(@Param('caseId', uuidPipe) id: string, @Body() dto: IssueRectificationOrderDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'issue-rectification-order', dto, a, q, r);
  }

  @Post('request-reinspection') @HttpCode(200) @ApiOperation({ summary: '申请复查 (officer records the party’s request)' })
  requestReinspection(@Param('caseId', uuidPipe) id: string, @Body() dto: RequestReinspectionDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'request-reinspection', dto, a, q, r);
  }

  @Post('record-reinspection') @HttpCode(200) @ApiOperation({ summary: '整改复查 (two certified officers)' })
  recordReinspection(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordReinspectionDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-reinspection', dto, a, q, r);
  }

  @Post('impose-seizure') @HttpCode(200) @ApiOperation({ summary: '查封扣押 (head; audio-video record required)' })
  imposeSeizure(@Param('caseId', uuidPipe) id: string, @Body() dto: ImposeSeizureDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'impose-seizure', dto, a, q, r);
  }

  @Post('extend-seizure') @HttpCode(200) @ApiOperation({ summary: '延长查封扣押 (head; once, ≤ 30 days)' })
  extendSeizure(@Param('caseId', uuidPipe) id: string, @Body() dto: ExtendSeizureDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'extend-seizure', dto, a, q, r);
  }

  @Post('release-seizure') @HttpCode(200) @ApiOperation({ summary: '解除/处理查封扣押 (head)' })
  releaseSeizure(@Param('caseId', uuidPipe) id: string, @Body() dto: ReleaseSeizureDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'release-seizure', dto, a, q, r);
  }

  @Post('issue-enforcement-urge') @HttpCode(200) @ApiOperation({ summary: '催告 (officer; payment overdue)' })
  issueEnforcementUrge(@Param('caseId', uuidPipe) id: string, @Body() dto: IssueEnforcementUrgeDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'issue-enforcement-urge', dto, a, q, r);
  }

  @Post('apply-court-enforcement') @HttpCode(200) @ApiOperation({ summary: '申请法院强制执行 (head; ≥ 10 working days after the urge)' })
  applyCourtEnforcement(@Param('caseId', uuidPipe) id: string, @Body() dto: ApplyCourtEnforcementDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'apply-court-enforcement', dto, a, q, r);
  }

  @Post('record-court-ruling') @HttpCode(200) @ApiOperation({ summary: '法院裁定 (officer)' })
  recordCourtRuling(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordCourtRulingDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-court-ruling', dto, a, q, r);
  }

  @Post('record-court-execution') @HttpCode(200) @ApiOperation({ summary: '法院执行 (officer)' })
  recordCourtExecution(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordCourtExecutionDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-court-execution', dto, a, q, r);
  }

  @Post('record-interference') @HttpCode(200) @ApiOperation({ summary: '干预记录 (any user; any stage, closed included)' })
  recordInterference(@Param('caseId', uuidPipe) id: string, @Body() dto: RecordInterferenceDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'record-interference', dto, a, q, r);
  }

  @Post('attest-interference-record') @HttpCode(200) @ApiOperation({ summary: '干预情况确认 (each handling officer, before closing)' })
  attestInterferenceRecord(@Param('caseId', uuidPipe) id: string, @Body() dto: AttestInterferenceRecordDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'attest-interference-record', dto, a, q, r);
  }

  @Post('close-case') @HttpCode(200) @ApiOperation({ summary: '结案 (head)' })
  closeCase(@Param('caseId', uuidPipe) id: string, @Body() dto: CloseCaseDto, @CurrentActor() a: Actor, @Req() q: FastifyRequest, @Res({ passthrough: true }) r: FastifyReply): Promise<CommandResponse> {
    return this.run(id, 'close-case', dto, a, q, r);
  }
}
