import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Actor } from '@app/case-engine';
import { Access } from '../auth/access.decorator';
import { CurrentActor } from '../auth/public.decorator';
import { CommandResponse } from '../cases/case-commands.service';
import { uuidPipe } from '../cases/cases.controller';
import { CommandResponseDto } from '../cases/dto/case-event.response';
import { HttpResult } from '../http/http-result';
import { EvidenceFilesService } from './evidence-files.service';
import { EVIDENCE_MEDIA_TYPES } from './media-type';
import { UploadQueryDto } from './upload-query.dto';

/** The path the upload route has, as Fastify names it (its body parser serves this route alone). */
export const UPLOAD_ROUTE_SUFFIX = '/evidence/:evidenceId/files';

@ApiTags('evidence files 证据文件')
@ApiBearerAuth()
@Controller('cases/:caseId/evidence/:evidenceId/files')
export class EvidenceFilesController {
  constructor(private readonly files: EvidenceFilesService) {}

  @Post()
  @HttpCode(201)
  @Access('command:attach-evidence-file', 'case')
  @ApiOperation({
    summary: '上传证据文件 upload a file of a recorded evidence item (photo, audio-video, scanned statement)',
    description:
      '请求体为文件本身（不是 multipart），Content-Type 为其类型；按文件头识别类型，与声明不符返回 415 并列明两者；超过 EVIDENCE_FILE_MAX_BYTES 返回 413；' +
      '文件以 SHA-256 寻址保存，SHA-256、大小、类型与文件名记入事件 EvidenceFileAttached（纳入哈希链）。被拒绝时不写入任何文件或事件。',
  })
  @ApiParam({ name: 'evidenceId', description: '证据编号（登记证据 record-evidence 时生成）' })
  @ApiConsumes(...EVIDENCE_MEDIA_TYPES, 'application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' }, description: '文件内容 (the file’s bytes)' })
  @ApiResponse({ status: 201, type: CommandResponseDto, description: '已保存并记入事件；Location 为下载地址 (stored and recorded)' })
  @ApiResponse({ status: 403, description: '无权操作 (not an officer of the case’s agency with a valid certificate)' })
  @ApiResponse({ status: 404, description: '未找到案件 (no such case)' })
  @ApiResponse({ status: 409, description: '当前阶段不允许上传证据文件 (not in investigation, review or hearing)' })
  @ApiResponse({ status: 413, description: '文件过大 (over EVIDENCE_FILE_MAX_BYTES)' })
  @ApiResponse({ status: 415, description: '文件类型不支持或与声明不符 (unsupported, or the bytes do not match the declared type)' })
  @ApiResponse({
    status: 422,
    description: '本案无此证据，或该文件已上传 (no such evidence item in the case, or the file is already attached)',
  })
  upload(
    @Param('caseId', uuidPipe) caseId: string,
    @Param('evidenceId') evidenceId: string,
    @Query() q: UploadQueryDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<HttpResult<CommandResponse>> {
    return this.files.upload(caseId, evidenceId, q.fileName, req, reply, actor);
  }

  @Get(':sha256')
  @Access('cases.read', 'case')
  @ApiOperation({
    summary: '下载证据文件 download a file recorded for this evidence item',
    description: '与读取案件的权限相同；只提供本案此证据已记录的文件。',
  })
  @ApiParam({ name: 'sha256', description: '文件的 SHA-256（事件 EvidenceFileAttached 所记）' })
  @ApiProduces(...EVIDENCE_MEDIA_TYPES)
  @ApiResponse({ status: 200, description: '文件内容；ETag 为其 SHA-256 (the bytes; the ETag is their SHA-256)' })
  @ApiResponse({ status: 404, description: '本案此证据无该文件，或文件已不在存储中 (no such file here, or missing from the store)' })
  async download(
    @Param('caseId', uuidPipe) caseId: string,
    @Param('evidenceId') evidenceId: string,
    @Param('sha256') sha256: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const file = await this.files.download(caseId, evidenceId, sha256);
    void reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.sizeBytes))
      .header('content-disposition', `attachment; filename="${file.sha256}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('etag', `"${file.sha256}"`);
    return file.stream;
  }
}
