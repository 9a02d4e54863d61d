import { ApiProperty, PickType } from '@nestjs/swagger';
import { CaseSearchItemResponse, PageView } from '../../cases/dto/case-search.response';

/** One case whose current stage awaits a step of the caller: the case index's row, in part. */
export class AwaitingItemResponse extends PickType(CaseSearchItemResponse, [
  'caseId',
  'caseNo',
  'agencyId',
  'stage',
  'party',
  'handlingOfficerIds',
  'updatedAt',
] as const) {}

/** 待办 (GET /cases/awaiting-me): one page of cases. */
export class AwaitingPageResponse extends PageView {
  @ApiProperty({ type: [AwaitingItemResponse], description: '本页案件' }) items!: AwaitingItemResponse[];
}
