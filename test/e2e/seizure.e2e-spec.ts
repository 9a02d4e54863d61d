import { TestApp } from '../support/test-app';
import { startWithFiledCase } from '../support/cases';
import { HEAD, OFFICER_1, at, evidenceBody } from '../support/fixtures';

const VIDEO = 'f00d'.repeat(16);

/** The coercive-measure track (查封扣押) beside the procedure. */
describe('seizure over HTTP', () => {
  let t: TestApp;
  let id: string;
  beforeAll(async () => ({ t, id } = await startWithFiledCase()));
  afterAll(async () => t.close());
  const run = (user: string, command: string, body: object) => t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
  const seize = (extra: object) => ({
    items: [{ name: '超量储存的烟花爆竹', quantity: '120箱' }],
    reason: '防止转移',
    legalBasis: ['安全生产法 Art. 65(4)'],
    occurredAt: at('2026-09-03'),
    ...extra,
  });

  it('refuses a seizure without an audio-video record of this case (422), and writes nothing', async () => {
    const before = await t.http.headPosition();
    const none = await run(HEAD, 'impose-seizure', seize({}));
    expect(none.status).toBe(422);
    expect(none.body.violations[0]).toMatchObject({
      rule: 'audioVideoRecorded',
      legalSource: expect.stringContaining('国办发〔2018〕118号'),
    });
    const unknown = await run(HEAD, 'impose-seizure', seize({ audioVideoEvidenceHash: VIDEO }));
    expect(unknown.status).toBe(422);
    expect(await t.http.headPosition()).toBe(before);
  });

  it('seizes with the on-site video recorded, for 30 days, extended once', async () => {
    await run(OFFICER_1, 'record-evidence', evidenceBody({ kind: 'audio_video', title: '执法记录仪视频', contentHash: VIDEO }));
    const seized = await run(HEAD, 'impose-seizure', seize({ audioVideoEvidenceHash: VIDEO }));
    expect(seized.status).toBe(200);
    expect(seized.body.case.state.seizure).toBe('inForce');
    // 30 days from 09-03 end on 10-03, inside National Day: a limit on coercion does not roll over (行政强制法第二十五条).
    expect(seized.body.case.deadlines.find((d: any) => d.kind === 'seizure')).toMatchObject({ dueDate: '2026-10-03', status: 'open' });
    const extended = await run(HEAD, 'extend-seizure', { days: 20, reason: '检验鉴定未完成', occurredAt: at('2026-09-30') });
    expect(extended.status).toBe(200);
    expect(extended.body.case.deadlines.find((d: any) => d.kind === 'seizure').dueDate).toBe('2026-10-23');
    const again = await run(HEAD, 'extend-seizure', { days: 5, reason: '再次延长', occurredAt: at('2026-10-20') });
    expect(again.status).toBe(422);
    expect(again.body.violations[0]).toMatchObject({ rule: 'seizureExtendedOnce', legalSource: '行政强制法 Art. 25' });
    expect((await run(HEAD, 'extend-seizure', { days: 31, reason: 'x' })).status).toBe(400);
  });

  it('refuses a second seizure while one is in force (409), and releases it', async () => {
    const second = await run(HEAD, 'impose-seizure', seize({ audioVideoEvidenceHash: VIDEO, occurredAt: at('2026-10-21') }));
    expect(second.status).toBe(409);
    const released = await run(HEAD, 'release-seizure', { disposition: 'released', reason: '已整改', occurredAt: at('2026-10-22') });
    expect(released.body.case.state.seizure).toBe('none');
    expect(released.body.case.deadlines.find((d: any) => d.kind === 'seizure').status).toBe('met');
    expect(released.body.case.allowedCommands).toContain('impose-seizure');
  });
});
