import { FastifyRequest } from 'fastify';
import { requestTrace } from '../http/tracing';
import { ProblemException, problem } from '../problem/problem';

/** Tracing and client fields of the event envelope (docs/supervision.md §1), taken from the HTTP request. */
export function requestContext(req: FastifyRequest) {
  const h = req.headers;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return {
    ...requestTrace(req),
    idempotencyKey: idempotencyKey(one(h['idempotency-key'])),
    ifMatch: ifMatch(one(h['if-match'])),
  };
}

function idempotencyKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(raw))
    throw new ProblemException(
      problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
        detail: 'Idempotency-Key: 1–200 个可见 ASCII 字符 (1–200 visible ASCII characters)',
        errors: [{ field: 'Idempotency-Key', message: '1–200 visible ASCII characters', constraints: {} }],
      }),
    );
  return raw;
}

/** `If-Match: "<revision>"` (weak tags and bare numbers accepted). */
function ifMatch(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^(?:W\/)?"?(-?\d+)"?$/.exec(raw.trim());
  if (!m)
    throw new ProblemException(
      problem(400, 'invalid-input', '请求参数无效 (invalid input)', {
        detail: 'If-Match: 须为 "<revision>" (must be "<revision>")',
        errors: [{ field: 'If-Match', message: 'must be "<revision>"', constraints: {} }],
      }),
    );
  return Number(m[1]);
}
