import { DeadlineSchedulerService } from '../../apps/api/src/deadlines/deadline-scheduler.service';
import { TestApp, startTestApp } from '../support/test-app';
import { projectionsCaughtUp } from '../support/projections';
import { HASH, HEAD, OFFICER_1, OFFICER_2, OFFICER_3, OTHER_COUNTY_OFFICER, REVIEWER, at, openCaseBody } from '../support/fixtures';

/** 案件检索 over the case-index projection, with the demo cases of the seed plus one of this test. */
describe('case search over HTTP', () => {
  let t: TestApp;
  let mine: string;

  const caughtUp = () => projectionsCaughtUp(t.http);
  const search = (user: string, query = '') => t.http.as(user, 'GET', `/api/v1/cases${query}`);

  beforeAll(async () => {
    t = await startTestApp();
    mine = (
      await t.http.as(
        OFFICER_1,
        'POST',
        '/api/v1/cases',
        openCaseBody({
          handlingOfficerIds: [OFFICER_1, OFFICER_3],
          party: { kind: 'organization', name: '郴州市检索测试化工厂', creditCode: '91431002MA4L000079' },
          industry: 'hazardous_chemicals',
        }),
      )
    ).body.case.caseId;
    await t.app.get(DeadlineSchedulerService).tick(); // today (2026-11-27) the demo cases' September deadlines have passed
    await caughtUp();
  });
  afterAll(async () => t.close());

  it('an officer sees their own bureau’s cases, filtered by stage, industry, party and officer', async () => {
    const all = await search(OFFICER_1);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4); // three demo cases of 北湖区 and this one
    expect(all.body.items.every((c: any) => c.agencyId === 'ag-431002')).toBe(true);
    expect((await search(OFFICER_1, '?stage=investigation')).body.items.map((c: any) => c.party.name)).toEqual([
      '郴州北湖燃气服务有限公司',
    ]);
    expect((await search(OFFICER_1, '?industry=fireworks')).body.items[0]).toMatchObject({
      stage: 'closed',
      caseNo: expect.stringMatching(/^北应急立/),
    });
    expect((await search(OFFICER_1, `?party=${encodeURIComponent('燃气')}`)).body.total).toBe(1);
    expect((await search(OFFICER_1, '?party=91431002ma4l00001n')).body.items[0].party.name).toBe('郴州市北湖区鑫盛烟花爆竹批发部');
    expect((await search(OFFICER_1, `?officerId=${OFFICER_3}`)).body.items.map((c: any) => c.caseId)).toEqual([mine]);
  });

  it('finds cases with an overdue deadline of a kind, and by flag and dates', async () => {
    const overdue = await search(OFFICER_1, '?overdue=handling_period');
    expect(overdue.body.items.map((c: any) => c.party.name)).toContain('郴州北湖燃气服务有限公司');
    expect(overdue.body.items.every((c: any) => c.overdue.includes('handling_period'))).toBe(true);
    expect((await search(OFFICER_1, '?openedFrom=2026-09-21&openedTo=2026-09-30')).body.items.map((c: any) => c.industry).sort()).toEqual([
      'construction',
      'gas',
    ]);
    expect((await search(OFFICER_1, '?decidedFrom=2026-08-01&decidedTo=2026-08-31')).body.items.map((c: any) => c.stage)).toEqual([
      'closed',
    ]);
  });

  it('a city supervisor sees every county with includeSubordinates; sorting and paging work', async () => {
    const all = await search('u-431000-supervisor', '?includeSubordinates=true&pageSize=2&sort=openedAt&order=asc');
    expect(all.body.total).toBe(7);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.items[0].openedAt <= all.body.items[1].openedAt).toBe(true);
    const page4 = await search('u-431000-supervisor', '?includeSubordinates=true&pageSize=2&page=4&sort=openedAt&order=asc');
    expect(page4.body.items).toHaveLength(1);
  });

  it('pages on with the answer’s `next` cursor (the rows of the numbered pages, in order); refuses a bad cursor and deep pages', async () => {
    const city = '?includeSubordinates=true&sort=openedAt&order=desc';
    const numbered = (await search('u-431000-supervisor', `${city}&pageSize=200`)).body;
    expect(numbered.next).toBeNull();
    const walked: string[] = [];
    let after = '';
    for (let pages = 0; pages < 10; pages++) {
      const page = await search('u-431000-supervisor', `${city}&pageSize=2${after}`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(numbered.total);
      walked.push(...page.body.items.map((c: any) => c.caseId));
      if (!page.body.next) break;
      after = `&after=${encodeURIComponent(page.body.next)}`;
    }
    expect(walked).toEqual(numbered.items.map((c: any) => c.caseId));

    const first = (await search('u-431000-supervisor', `${city}&pageSize=2`)).body;
    for (const bad of ['not-a-cursor', Buffer.from('[1,2]').toString('base64url')]) {
      const answer = await search('u-431000-supervisor', `${city}&after=${bad}`);
      expect(answer.status).toBe(400);
      expect(answer.body.errors.map((e: any) => e.field)).toEqual(['after']);
    }
    // A cursor of another order, and a cursor beside a page number, are refused too.
    const otherOrder = await search('u-431000-supervisor', `?includeSubordinates=true&sort=caseNo&after=${first.next}`);
    expect(otherOrder.body.errors.map((e: any) => e.field)).toEqual(['after']);
    expect((await search('u-431000-supervisor', `${city}&page=2&after=${first.next}`)).body.errors.map((e: any) => e.field)).toEqual([
      'page',
    ]);
    const deep = await search(OFFICER_1, '?page=101&pageSize=20');
    expect(deep.status).toBe(400);
    expect(deep.body.errors.map((e: any) => e.field)).toEqual(['page']);
    expect(deep.body.detail).toContain('after');
    expect((await search(OFFICER_1, '?page=100&pageSize=20')).status).toBe(200);
  });

  it('lists the named cases only (the cases behind a report figure), within the reader’s scope', async () => {
    const all = (await search('u-431000-supervisor', '?includeSubordinates=true&pageSize=200')).body.items.map((c: any) => c.caseId);
    const other = (await search(OTHER_COUNTY_OFFICER)).body.items[0].caseId;
    const named = await search(OFFICER_1, `?caseIds=${mine},${other}`);
    // The other county's case is outside the officer's scope: named or not, it is not listed.
    expect(named.body).toMatchObject({ total: 1, items: [{ caseId: mine }] });
    const three = all.slice(0, 3);
    const city = await search('u-431000-supervisor', `?includeSubordinates=true&caseIds=${three.join(',')}&sort=caseNo`);
    expect(city.body.items.map((c: any) => c.caseId).sort()).toEqual([...three].sort());
    const bad = await search(OFFICER_1, `?caseIds=${mine},not-a-case`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['caseIds']);
    const tooMany = Array.from({ length: 201 }, () => mine).join(',');
    expect((await search(OFFICER_1, `?caseIds=${tooMany}`)).body.errors.map((e: any) => e.field)).toEqual(['caseIds']);
  });

  it('refuses another county and a bad filter', async () => {
    expect((await search(OTHER_COUNTY_OFFICER, '?agencyId=ag-431002')).status).toBe(403);
    const bad = await search(OFFICER_1, '?stage=limbo&pageSize=500');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['pageSize', 'stage']);
  });

  it('flags a case with criminal indicators that ended in a fine alone (以罚代刑 review)', async () => {
    const fine = [{ kind: 'fine', amountYuan: 20_000 }];
    const id = (await t.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody({ criminalIndicators: { deaths: 1 } }))).body.case.caseId;
    const steps: [string, string, object][] = [
      [HEAD, 'approve-filing', { occurredAt: at('2026-09-02') }],
      [
        OFFICER_1,
        'record-evidence',
        { kind: 'inspection', title: '事故调查', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt: at('2026-09-03') },
      ],
      [
        OFFICER_1,
        'conclude-investigation',
        {
          findings: '事故责任',
          proposedOutcome: 'penalty',
          proposedPenalties: fine,
          legalBasis: ['安全生产法 Art. 114'],
          occurredAt: at('2026-09-04'),
        },
      ],
      [OFFICER_1, 'issue-penalty-notice', { proposedPenalties: fine, legalBasis: ['安全生产法 Art. 114'], occurredAt: at('2026-09-04') }],
      [OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-09-04') }],
      [HEAD, 'decide', { outcome: 'penalty', penalties: fine, legalBasis: ['安全生产法 Art. 114'], occurredAt: at('2026-09-07') }],
    ];
    for (const [user, command, body] of steps)
      expect({ command, status: (await t.http.as(user, 'POST', `/api/v1/cases/${id}/commands/${command}`, body)).status }).toEqual({
        command,
        status: 200,
      });
    await caughtUp();
    const flagged = await search(REVIEWER, '?flag=fine_in_place_of_referral');
    expect(flagged.body.items.map((c: any) => c.caseId)).toEqual([id]);
    expect(flagged.body.items[0].flags).toEqual(expect.arrayContaining(['criminal_indicators', 'fine_only', 'fine_in_place_of_referral']));
  });
});
