import { Inject, Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Actor, CaseEngine, storedEventToJson } from '@app/case-engine';
import { EvidenceFileAttachedData } from '@workflows/enforcement-case';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CommandResponse } from '../cases/case-commands.service';
import { requestContext } from '../cases/request-context';
import { HttpResult } from '../http/http-result';
import { ProblemException, problem } from '../problem/problem';
import { EvidenceFileStore, EvidenceFileTooLargeError, EvidenceMediaTypeError, ReceivedFile } from './evidence-file-store';
import { ACCEPTED_CONTENT_TYPES, EVIDENCE_MEDIA_TYPES, declaredMediaType } from './media-type';

const TYPES_TEXT = EVIDENCE_MEDIA_TYPES.join(', ');

/** Evidence files in: the bytes stored by their hash, their hash recorded by `attach-evidence-file`; and out again. */
@Injectable()
export class EvidenceFilesService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly files: EvidenceFileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Receives the body (a stream, never buffered whole), then has the engine decide the step against the case; the
   * file reaches its address only once the event is recorded, and a refusal at any point leaves no file behind.
   */
  async upload(
    caseId: string,
    evidenceId: string,
    fileName: string,
    req: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
  ): Promise<HttpResult<CommandResponse>> {
    const context = requestContext(req);
    const contentType = req.headers['content-type'];
    const declared = declaredMediaType(contentType);
    if (!declared)
      throw new ProblemException(
        problem(415, 'evidence-media-type', '不支持的证据文件类型 (unsupported evidence file type)', {
          detail: `Content-Type ${contentType ?? '(无 none)'}：证据文件须为 ${TYPES_TEXT} 之一 (must be one of these)`,
          declared: contentType ?? null,
          accepted: ACCEPTED_CONTENT_TYPES,
        }),
      );
    const max = this.config.evidenceFileMaxBytes;
    // A declared length over the limit is refused before a byte is read.
    if (Number(req.headers['content-length']) > max) throw tooLarge(max);
    // No body at all reaches the route as nothing rather than a stream: an empty file, which shows no type.
    const body = req.body instanceof Readable ? req.body : Readable.from([]);
    let received: ReceivedFile;
    try {
      received = await this.files.receive(body, { maxBytes: max, declared });
    } catch (e) {
      // The rest of the body is discarded unread and the connection closed once the refusal is sent.
      void reply.header('connection', 'close');
      body.resume();
      if (e instanceof EvidenceFileTooLargeError) throw tooLarge(max);
      if (e instanceof EvidenceMediaTypeError) throw mislabelled(e);
      throw e;
    }
    try {
      const body: Omit<EvidenceFileAttachedData, 'matchesContentHash'> = {
        evidenceId,
        sha256: received.sha256,
        sizeBytes: received.sizeBytes,
        contentType: received.contentType,
        fileName,
      };
      const result = await this.engine.execute({ caseId, command: { name: 'attach-evidence-file', body }, actor, ...context });
      await this.files.place(received);
      return new HttpResult(
        { case: result.view, events: result.events.map(storedEventToJson) },
        {
          revision: result.view.revision,
          created: true,
          location: `/api/v1/cases/${caseId}/evidence/${evidenceId}/files/${received.sha256}`,
          replayed: result.replayed,
        },
      );
    } catch (e) {
      await this.files.discard(received);
      throw e;
    }
  }

  /** A file recorded for this evidence item of this case: its bytes, type and name (404 for any other hash). */
  async download(caseId: string, evidenceId: string, sha256: string) {
    const events = await this.engine.getEvents(caseId);
    const attached = events.find(
      (e) => e.type === 'EvidenceFileAttached' && matches(e.data as EvidenceFileAttachedData, evidenceId, sha256.toLowerCase()),
    );
    if (!attached)
      throw new ProblemException(
        problem(404, 'evidence-file-unknown', '本案此证据无该文件 (no such file for this evidence of this case)', {
          detail: `evidenceId ${evidenceId}, sha256 ${sha256}`,
        }),
      );
    const data = attached.data as EvidenceFileAttachedData;
    const stored = await this.files.open(data.sha256);
    if (!stored)
      throw new ProblemException(
        problem(
          404,
          'evidence-file-missing',
          '证据文件已不在存储中 (the recorded file is missing from the store; integrity/verify names it)',
          {
            detail: `sha256 ${data.sha256}`,
          },
        ),
      );
    return { ...stored, contentType: data.contentType, fileName: data.fileName, sha256: data.sha256 };
  }
}

const matches = (d: EvidenceFileAttachedData, evidenceId: string, sha256: string) => d.evidenceId === evidenceId && d.sha256 === sha256;

function tooLarge(max: number): ProblemException {
  return new ProblemException(
    problem(413, 'evidence-file-too-large', '证据文件过大 (evidence file too large)', {
      detail: `证据文件不得超过 ${max} 字节 (EVIDENCE_FILE_MAX_BYTES: at most ${max} bytes)`,
      maxBytes: max,
    }),
  );
}

function mislabelled(e: EvidenceMediaTypeError): ProblemException {
  return new ProblemException(
    problem(415, 'evidence-media-type', '文件内容与声明的类型不符 (the bytes do not match the declared type)', {
      detail: `声明 declared ${e.declared}，文件内容为 bytes show ${e.sniffed ?? `无法识别的类型 none of ${TYPES_TEXT}`}`,
      declared: e.declared,
      detected: e.sniffed,
    }),
  );
}
