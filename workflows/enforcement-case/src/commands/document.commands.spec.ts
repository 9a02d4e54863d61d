import { CaseEventBody } from '../case-events';
import { decideCommand } from '../decide/decide';
import { allowedCommands, caseStage, foldCaseEvents } from '../fold';
import { CASE_ID, env, given, opened, when } from '../testing/given-when-then';

const at = (d: string) => `${d}T10:00:00+08:00`;
const filed: CaseEventBody = { type: 'CaseFiled', data: { caseNo: '郴应急立〔2026〕1号', rulesVersion: 'hn-2026.1', deadlines: [] } };
const issue = (kind: string) => ({ name: 'issue-document' as const, body: { kind } });

describe('签发文书 issue-document', () => {
  it('asks the engine to render, number and hash the document, and records what it answers', () => {
    const s = given([opened, at('2026-09-01')], [filed, at('2026-09-01')]);
    const d = decideCommand(s, CASE_ID, issue('filing-approval'), env(at('2026-09-02')));
    if (!d.ok || !('issue' in d)) throw new Error(`expected a document to issue, got ${JSON.stringify(d)}`);
    expect(d.issue).toBe('filing-approval');
    const events = d.events({ number: { no: '郴应急立〔2026〕1号' }, sha256: 'cd'.repeat(32), revision: 1 });
    expect(events).toEqual([
      {
        type: 'DocumentIssued',
        data: { kind: 'filing-approval', number: '郴应急立〔2026〕1号', format: 'pdf', sha256: 'cd'.repeat(32), revision: 1 },
      },
    ]);
    // An entrusted organisation's document is issued in the entrusting agency's name, which the event then names.
    expect(d.events({ number: { no: 'X', issuerAgencyId: 'ag-city' }, sha256: 'cd'.repeat(32), revision: 1 })[0].data).toMatchObject({
      issuerAgencyId: 'ag-city',
    });
  });

  it('folds the issue into the context and changes no stage', () => {
    const s = given([opened, at('2026-09-01')], [filed, at('2026-09-01')]);
    const d = when(s, issue('filing-approval'), env(at('2026-09-02')));
    if (!d.ok) throw new Error(JSON.stringify(d.refusal));
    const meta = { actorId: 'o1', occurredAt: at('2026-09-02'), recordedAt: at('2026-09-02') };
    const after = foldCaseEvents(
      d.events.map((e) => ({ ...e, meta })),
      s,
    );
    expect(caseStage(after)).toBe(caseStage(s));
    expect(after.context.issuedDocuments).toEqual({ 'filing-approval': 'TEST-filing-approval-1' });
  });

  it('refuses a second issue of the same kind, naming the number it was issued under; another kind may follow', () => {
    const issued: CaseEventBody = {
      type: 'DocumentIssued',
      data: { kind: 'filing-approval', number: '郴应急立〔2026〕1号', format: 'pdf', sha256: 'cd'.repeat(32), revision: 1 },
    };
    const s = given([opened, at('2026-09-01')], [filed, at('2026-09-01')], [issued, at('2026-09-02')]);
    expect(when(s, issue('filing-approval'), env(at('2026-09-03')))).toEqual({
      ok: false,
      refusal: {
        kind: 'legal_conditions',
        command: 'issue-document',
        violations: [expect.objectContaining({ rule: 'documentNotYetIssued', detail: 'filing-approval: 郴应急立〔2026〕1号' })],
      },
    });
    expect(when(s, issue('penalty-notice'), env(at('2026-09-03')))).toMatchObject({ ok: true });
  });

  it('issues a repeatable kind again once the case has produced a new occurrence, never the same occurrence twice', () => {
    const order = (orderId: string): CaseEventBody => ({
      type: 'RectificationOrdered',
      data: { orderId, items: ['i'], deadline: '2026-09-20', legalBasis: ['安全生产法 Art. 65'], rulesVersion: 'hn-2026.1', deadlines: [] },
    });
    const issuedOrder = (number: string): CaseEventBody => ({
      type: 'DocumentIssued',
      data: { kind: 'rectification-order', number, format: 'pdf', sha256: 'cd'.repeat(32), revision: 2 },
    });
    const first = [
      [opened, at('2026-09-01')],
      [filed, at('2026-09-01')],
      [order('r1'), at('2026-09-02')],
      [issuedOrder('郴应急责改〔2026〕1号'), at('2026-09-02')],
    ] as [CaseEventBody, string][];
    const refused = {
      ok: false,
      refusal: {
        kind: 'legal_conditions',
        command: 'issue-document',
        violations: [expect.objectContaining({ rule: 'documentNotYetIssued', detail: 'rectification-order: 郴应急责改〔2026〕1号' })],
      },
    };
    // The same order again: refused, naming its number; something else happening meanwhile changes nothing.
    const failed: CaseEventBody = { type: 'ReinspectionRecorded', data: { officerIds: ['o1'], result: 'failed', findings: 'f' } };
    expect(when(given(...first), issue('rectification-order'), env(at('2026-09-03')))).toEqual(refused);
    expect(when(given(...first, [failed, at('2026-09-21')]), issue('rectification-order'), env(at('2026-09-22')))).toEqual(refused);
    // A second order (after the failed 复查) is a new act: it may be issued, and then it too only once.
    const ended: CaseEventBody = { type: 'RectificationFailed', data: { orderId: 'r1' } };
    const second = [...first, [failed, at('2026-09-21')], [ended, at('2026-09-21')], [order('r2'), at('2026-09-22')]] as [
      CaseEventBody,
      string,
    ][];
    expect(when(given(...second), issue('rectification-order'), env(at('2026-09-22')))).toMatchObject({ ok: true });
    const twice = given(...second, [issuedOrder('郴应急责改〔2026〕2号'), at('2026-09-22')]);
    expect(twice.context.issuedDocuments).toEqual({ 'rectification-order': '郴应急责改〔2026〕2号' });
    expect(when(twice, issue('rectification-order'), env(at('2026-09-23')))).toMatchObject({
      refusal: { violations: [expect.objectContaining({ detail: 'rectification-order: 郴应急责改〔2026〕2号' })] },
    });
  });

  it('keeps a single-occurrence kind issued once, whatever follows', () => {
    const issued: CaseEventBody = {
      type: 'DocumentIssued',
      data: { kind: 'filing-approval', number: '郴应急立〔2026〕1号', format: 'pdf', sha256: 'cd'.repeat(32), revision: 1 },
    };
    const again: CaseEventBody = { type: 'CaseFiled', data: { caseNo: '郴应急立〔2026〕1号', rulesVersion: 'hn-2026.1', deadlines: [] } };
    const s = given([opened, at('2026-09-01')], [filed, at('2026-09-01')], [issued, at('2026-09-02')]);
    expect(
      foldCaseEvents([{ ...again, meta: { actorId: 'o1', occurredAt: at('2026-09-03'), recordedAt: at('2026-09-03') } }], s).context
        .issuedDocuments,
    ).toEqual({
      'filing-approval': '郴应急立〔2026〕1号',
    });
  });

  it('is not allowed before the filing is approved (the first document is the 立案审批表), nor once a case was not filed', () => {
    const filing = given([opened, at('2026-09-01')]);
    expect(allowedCommands(filing)).not.toContain('issue-document');
    expect(when(filing, issue('filing-approval'), env(at('2026-09-02')))).toMatchObject({
      ok: false,
      refusal: { kind: 'not_allowed', stage: 'filing' },
    });
    const rejected = given([opened, at('2026-09-01')], [{ type: 'FilingRejected', data: { reason: 'r' } }, at('2026-09-02')]);
    expect(allowedCommands(rejected)).not.toContain('issue-document');
    expect(allowedCommands(given([opened, at('2026-09-01')], [filed, at('2026-09-01')]))).toContain('issue-document');
  });
});
