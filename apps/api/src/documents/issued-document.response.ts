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
