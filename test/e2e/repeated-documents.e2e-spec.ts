import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TestApp, startTestApp } from '../support/test-app';
import { OFFICER_1, OFFICER_3, REVIEWER, at, openCaseBody } from '../support/fixtures';
import { openAndFile } from '../support/cases';

/**
 * A document the case produces twice, issued twice over real HTTP: two 责令限期整改指令书 (the second after a failed
 * 复查), each issued with the step that orders it, take numbers 1 and 2 of their series, each fetched by its number renders its own order to its recorded hash;
 * the same order is never issued twice; verification re-renders both.
 */
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PARTY = { ...openCaseBody().party, address: '郴州市北湖区人民西路88号' };
const ORDER_1 = '北应急责改〔2026〕1号';
const ORDER_2 = '北应急责改〔2026〕2号';

describe('a document issued once per occurrence (two rectification orders)', () => {
  let t: TestApp;
  let id: string;
  // The issued documents the demo cases hold already (verification checks them too).
  let demoIssued = 0;
  const scratch = mkdtempSync(path.join(tmpdir(), 'casetrail-repeated-'));

  beforeAll(async () => {
    t = await startTestApp();
    id = await openAndFile(t.http, { party: PARTY });
    demoIssued = (await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify')).body.documents.checked;
  });
  afterAll(async () => t?.close());

  const run = (user: string, command: string, body: object) => t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body);
  const issue = (occurredAt: string) => run(OFFICER_1, 'issue-document', { kind: 'rectification-order', occurredAt });
  const issuedWith = (res: { body: { events: { type: string; data: Record<string, unknown> }[] } }) =>
    res.body.events.filter((e) => e.type === 'DocumentIssued').map((e) => [e.data.kind, e.data.number]);
  const orders = async () =>
    (
      (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/documents`)).body.items as {
        kind: string;
        number: string;
        sha256: string;
        revision: number;
      }[]
    ).filter((d) => d.kind === 'rectification-order');
  const order = (deadline: string, occurredAt: string) =>
    run(OFFICER_1, 'issue-rectification-order', { items: ['清理超量储存'], deadline, legalBasis: ['安全生产法 Art. 65'], occurredAt });

  async function issuedText(number: string, query = '') {
    const res = await fetch(`${t.http.baseUrl}/api/v1/cases/${id}/documents/issued/${encodeURIComponent(number)}${query}`, {
      headers: { authorization: `Bearer ${await t.http.token(OFFICER_1)}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const pdf = path.join(scratch, `${sha256(Buffer.from(number))}.pdf`);
    writeFileSync(pdf, bytes);
    const text = res.status === 200 ? execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '') : '';
    return { status: res.status, hash: sha256(bytes), text };
  }

  it('issues the first order with the step that orders it under number 1, then refuses the same order again, writing nothing', async () => {
    const first = await order('2026-09-20', at('2026-09-03'));
    expect(first.status).toBe(200);
    expect(issuedWith(first)).toEqual([['rectification-order', ORDER_1]]);

    let head = await t.http.headPosition();
    const again = await issue(at('2026-09-04'));
    expect(again.status).toBe(422);
    expect(again.body.violations).toEqual([
      expect.objectContaining({ rule: 'documentNotYetIssued', detail: `rectification-order: ${ORDER_1}` }),
    ]);
    expect(await t.http.headPosition()).toBe(head);
    // A failed re-inspection is no new order: still refused.
    const failed = await run(OFFICER_1, 'record-reinspection', {
      officerIds: [OFFICER_1, OFFICER_3],
      result: 'failed',
      findings: '未清理',
      occurredAt: at('2026-09-21'),
    });
    expect(failed.status).toBe(200);
    // Its 整改复查意见书 is issued with it, under a number of its own series.
    expect(issuedWith(failed)).toEqual([['reinspection-opinion', expect.stringMatching(/^北应急复查〔2026〕\d+号$/)]]);
    head = await t.http.headPosition();
    const stillRefused = await issue(at('2026-09-21'));
    expect(stillRefused.status).toBe(422);
    expect(stillRefused.body.violations[0].detail).toBe(`rectification-order: ${ORDER_1}`);
    expect(await t.http.headPosition()).toBe(head);
  });

  it('issues the second order (after the failed 复查) with its step under number 2, and it too only once', async () => {
    const second = await order('2026-10-12', at('2026-09-22'));
    expect(second.status).toBe(200);
    expect(issuedWith(second)).toEqual([['rectification-order', ORDER_2]]);
    const head = await t.http.headPosition();
    const again = await issue(at('2026-09-23'));
    expect(again.status).toBe(422);
    expect(again.body.violations[0].detail).toBe(`rectification-order: ${ORDER_2}`);
    expect(await t.http.headPosition()).toBe(head);
  });

  it('fetches each by its number: its recorded hash, its own number and deadline', async () => {
    const list = await orders();
    expect(list.map((d) => d.number)).toEqual([ORDER_1, ORDER_2]);
    const [one, two] = [await issuedText(ORDER_1), await issuedText(ORDER_2)];
    expect([one.status, two.status]).toEqual([200, 200]);
    expect([one.hash, two.hash]).toEqual(list.map((d) => d.sha256));
    expect(one.text).toContain(ORDER_1);
    expect(one.text).toContain('二〇二六年九月二十日前');
    expect(one.text).not.toContain('二〇二六年十月十二日前');
    expect(two.text).toContain(ORDER_2);
    expect(two.text).toContain('二〇二六年十月十二日前');
    // The revision it was issued at names one issue (a kind issued again under one number, as a 送达回证 is).
    const revisions = (await orders()).map((d) => d.revision);
    expect((await issuedText(ORDER_2, `?kind=rectification-order&revision=${revisions[1]}`)).hash).toBe(two.hash);
    expect((await issuedText(ORDER_2, `?revision=${revisions[0]}`)).status).toBe(404);
    expect((await issuedText(ORDER_2, '?revision=-1')).status).toBe(400);
    // The current rendering is the latest order, bearing the number that issued it.
    const current = await fetch(`${t.http.baseUrl}/api/v1/cases/${id}/documents/rectification-order?format=html`, {
      headers: { authorization: `Bearer ${await t.http.token(OFFICER_1)}` },
    });
    const html = await current.text();
    expect(html).toContain(ORDER_2);
    expect(html).not.toContain(ORDER_1);
  });

  it('verifies both issued orders (and the 复查意见书) by rendering each again from its revision', async () => {
    const verified = await t.http.as(REVIEWER, 'GET', '/api/v1/integrity/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, documents: { checked: demoIssued + 3, mismatches: [] } });
  });
});
