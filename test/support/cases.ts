import { HttpClient } from './http-client';
import { HASH, HEAD, OFFICER_1, OFFICER_2, REVIEWER, at, evidenceBody, openCaseBody } from './fixtures';
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

/** One command of a walk: who gives it, which, and its body. */
export type CaseStep = [user: string, command: string, body: Record<string, unknown>];

/**
 * A filed-to-be case of 北湖区 walked the main path to closing (2026-09-02 … 09-22): a fine of 35,000 yuan, statement
 * and hearing waived, reviewed and discussed, decided, served, paid, attested and closed. In stages, so that a test
 * can look at the case between them; `walk` takes one or more.
 */
export const MAIN_PATH = {
  filing: [[HEAD, 'approve-filing', { opinion: '同意立案，由李执法、张执法承办', occurredAt: at('2026-09-02') }]],
  investigation: [
    [OFFICER_1, 'record-evidence', evidenceBody({ title: '现场检查笔录' })],
    [
      OFFICER_1,
      'conclude-investigation',
      {
        findings: '于2026年9月1日在仓库超量储存烟花爆竹',
        proposedOutcome: 'penalty',
        proposedPenalties: [{ kind: 'fine', amountYuan: 35000 }],
        legalBasis: ['安全生产法 Art. 99'],
        occurredAt: at('2026-09-10'),
      },
    ],
  ],
  notice: [
    [
      OFFICER_1,
      'issue-penalty-notice',
      { proposedPenalties: [{ kind: 'fine', amountYuan: 35000 }], legalBasis: ['安全生产法 Art. 99'], occurredAt: at('2026-09-11') },
    ],
  ],
  decision: [
    [OFFICER_1, 'waive-rights', { rights: ['statement', 'hearing'], occurredAt: at('2026-09-11', '15:00:00') }],
    [
      REVIEWER,
      'record-legal-review',
      { outcome: 'approved', legalBasisCorrect: true, opinion: '适用法律正确', occurredAt: at('2026-09-14') },
    ],
    [
      HEAD,
      'record-collective-discussion',
      { participantIds: [HEAD, REVIEWER, OFFICER_2], conclusion: '同意', occurredAt: at('2026-09-14') },
    ],
    [
      HEAD,
      'decide',
      {
        outcome: 'penalty',
        penalties: [{ kind: 'fine', amountYuan: 35000 }],
        legalBasis: ['安全生产法 Art. 99'],
        occurredAt: at('2026-09-15'),
      },
    ],
  ],
  service: [[OFFICER_1, 'serve-decision', { method: 'direct', occurredAt: at('2026-09-16') }]],
  closing: [
    [OFFICER_2, 'record-payment', { amountYuan: 35000, receiptNo: 'HN2026-0920001', occurredAt: at('2026-09-20') }],
    [OFFICER_1, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-21') }],
    [OFFICER_2, 'attest-interference-record', { complete: true, occurredAt: at('2026-09-21') }],
    [HEAD, 'close-case', { summary: '罚款缴清，结案', occurredAt: at('2026-09-22') }],
  ],
} satisfies Record<string, CaseStep[]>;

/** Gives each command to the case in order, expecting each accepted (the failure names the command and the problem). */
export async function walk(http: HttpClient, id: string, ...stages: CaseStep[][]): Promise<void> {
  for (const [user, command, body] of stages.flat()) {
    const res = await http.command(id, user, command, body);
    expect({ command, status: res.status, detail: res.body?.detail }).toMatchObject({ command, status: 200 });
  }
}

/** The whole main path, filing to closing. */
export function walkToClosing(http: HttpClient, id: string): Promise<void> {
  return walk(http, id, ...Object.values(MAIN_PATH));
}
