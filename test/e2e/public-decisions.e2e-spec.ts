import { TestApp, startTestApp } from '../support/test-app';
import { OFFICER_1, REVIEWER, at } from '../support/fixtures';
import { decidedCase } from '../support/cases';

const FINE = [{ kind: 'fine', amountYuan: 5000 }];
const BASIS = ['安全生产法 Art. 99'];

/** Sunshine enforcement (docs/supervision.md §7): the public list of published decisions, without a token. */
describe('public decisions over HTTP', () => {
  let t: TestApp;
  let now = new Date('2026-11-27T10:00:00+08:00');

  const decided = (party: object, publish: boolean) => decidedCase(t.http, party, { penalties: FINE, legalBasis: BASIS, publish });

  async function listed(): Promise<any[]> {
    for (;;) {
      const lag = (await t.http.as(REVIEWER, 'GET', '/api/v1/projections')).body as { lag: string }[];
      if (lag.length >= 3 && lag.every((p) => p.lag === '0')) break;
      await new Promise((r) => setImmediate(r));
    }
    const res = await fetch(`${t.http.baseUrl}/api/v1/public/decisions?pageSize=100`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: any[] }).items;
  }

  let org: string;
  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    org = await decided({ kind: 'organization', name: '郴州市某烟花爆竹经营部', creditCode: '91431002MA4L000079' }, true);
    await decided({ kind: 'individual', name: '张三丰', idNumber: '11010519491231002X' }, true);
    await decided({ kind: 'organization', name: '未公示企业', creditCode: '91431002MA4L000066' }, false);
  });
  afterAll(async () => t.close());

  it('lists published decisions without a token, masking an individual and never showing an identity number', async () => {
    const items = await listed();
    expect(items.map((i) => i.party.name).sort()).toEqual(['张**', '郴州市某烟花爆竹经营部']);
    expect(items.find((i) => i.party.kind === 'organization')).toMatchObject({
      party: { creditCode: '91431002MA4L000079' },
      decisionNo: expect.stringMatching(/^北应急罚〔2026〕\d+号$/),
      penalties: FINE,
    });
    expect(JSON.stringify(items)).not.toContain('11010519491231002X');
    expect(JSON.stringify(items)).not.toContain('未公示企业');
  });

  it('pages newest first (pages of one are the whole list in order) and refuses a page deeper than 10,000 rows', async () => {
    const whole = await listed();
    const paged: any[] = [];
    for (let page = 1; page <= whole.length + 1; page++) {
      const res = await fetch(`${t.http.baseUrl}/api/v1/public/decisions?pageSize=1&page=${page}`);
      paged.push(...((await res.json()) as { items: any[] }).items);
    }
    expect(paged).toEqual(whole);
    expect(whole.every((d, i) => i === 0 || whole[i - 1].publishedAt >= d.publishedAt)).toBe(true);
    expect((await fetch(`${t.http.baseUrl}/api/v1/public/decisions?pageSize=100&page=100`)).status).toBe(200);
    const deep = await fetch(`${t.http.baseUrl}/api/v1/public/decisions?pageSize=100&page=101`);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ errors: [{ field: 'page', message: 'at most 100' }] });
  });

  it('withdraws a decision once a remedy revokes it', async () => {
    await t.http.command(org, OFFICER_1, 'serve-decision', { method: 'direct', occurredAt: at('2026-09-08') });
    await t.http.command(org, OFFICER_1, 'record-remedy', {
      kind: 'reconsideration',
      body: '郴州市人民政府',
      occurredAt: at('2026-09-10'),
    });
    await t.http.command(org, OFFICER_1, 'record-remedy-outcome', { outcome: 'revoked', occurredAt: at('2026-10-20') });
    expect((await listed()).map((i) => i.party.name)).toEqual(['张**']);
  });

  it('stops showing a publication after three years', async () => {
    now = new Date('2029-09-09T10:00:00+08:00');
    expect(await listed()).toEqual([]);
  });
});
