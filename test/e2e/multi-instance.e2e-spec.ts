import { ChildProcess } from 'node:child_process';
import { HttpClient } from '../support/http-client';
import { startServerProcess, waitForExit } from '../support/server-process';
import { HEAD, HASH, OFFICER_1, OFFICER_2, REVIEWER, at, openCaseBody, organizationParty } from '../support/fixtures';
import { describeWithPostgres, dropSchema, freshSchemaName, postgresServerEnv } from '../support/postgres';

type Role = 'leading' | 'standby';
interface Instance {
  proc: ChildProcess;
  http: HttpClient;
  output: () => string;
}

/**
 * Several instances (docs/deployment.md §2): two API processes on one PostgreSQL database. Conflicting commands on one case from both are decided once
 * (the loser re-decides on the winner's state); the projections and the deadline scheduler run in exactly one of them;
 * killing that one (SIGKILL) hands both to the other, which goes on projecting.
 */
describeWithPostgres('two API instances on one PostgreSQL database', (url) => {
  const schema = freshSchemaName('multi');
  const env = postgresServerEnv(url, schema);
  let a: Instance;
  let b: Instance;

  const start = async (): Promise<Instance> => {
    const s = await startServerProcess(env);
    return { proc: s.proc, http: new HttpClient(s.baseUrl), output: s.output };
  };
  const roles = async (i: Instance): Promise<{ projections: Role; deadlineScheduler: Role }> =>
    (await i.http.request('GET', '/api/v1/health')).body.instance;
  /** Polls (liveness, not speed: the lease is retried every second) until the condition holds or the budget ends. */
  const eventually = async (what: string, check: () => Promise<boolean>, budgetMs = 30_000) => {
    const end = Date.now() + budgetMs;
    while (Date.now() < end) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`never happened: ${what}`);
  };

  beforeAll(async () => {
    // The first instance seeds the demo organisation and cases; the second finds them.
    a = await start();
    b = await start();
    await eventually('one instance leads the projections and the scheduler', async () => {
      const [ra, rb] = [await roles(a), await roles(b)];
      return [ra.projections, rb.projections].includes('leading') && [ra.deadlineScheduler, rb.deadlineScheduler].includes('leading');
    });
  }, 60_000);
  afterAll(async () => {
    for (const i of [a, b]) if (i && i.proc.exitCode === null && i.proc.signalCode === null) i.proc.kill('SIGTERM');
    await Promise.all([a, b].filter(Boolean).map((i) => waitForExit(i.proc)));
    await dropSchema(url, schema);
  });

  it('decides conflicting commands on one case once: the loser re-decides on the winner’s state', async () => {
    const opened = await a.http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody());
    expect(opened.status).toBe(201);
    const id = opened.body.case.caseId;
    // The same filing approval from both instances at once: one files the case, the other is refused by the state.
    const approvals = await Promise.all(
      [a, b].map((i) => i.http.as(HEAD, 'POST', `/api/v1/cases/${id}/commands/approve-filing`, { occurredAt: at('2026-09-02') })),
    );
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(approvals.find((r) => r.status === 409)!.body.allowedCommands).toContain('record-evidence');
    // Two evidence records at once through both: both stored, one after the other, none lost.
    const evidence = (title: string) => ({
      kind: 'photo',
      title,
      officerIds: [OFFICER_1, OFFICER_2],
      contentHash: HASH,
      occurredAt: at('2026-09-03'),
    });
    const both = await Promise.all([
      a.http.as(OFFICER_1, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidence('甲')),
      b.http.as(OFFICER_2, 'POST', `/api/v1/cases/${id}/commands/record-evidence`, evidence('乙')),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const history = (await b.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}/events`)).body as { type: string; revision: number }[];
    expect(history.map((e) => e.type)).toEqual(['CaseOpened', 'CaseFiled', 'EvidenceRecorded', 'EvidenceRecorded']);
    expect(history.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    // One gapless case number, not two.
    const view = (await a.http.as(OFFICER_1, 'GET', `/api/v1/cases/${id}`)).body;
    expect(view.caseNo).toMatch(/^北应急立〔2026〕\d+号$/);
  });

  it('runs the projections and the deadline scheduler in exactly one instance, and hands both over when it is killed', async () => {
    const [ra, rb] = [await roles(a), await roles(b)];
    expect([ra.projections, rb.projections].sort()).toEqual(['leading', 'standby']);
    expect([ra.deadlineScheduler, rb.deadlineScheduler].sort()).toEqual(['leading', 'standby']);

    // Kill whichever leads the projections; make sure the survivor ends up leading both.
    const [leader, survivor] = ra.projections === 'leading' ? [a, b] : [b, a];
    leader.proc.kill('SIGKILL');
    expect(await waitForExit(leader.proc)).toBe('SIGKILL');
    await eventually('the survivor takes both leases over', async () => {
      const r = await roles(survivor);
      return r.projections === 'leading' && r.deadlineScheduler === 'leading';
    });

    // The survivor goes on projecting what is written after the takeover.
    const opened = await survivor.http.as(
      OFFICER_1,
      'POST',
      '/api/v1/cases',
      openCaseBody({ party: organizationParty('接管后立案测试公司') }),
    );
    expect(opened.status).toBe(201);
    await eventually('the read models catch up on the survivor', async () => {
      const lag = (await survivor.http.as(REVIEWER, 'GET', '/api/v1/projections')).body as { lag: string }[];
      return lag.length > 0 && lag.every((p) => p.lag === '0');
    });
    const found = await survivor.http.as(OFFICER_1, 'GET', `/api/v1/cases?party=${encodeURIComponent('接管后立案测试公司')}`);
    expect(found.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([opened.body.case.caseId]);
  }, 60_000);
});
