import { CaseEventBody } from '../case-events';
import { decideCommand } from '../decide/decide';
import { CASE_ID, env, given, opened } from '../testing/given-when-then';
import { COMMAND_NAMES, COMMANDS } from './registry';

const at = (d: string) => `${d}T10:00:00+08:00`;

describe('command registry', () => {
  it('declares every command once, with a Chinese summary and the events it may emit; only the scheduler’s is system-only', () => {
    for (const name of COMMAND_NAMES) {
      expect(COMMANDS[name].summary).toMatch(/[\u4e00-\u9fff]/);
      expect(COMMANDS[name].emits.length).toBeGreaterThan(0);
    }
    expect(COMMAND_NAMES.filter((n) => COMMANDS[n].who === 'system')).toEqual(['record-deadline-expiry']);
  });

  it('approve-filing asks for a case number and builds CaseFiled around the number it is given', () => {
    const d = decideCommand(
      given([opened, at('2026-09-01')]),
      CASE_ID,
      { name: 'approve-filing', body: {} },
      env(at('2026-09-02'), 'head', ['head']),
    );
    if (!d.ok || !('numbered' in d)) throw new Error(`expected a numbered decision: ${JSON.stringify(d)}`);
    expect(d.numbered).toBe('case');
    expect(d.events({ no: '测立〔2026〕7号' })).toMatchObject([{ type: 'CaseFiled', data: { caseNo: '测立〔2026〕7号' } }]);
    expect(d.events({ no: 'N', issuerAgencyId: 'ag-up' })[0].data).toMatchObject({ caseNo: 'N', issuerAgencyId: 'ag-up' });
  });

  it('a decision refused on its legal conditions asks for no number (numbers stay gapless)', () => {
    const filed: CaseEventBody = { type: 'CaseFiled', data: { caseNo: 'N1', rulesVersion: 'hn-2026.1', deadlines: [] } };
    const concluded: CaseEventBody = {
      type: 'InvestigationConcluded',
      data: { findings: 'f', proposedOutcome: 'penalty', legalBasis: ['b'] },
    };
    const s = given([opened, at('2026-09-01')], [filed, at('2026-09-01')], [concluded, at('2026-09-02')]);
    const d = decideCommand(
      s,
      CASE_ID,
      { name: 'decide', body: { outcome: 'penalty', penalties: [{ kind: 'fine', amountYuan: 1000 }], legalBasis: ['b'] } },
      env(at('2026-09-03'), 'head', ['head']),
    );
    expect(d).toMatchObject({ ok: false, refusal: { kind: 'legal_conditions' } });
    expect('numbered' in d).toBe(false);
  });
});
