import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IssuedDocumentEntry } from './issued-documents';

class IssuedByView {
  @ApiProperty({ type: String, description: '签发人用户编号' }) id!: string;
  @ApiProperty({ type: String, description: '签发人姓名' }) name!: string;
}

/** 已签发文书: what `DocumentIssued` records, with the document's title. */
export class IssuedDocumentView implements IssuedDocumentEntry {
  @ApiProperty({ type: String, description: '文书种类' }) kind!: string;
  @ApiProperty({ type: String, description: '文书名称' }) title!: string;
  @ApiProperty({ type: String, description: '文号（按文号可再次调取签发时的文书）', example: '郴应急罚告〔2026〕1号' }) number!: string;
  @ApiProperty({ enum: ['pdf'], description: '签发格式' }) format!: 'pdf';
  @ApiProperty({ type: String, description: '签发时 PDF 的 SHA-256（十六进制）' }) sha256!: string;
  @ApiProperty({ type: Number, description: '生成文书所依据的案件版本（事件 0..revision）' }) revision!: number;
  @ApiPropertyOptional({ type: String, description: '受委托组织办案时的签发机关（委托机关）' }) issuerAgencyId?: string;
  @ApiProperty({ type: String, format: 'date-time', description: '签发时间' }) issuedAt!: string;
  @ApiProperty({ type: IssuedByView, description: '签发人' }) issuedBy!: IssuedByView;
}

class MissingFieldView {
  @ApiProperty({ type: String, description: '缺少的字段', example: 'agency.reconsiderationBody' }) field!: string;
  @ApiProperty({ type: String, description: '缺少的字段（中文）', example: '行政复议机关' }) zh!: string;
}

/** 已产生的文书: a kind the case's events have produced, complete or lacking data (never rendered with blanks). */
export class ProducedDocumentView {
  @ApiProperty({ type: String, description: '文书种类' }) kind!: string;
  @ApiProperty({ type: String, description: '文书名称' }) title!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '文号（已签发的为签发文号；不予立案告知书为空字符串）；缺少必需信息时为 null',
    example: '郴应急罚〔2026〕3号',
  })
  number!: string | null;
  @ApiProperty({ type: MissingFieldView, isArray: true, description: '缺少的必需信息（为空则文书完整，可生成与签发）' })
  missing!: MissingFieldView[];
}

/** 本案文书: the documents the case has produced so far and those it issued, both in procedural order. */
export class CaseDocumentsView {
  @ApiProperty({ type: IssuedDocumentView, isArray: true, description: '已签发的文书，按办案程序排序' })
  items!: IssuedDocumentView[];
  @ApiProperty({ type: ProducedDocumentView, isArray: true, description: '本案事件已产生的文书（含缺少必需信息的），按办案程序排序' })
  produced!: ProducedDocumentView[];
}
