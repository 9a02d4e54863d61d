import { TestApp, startTestApp } from '../support/test-app';
import { openAndFile } from '../support/cases';
import { HASH, OFFICER_1, OFFICER_2, openCaseBody } from '../support/fixtures';

/**
 * `occurredAt` is validated once, at the edge: an impossible date or time (the 30th of February, 24:00), a date
 * without a time or a time without an offset is a 400 naming the field, before anything is judged or written.
 */
describe('occurredAt: one validation at the edge', () => {
  let t: TestApp;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    id = await openAndFile(t.http);
  });
  afterAll(async () => t.close());

  const evidence = (occurredAt: string) => ({ kind: 'photo', title: '现场照片', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt });
  const bad = ['2026-02-30T10:00:00+08:00', '2026-02-30', '2026-09-29T24:00:00+08:00', '2026-09-29T10:00:00', '2026-09-29T10:00:00+08:00 ', '2026-13-01T10:00:00Z'];

  it.each(bad)('open-case and a case command with occurredAt %p: 400 naming occurredAt, nothing written', async (occurredAt) => {
    for (const send of [
      () => t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ occurredAt })),
      () => t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidence(occurredAt)),
    ]) {
      const head = await t.http.headPosition();
      const events = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body.length;
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['occurredAt']);
      expect(await t.http.headPosition()).toBe(head);
      expect((await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body.length).toBe(events);
    }
  });

  it('a valid occurredAt with an offset, with seconds and fractions, is accepted', async () => {
    const res = await t.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidence('2026-09-03T02:00:00.123Z'));
    expect(res.status).toBe(200);
    expect(res.body.events[0].metadata.occurredAt).toBe('2026-09-03T02:00:00.123Z');
  });
});
