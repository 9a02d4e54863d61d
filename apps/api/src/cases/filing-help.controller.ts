import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { Actor } from '@app/case-engine';
import { toShanghaiDate } from '@app/calendar';
import { LEGAL_RULES, NoRulesVersionError, RulesBook, RulesVersion, certificateProblem, rulesInForce } from '@workflows/enforcement-case';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/public.decorator';
import { CLOCK, Clock } from '../core/clock';
import { RULES_BOOK } from '../core/rules';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';

class FilingHelpQueryDto {
  @ApiPropertyOptional({ description: '承办机关；默认本机关 (default: your agency)' }) @IsOptional() @IsString() agencyId?: string;
}

class FilingOfficerDto {
  @ApiProperty({ description: '人员编号 user id' }) id!: string;
  @ApiProperty({ description: '姓名 name' }) name!: string;
  @ApiPropertyOptional({ description: '执法证号 certificate number' }) certificateNo?: string;
  @ApiProperty({ description: '今日可否承办（持本机关有效执法证） may handle a case today' }) certified!: boolean;
  @ApiPropertyOptional({ description: '不能承办的原因 why not (Chinese first)' }) problem?: string;
}

class LegalRuleDto {
  @ApiProperty({ description: '规则 rule name' }) rule!: string;
  @ApiProperty({ description: '法律依据 legal source' }) source!: string;
  @ApiProperty({ description: '规则内容（中文）' }) zh!: string;
  @ApiProperty({ description: 'the rule in English' }) en!: string;
}

class LimitationDto {
  @ApiProperty({ description: '追责时效（年）general limitation period in years' }) general!: number;
  @ApiProperty({ description: '涉及公民生命健康安全且有危害后果的（年）where life or health is involved' }) lifeOrHealth!: number;
  @ApiProperty({ description: '法律依据 legal source' }) source!: string;
  @ApiProperty({ description: '规则版本 rules version' }) rulesVersion!: string;
}

export class FilingHelpDto {
  @ApiProperty({ description: '承办机关 agency id' }) agencyId!: string;
  @ApiProperty({ description: '判断日期（今日，北京时间） the day judged' }) asOf!: string;
  @ApiProperty({ type: [FilingOfficerDto], description: '本机关的执法人员及其今日能否承办' }) officers!: FilingOfficerDto[];
  @ApiProperty({ type: LimitationDto, description: '今日生效规则版本的追责时效' }) limitation!: LimitationDto;
  @ApiProperty({ type: [LegalRuleDto], description: '立案须满足的法定条件' }) rules!: LegalRuleDto[];
}

const FILING_RULES = ['twoCertifiedOfficers', 'withinLimitationPeriod', 'discoveredNotInFuture'] as const;

/**
 * What the 立案 form checks before it is sent, from the same sources the engine decides `open-case` with: the
 * agency's enforcement officers with whether each may handle a case today (行政处罚法第四十二条), and the limitation
 * period of the rules version in force today (行政处罚法第三十六条). The engine still judges the command itself.
 */
@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('cases/filing-help')
export class FilingHelpController {
  constructor(
    private readonly directory: DirectoryService,
    @Inject(RULES_BOOK) private readonly rules: RulesBook,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Access('cases.open', 'query')
  @ApiOperation({ summary: '立案辅助 the agency’s officers (certified today or not) and the limitation period in force' })
  @ApiOkResponse({ type: FilingHelpDto })
  help(@Query() q: FilingHelpQueryDto, @CurrentActor() actor: Actor): FilingHelpDto {
    const agencyId = q.agencyId ?? actor.agencyId;
    const asOf = toShanghaiDate(this.clock().toISOString());
    let version: RulesVersion;
    try {
      version = rulesInForce(this.rules, asOf);
    } catch (e) {
      if (!(e instanceof NoRulesVersionError)) throw e;
      throw new ProblemException(problem(422, 'no-rules-version', '没有生效的规则版本 (no rules version in force)', { detail: e.message }));
    }
    const dir = this.directory.directory;
    const officers = dir
      .listUsers()
      .filter((u) => u.agencyId === agencyId && u.active && u.roles.includes('officer'))
      .map((u): FilingOfficerDto => {
        const why = certificateProblem(u.id, agencyId, asOf, dir);
        return { id: u.id, name: u.name, certificateNo: u.certificate?.number, certified: why === null, ...(why ? { problem: why } : {}) };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
    return {
      agencyId,
      asOf,
      officers,
      limitation: { ...version.limitationYears, rulesVersion: version.id },
      rules: FILING_RULES.map((rule) => ({ rule, ...LEGAL_RULES[rule] })),
    };
  }
}
