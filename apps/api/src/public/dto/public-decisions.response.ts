import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PENALTY_KINDS, PenaltyKind } from '@workflows/enforcement-case';

/** 当事人 as published: an individual's name masked, no identity number. */
export class PublicPartyView {
  @ApiProperty({ enum: ['organization', 'individual'], description: '当事人类别：单位或个人' }) kind!: 'organization' | 'individual';
  @ApiProperty({ type: String, description: '单位名称；个人仅保留姓氏' }) name!: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '统一社会信用代码（单位）' }) creditCode?: string | null;
}

/** A penalty as published. */
export class PublicPenaltyView {
  @ApiProperty({ enum: PENALTY_KINDS, description: '处罚种类' }) kind!: PenaltyKind;
  @ApiPropertyOptional({ type: Number, description: '罚款或没收金额（元）' }) amountYuan?: number;
  @ApiPropertyOptional({ type: Number, description: '天数' }) days?: number;
}

/** One published decision. */
export class PublicDecisionResponse {
  @ApiProperty({ type: String, description: '决定书文号' }) decisionNo!: string;
  @ApiProperty({ type: String, description: '作出决定的机关' }) agencyId!: string;
  @ApiProperty({ type: PublicPartyView, description: '当事人' }) party!: PublicPartyView;
  @ApiProperty({ type: [String], description: '违法事实（各违法行为的描述）' }) violations!: string[];
  @ApiProperty({ type: [PublicPenaltyView], description: '处罚内容' }) penalties!: PublicPenaltyView[];
  @ApiProperty({ type: [String], description: '法律依据' }) legalBasis!: string[];
  @ApiProperty({ type: String, format: 'date-time', description: '决定时间' }) decidedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', description: '公示时间' }) publishedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: '公示渠道' }) channel!: string | null;
}

/** 行政处罚决定公示 (GET /public/decisions). */
export class PublicDecisionsResponse {
  @ApiProperty({ type: [PublicDecisionResponse], description: '公示的决定' }) items!: PublicDecisionResponse[];
}
