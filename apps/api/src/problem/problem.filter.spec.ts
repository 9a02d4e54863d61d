import { ArgumentsHost } from '@nestjs/common';
import { EventStoreUnavailableError } from '@app/event-store';
import { ProblemFilter } from './problem.filter';

/** The filter's mapping of errors that reach it from below the controllers (a unit test with a stand-in reply). */
describe('ProblemFilter', () => {
  function render(exception: unknown) {
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
    const reply = {
      status(s: number) {
        sent.status = s;
        return reply;
      },
      header(k: string, v: string) {
        sent.headers[k] = v;
        return reply;
      },
      send(b: unknown) {
        sent.body = b;
        return reply;
      },
    };
    const host = {
      switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ url: '/api/v1/cases' }) }),
    } as unknown as ArgumentsHost;
    const filter = new ProblemFilter();
    (filter as unknown as { logger: { warn: () => void; error: () => void } }).logger = { warn: () => undefined, error: () => undefined };
    filter.catch(exception, host);
    return sent;
  }

  it('answers a remote store that is unavailable with 503 and Retry-After, not a 500', () => {
    const sent = render(new EventStoreUnavailableError('append', 'not the leader'));
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('2');
    expect(sent.body).toMatchObject({
      status: 503,
      title: expect.stringContaining('事件存储暂不可用'),
      detail: 'not the leader',
      instance: '/api/v1/cases',
    });
  });

  it('keeps an unknown error a 500 without its message', () => {
    const sent = render(new Error('secret internals'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toContain('secret internals');
  });
});
