import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  CaseEngineError,
  CommandNotAllowedError,
  IdempotencyKeyReusedError,
  InvalidOccurredAtError,
  LegalConditionsNotMetError,
  RevisionMismatchError,
} from '@app/case-engine';
import { EventStoreUnavailableError } from '@app/event-store';
import { ProblemDetails, ProblemException, problem } from './problem';

function fromEngine(e: CaseEngineError): ProblemDetails {
  if (e instanceof CommandNotAllowedError)
    return problem(409, 'command-not-allowed', '当前阶段不允许该操作 (command not allowed in the current stage)', {
      detail: e.message,
      command: e.command,
      stage: e.stage,
      allowedCommands: e.allowedCommands,
    });
  if (e instanceof LegalConditionsNotMetError)
    return problem(422, 'legal-condition-not-met', '不符合法定条件 (legal conditions not met)', {
      detail: e.message,
      command: e.command,
      violations: e.violations,
    });
  if (e instanceof RevisionMismatchError)
    return problem(412, 'revision-mismatch', '案件已被他人更新 (the case has changed since the revision you saw)', {
      detail: e.message,
      expectedRevision: e.expected,
      currentRevision: e.actual,
    });
  if (e instanceof IdempotencyKeyReusedError)
    return problem(422, 'idempotency-key-reused', 'Idempotency-Key 已用于其他请求 (idempotency key reused)', { detail: e.message });
  if (e instanceof InvalidOccurredAtError)
    return problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
      detail: e.message,
      errors: [{ field: 'occurredAt', message: e.message, constraints: { occurredAt: e.message } }],
    });
  return problem(e.status, 'case-error', e.message);
}

const HTTP_TITLES: Record<number, string> = {
  400: '请求无效 (bad request)',
  401: '未认证 (unauthorized)',
  403: '无权操作 (forbidden)',
  404: '未找到 (not found)',
  413: '请求体过大 (payload too large)',
  415: '不支持的媒体类型 (unsupported media type)',
};

/** Every error leaves as RFC 9457 problem+json; bad input is never a 500. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    let body: ProblemDetails;
    if (exception instanceof ProblemException) body = exception.body;
    else if (exception instanceof CaseEngineError) body = fromEngine(exception);
    else if (exception instanceof HttpException) {
      const status = exception.getStatus();
      body = problem(status, `http-${status}`, HTTP_TITLES[status] ?? exception.message, { detail: exception.message });
    } else if (
      typeof (exception as { statusCode?: unknown })?.statusCode === 'number' &&
      (exception as { statusCode: number }).statusCode < 500
    ) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large).
      const e = exception as { statusCode: number; message: string };
      body = problem(e.statusCode, `http-${e.statusCode}`, HTTP_TITLES[e.statusCode] ?? '请求无效 (bad request)', { detail: e.message });
    } else if (exception instanceof EventStoreUnavailableError) {
      // A remote store down or failing over: the client may retry (with the same Idempotency-Key a command is stored once).
      this.logger.warn(exception.message);
      void reply.header('retry-after', '2');
      body = problem(503, 'store-unavailable', '事件存储暂不可用，请稍后重试 (event store unavailable, retry later)', {
        detail: exception.reason,
      });
    } else {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
      body = problem(500, 'internal-error', '服务器内部错误 (internal error)');
    }
    void reply
      .status(body.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send({ ...body, instance: request.url });
  }
}
