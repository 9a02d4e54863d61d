import { FastifyRequest } from 'fastify';
import { MAX_USER_AGENT_LENGTH, requestTrace } from './tracing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function request(headers: Record<string, string | string[]>, ip = '203.0.113.9', socketAddress = '127.0.0.1'): FastifyRequest {
  return { raw: {}, headers, ip, socket: { remoteAddress: socketAddress } } as unknown as FastifyRequest;
}

describe('requestTrace', () => {
  it('keeps tracing ids of a safe character set up to 128 characters', () => {
    const id = `req-1.2:${'a'.repeat(120)}`;
    expect(requestTrace(request({ 'x-request-id': id, 'x-correlation-id': 'corr_9', 'x-causation-id': 'cause-7' }))).toEqual({
      requestId: id,
      correlationId: 'corr_9',
      causationId: 'cause-7',
      clientIp: '203.0.113.9',
    });
  });

  it.each([['a'.repeat(129)], [''], ['a b'], ['<script>'], ['编号-1'], ['x\u0000y']])('replaces %p by a generated id', (bad) => {
    const trace = requestTrace(request({ 'x-request-id': bad, 'x-correlation-id': bad, 'x-causation-id': bad }));
    expect(trace.requestId).toMatch(UUID);
    // Without a valid one of their own, correlation and causation are the request's.
    expect(trace.correlationId).toBe(trace.requestId);
    expect(trace.causationId).toBe(trace.requestId);
  });

  it('takes the first of repeated headers, and decides once per request', () => {
    const req = request({ 'x-request-id': ['first', 'second'] });
    expect(requestTrace(req).requestId).toBe('first');
    const generated = request({});
    expect(requestTrace(generated).requestId).toBe(requestTrace(generated).requestId);
  });

  it('bounds the User-Agent and records only an address as the client', () => {
    const trace = requestTrace(request({ 'user-agent': 'x'.repeat(10_000) }, 'not an address, made up by a client'));
    expect(trace.userAgent).toHaveLength(MAX_USER_AGENT_LENGTH);
    expect(trace.clientIp).toBe('127.0.0.1');
  });
});
