import { HEAD, OFFICER_1, OFFICER_2, REVIEWER, at, evidenceBody, openCaseBody } from './fixtures';
import { HttpClient } from './http-client';

const BASIS = ['安全生产法 Art. 99'];
const FINE = [{ kind: 'fine', amountYuan: 8_000 }];

/**
 * Cases walked through the API to an 8,000-yuan fine, by name, for tests that count them (rates, deadlines): each
 * step must succeed, and its failure names the case and the command.
 */
export function finedCases(http: () => HttpClient, partyPrefix: string) {
  const id: Record<string, string> = {};
  const run = async (name: string, user: string, command: string, body: object) => {
    const res = await http().as(user, 'POST', `/api/v1/cases/${id[name]}/commands/${command}`, body);
    expect({ name, command, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({
      name,
      command,
      status: 200,
      body: undefined,
    });
    return res;
  };
  /** Opened on `date` and filed the same morning. */
  async function filed(name: string, date: string, industry = 'fireworks') {
    const opened = await http().as(
      OFFICER_1,
      'POST',
      '/api/v1/cases',
      openCaseBody({
        industry,
        discoveredAt: date,
        occurredAt: at(date),
        party: { kind: 'organization', name: `${partyPrefix}${name}厂`, creditCode: '91431002MA4L000079' },
      }),
    );
    expect({ status: opened.status, body: opened.status === 201 ? undefined : opened.body }).toEqual({ status: 201, body: undefined });
    id[name] = opened.body.case.caseId;
    await run(name, HEAD, 'approve-filing', { occurredAt: at(date, '11:00:00') });
  }
  /** Investigated and noticed on `concludeOn`, the statement waived, (legally reviewed,) decided and served on `decideOn`. */
  async function decided(
    name: string,
    { concludeOn, decideOn, review = false }: { concludeOn: string; decideOn: string; review?: boolean },
  ) {
    await run(name, OFFICER_1, 'record-evidence', evidenceBody({ occurredAt: at(concludeOn, '09:00:00') }));
    await run(name, OFFICER_1, 'conclude-investigation', {
      findings: '违法属实',
      proposedOutcome: 'penalty',
      proposedPenalties: FINE,
      legalBasis: BASIS,
      occurredAt: at(concludeOn),
    });
    await run(name, OFFICER_1, 'issue-penalty-notice', {
      proposedPenalties: FINE,
      legalBasis: BASIS,
      occurredAt: at(concludeOn, '11:00:00'),
    });
    await run(name, OFFICER_1, 'waive-rights', { rights: ['statement'], occurredAt: at(concludeOn, '15:00:00') });
    if (review)
      await run(name, REVIEWER, 'record-legal-review', {
        outcome: 'approved',
        legalBasisCorrect: true,
        opinion: '适用法律正确',
        occurredAt: at(decideOn, '09:00:00'),
      });
    await run(name, HEAD, 'decide', { outcome: 'penalty', penalties: FINE, legalBasis: BASIS, occurredAt: at(decideOn) });
    await run(name, OFFICER_1, 'serve-decision', { method: 'direct', occurredAt: at(decideOn, '15:00:00') });
  }
  /** The fine paid on `paidOn`, the interference record attested and the case closed on `closedOn`. */
  async function paidAndClosed(name: string, paidOn: string, closedOn: string) {
    await run(name, OFFICER_2, 'record-payment', { amountYuan: 8_000, receiptNo: `HN-${name}`, occurredAt: at(paidOn) });
    await run(name, OFFICER_1, 'attest-interference-record', { complete: true, occurredAt: at(closedOn, '09:00:00') });
    await run(name, OFFICER_2, 'attest-interference-record', { complete: true, occurredAt: at(closedOn, '09:00:00') });
    await run(name, HEAD, 'close-case', { summary: '结案', occurredAt: at(closedOn) });
  }
  return { id, run, filed, decided, paidAndClosed };
}
