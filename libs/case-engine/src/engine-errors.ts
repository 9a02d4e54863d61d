import { CommandName, RuleViolation } from '@workflows/enforcement-case';

/** Errors of the command path; the API maps each to its RFC 9457 problem (status in `status`). */
export abstract class CaseEngineError extends Error {
  abstract readonly status: number;
}

export class CaseNotFoundError extends CaseEngineError {
  readonly status = 404;
  constructor(readonly caseId: string) {
    super(`案件不存在 (case ${caseId} not found)`);
  }
}

export class CommandNotAllowedError extends CaseEngineError {
  readonly status = 409;
  constructor(
    readonly command: CommandName,
    readonly stage: string | null,
    readonly allowedCommands: CommandName[],
  ) {
    super(`当前阶段（${stage}）不允许执行 ${command} (command ${command} is not allowed in stage ${stage})`);
  }
}

export class LegalConditionsNotMetError extends CaseEngineError {
  readonly status = 422;
  constructor(
    readonly command: CommandName,
    readonly violations: RuleViolation[],
  ) {
    super(`不符合法定条件：${violations.map((v) => `${v.rule}（${v.legalSource}）`).join('；')}`);
  }
}

export class RevisionMismatchError extends CaseEngineError {
  readonly status = 412;
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`案件已被更新：If-Match 为 ${expected}，当前版本为 ${actual} (case moved on: If-Match ${expected}, current revision ${actual})`);
  }
}

export class IdempotencyKeyReusedError extends CaseEngineError {
  readonly status = 422;
  constructor(readonly key: string) {
    super(`Idempotency-Key "${key}" 已用于另一个请求 (the key was already used for a different request)`);
  }
}

export class InvalidOccurredAtError extends CaseEngineError {
  readonly status = 400;
  constructor(readonly reason: string) {
    super(reason);
  }
}

export class ConcurrencyExhaustedError extends CaseEngineError {
  readonly status = 503;
  constructor(readonly caseId: string) {
    super(`案件 ${caseId} 并发冲突，请重试 (too many concurrent changes, retry)`);
  }
}
