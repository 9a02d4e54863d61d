import { HttpClient } from './http-client';

/** Waits until every read model has applied every event (GET /api/v1/projections reports lag 0 for each). */
export async function projectionsCaughtUp(http: HttpClient, reader = 'u-431002-reviewer'): Promise<void> {
  for (;;) {
    const lag = (await http.as(reader, 'GET', '/api/v1/projections')).body as { lag: string }[];
    if (lag.length && lag.every((p) => p.lag === '0')) return;
    await new Promise((r) => setImmediate(r));
  }
}
