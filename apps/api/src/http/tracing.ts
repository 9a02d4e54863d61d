import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * A tracing id a client may choose: short and of a safe character set. Anything else is replaced by a generated id,
 * since what the client sends is stored in every event's hashed envelope and echoed in every response.
 */
const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** The User-Agent as stored: its first 256 characters (enough for any real browser or client). */
export const MAX_USER_AGENT_LENGTH = 256;

/** Tracing and client fields of an event's envelope, taken from the HTTP request. */
export interface RequestTrace {
  requestId: string;
  correlationId: string;
  causationId: string;
  /** The client's address: the socket's, or the one a trusted proxy forwarded (TRUSTED_PROXY). */
  clientIp?: string;
  userAgent?: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const traceId = (v: string | string[] | undefined) => {
  const id = one(v);
  return id !== undefined && TRACE_ID.test(id) ? id : undefined;
};

const traces = new WeakMap<object, RequestTrace>();

/** The request's tracing fields: decided once per request (generated ids must not change between readers). */
export function requestTrace(req: FastifyRequest): RequestTrace {
  let trace = traces.get(req.raw);
  if (!trace) {
    const h = req.headers;
    const requestId = traceId(h['x-request-id']) ?? randomUUID();
    const userAgent = one(h['user-agent']);
    // Fastify's req.ip is what a trusted proxy forwarded (any text the client put there); the socket's is an address.
    const clientIp = isIP(req.ip) ? req.ip : req.socket.remoteAddress;
    trace = {
      requestId,
      correlationId: traceId(h['x-correlation-id']) ?? requestId,
      causationId: traceId(h['x-causation-id']) ?? requestId,
      ...(clientIp !== undefined ? { clientIp } : {}),
      ...(userAgent !== undefined ? { userAgent: userAgent.slice(0, MAX_USER_AGENT_LENGTH) } : {}),
    };
    traces.set(req.raw, trace);
  }
  return trace;
}

/** Every response names its request and correlation ids (the client's, when valid; else the ones generated). */
export function echoTraceHeaders(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (req, reply, done) => {
      const { requestId, correlationId } = requestTrace(req);
      reply.header('x-request-id', requestId).header('x-correlation-id', correlationId);
      done();
    });
}
