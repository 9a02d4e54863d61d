import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Public } from '../auth/public.decorator';
import { CLOCK, Clock } from '../core/clock';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { PublicDecisionsResponse } from './dto/public-decisions.response';
import { boundedPaging } from '../http/paging';

class PublicDecisionsQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() agencyId?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

/** A publication stays visible at most three years (docs/supervision.md §7). */
const DISPLAY_YEARS = 3;

/** Masks an individual's name: the surname stays, the rest becomes * (docs/supervision.md §7). */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** 阳光执法: published penalty decisions, no token needed; personal data redacted; revoked ones withdrawn. */
@ApiTags('public 公示')
@Public()
@Controller('public/decisions')
export class PublicDecisionsController {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: '行政处罚决定公示 published decisions (no token)' })
  @ApiOkResponse({ type: PublicDecisionsResponse })
  async list(@Query() q: PublicDecisionsQueryDto) {
    this.readModels.assertAvailable();
    const now = this.clock();
    const oldest = new Date(now.getTime() - DISPLAY_YEARS * 365.25 * 86_400_000).toISOString();
    const { limit, offset } = boundedPaging(q);
    const rows = await this.readModels.publicDecisions({ oldest, agencyId: q.agencyId, limit, offset });
    return {
      items: rows.map((r) => ({
        decisionNo: r.decision_no,
        // The issuing agency: the entrusting one for an entrusted organisation's decision (policy §6).
        agencyId: r.issuer_agency_id ?? r.agency_id,
        party:
          r.party_kind === 'organization'
            ? { kind: 'organization', name: r.party_name, creditCode: r.credit_code }
            : { kind: 'individual', name: maskName(r.party_name ?? '') },
        violations: JSON.parse(r.violations ?? '[]') as unknown,
        penalties: JSON.parse(r.penalties ?? '[]') as unknown,
        legalBasis: JSON.parse(r.legal_basis ?? '[]') as string[],
        decidedAt: r.decided_at,
        publishedAt: r.published_at,
        channel: r.channel,
      })),
    };
  }
}
