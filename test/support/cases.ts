import { HttpClient } from './http-client';
import { HASH, HEAD, OFFICER_1, OFFICER_2, at, openCaseBody } from './fixtures';
import { TestApp, startTestApp } from './test-app';

/** Opens a case of 北湖区 (2026-09-01) and has the head file it (2026-09-02); returns its id. */
export async function openAndFile(http: HttpClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const id: string = (await http.as(OFFICER_1, 'POST', '/api/v1/cases', openCaseBody(overrides))).body.case.caseId;
  const filed = await http.command(id, HEAD, 'approve-filing', { occurredAt: at('2026-09-02') });
  if (filed.status !== 200) throw new Error(`approve-filing: ${filed.status} ${JSON.stringify(filed.body)}`);
  return id;
}

/** Starts the application and opens and files one case in it (as `openAndFile`): the start of a suite about one case. */
export async function startWithFiledCase(): Promise<{ t: TestApp; id: string }> {
  const t = await startTestApp();
  return { t, id: await openAndFile(t.http) };
}

/**
 * Opens a case against `party` and takes it to a penalty decision the short way (statement rights waived),
 * published when asked (2026-09-01 … 09-08); `decide` adds to the decision (e.g. a violation code and discretion level);
 * returns its id.
 */
export async function decidedCase(
  http: HttpClient,
  party: object,
  o: { penalties: object[]; legalBasis: string[]; publish: boolean; decide?: Record<string, unknown> },
): Promise<string> {
  const id = await openAndFile(http, { party });
  const { penalties, legalBasis } = o;
  const steps: [string, string, object][] = [
    [
      OFFICER_1,
      'record-evidence',
      { kind: 'inspection', title: '检查', officerIds: [OFFICER_1, OFFICER_2], contentHash: HASH, occurredAt: at('2026-09-03') },
    ],
    [
      OFFICER_1,
      'conclude-investigation',
      { findings: '属实', proposedOutcome: 'penalty', proposedPenalties: penalties, legalBasis, occurredAt: at('2026-09-04') },
    ],
    [OFFICER_1, 'issue-penalty-notice', { proposedPenalties: penalties, legalBasis, occurredAt: at('2026-09-04') }],
    [OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at('2026-09-04') }],
    [HEAD, 'decide', { outcome: 'penalty', penalties, legalBasis, ...o.decide, occurredAt: at('2026-09-07') }],
    ...(o.publish
      ? ([[OFFICER_1, 'publish-decision', { channel: '北湖区人民政府网站', occurredAt: at('2026-09-08') }]] as [string, string, object][])
      : []),
  ];
  for (const [user, command, body] of steps) {
    const res = await http.command(id, user, command, body);
    if (res.status !== 200) throw new Error(`${command}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return id;
}

/**
 * 调查终结 proposing an outcome other than a penalty (by officer 1), then the head's decision on it; the conclusion must
 * be accepted, and the decision's answer is returned for the test to judge.
 */
export async function concludeAndDecide(
  http: HttpClient,
  id: string,
  conclusion: { findings: string; proposedOutcome: string; legalBasis: string[]; occurredAt: string },
  decision: { outcome: string; legalBasis: string[]; justification?: string; occurredAt: string },
) {
  const concluded = await http.command(id, OFFICER_1, 'conclude-investigation', conclusion);
  if (concluded.status !== 200) throw new Error(`conclude-investigation: ${concluded.status} ${JSON.stringify(concluded.body)}`);
  return http.command(id, HEAD, 'decide', decision);
}
