import Database from 'better-sqlite3';
import { StoredEvent } from '@app/event-store';
import { openDeadlinesProjection } from './open-deadlines.projection';
import { caseEvent, deadlineSet } from '../testing/deadline-events';

const ev = caseEvent;
const deadline = deadlineSet;
const opened = (caseId: string) =>
  ev(caseId, 'CaseOpened', { caseId, agencyId: 'ag-1', handlingOfficerIds: ['o1', 'o2'], party: { kind: 'organization', name: '甲公司' } });

describe('open-deadlines projection', () => {
  let db: Database.Database;
  const write = (...events: StoredEvent[]) =>
    openDeadlinesProjection.sqlite.write(
      db,
      events.flatMap((e) => openDeadlinesProjection.evolve(e)),
    );
  const rows = () => db.prepare('SELECT case_id, kind, agency_id, due_date, status FROM open_deadlines ORDER BY case_id, kind').all();
  beforeEach(() => {
    db = new Database(':memory:');
    openDeadlinesProjection.sqlite.setup(db);
  });
  afterEach(() => db.close());

  it('keeps the agency’s own deadlines from filing, not the party’s periods, and drops what is met', () => {
    write(
      opened('c1'),
      ev('c1', 'CaseFiled', {
        caseNo: '郴北应急罚〔2026〕1号',
        deadlines: [deadline('decision', '2026-11-30'), deadline('handling_period', '2026-10-01')],
      }),
      ev('c1', 'PenaltyNoticeServed', { deadlines: [deadline('statement', '2026-09-04'), deadline('hearing_request', '2026-09-08')] }),
    );
    expect(rows()).toEqual([
      { case_id: 'c1', kind: 'decision', agency_id: 'ag-1', due_date: '2026-11-30', status: 'open' },
      { case_id: 'c1', kind: 'handling_period', agency_id: 'ag-1', due_date: '2026-10-01', status: 'open' },
    ]);
    expect(db.prepare('SELECT case_no, officer_ids FROM deadline_cases').get()).toEqual({
      case_no: '郴北应急罚〔2026〕1号',
      officer_ids: ',o1,o2,',
    });
    expect(db.prepare('SELECT officer_id FROM deadline_case_officers ORDER BY officer_id').pluck().all()).toEqual(['o1', 'o2']);
    // The decision meets both and sets the service deadline.
    write(ev('c1', 'PenaltyDecided', { penalties: [], deadlines: [deadline('service', '2026-10-12')] }));
    expect(rows()).toEqual([{ case_id: 'c1', kind: 'service', agency_id: 'ag-1', due_date: '2026-10-12', status: 'open' }]);
  });

  it('marks a missed deadline, keeps it until the step is taken, pauses and resumes the handling clock', () => {
    write(
      opened('c2'),
      ev('c2', 'CaseFiled', { caseNo: 'N2', deadlines: [deadline('decision', '2026-11-30'), deadline('handling_period', '2026-10-01')] }),
    );
    write(ev('c2', 'DeadlineMissed', { kind: 'handling_period', dueAt: '2026-10-01T23:59:59.999+08:00' }));
    write(ev('c2', 'CaseSuspended', { reason: 'r' }));
    expect(rows()).toEqual([
      { case_id: 'c2', kind: 'decision', agency_id: 'ag-1', due_date: '2026-11-30', status: 'paused' },
      { case_id: 'c2', kind: 'handling_period', agency_id: 'ag-1', due_date: '2026-10-01', status: 'missed' },
    ]);
    write(ev('c2', 'CaseResumed', { deadlines: [deadline('decision', '2026-12-10')] }));
    expect(rows()).toEqual([
      { case_id: 'c2', kind: 'decision', agency_id: 'ag-1', due_date: '2026-12-10', status: 'open' },
      { case_id: 'c2', kind: 'handling_period', agency_id: 'ag-1', due_date: '2026-10-01', status: 'missed' },
    ]);
    write(ev('c2', 'NoPenaltyDecided', { deadlines: [] }));
    expect(rows()).toEqual([]);
  });

  it('a suspension pauses only the deadlines it names (those still counting), the fold’s own list', () => {
    write(
      opened('c4'),
      ev('c4', 'CaseFiled', { caseNo: 'N4', deadlines: [deadline('decision', '2026-11-30'), deadline('handling_period', '2026-10-01')] }),
    );
    // Suspended on 10-05: the handling period's counted days are over, so only the decision is stopped.
    write(ev('c4', 'CaseSuspended', { reason: 'r', pauses: ['decision'] }));
    expect(rows()).toEqual([
      { case_id: 'c4', kind: 'decision', agency_id: 'ag-1', due_date: '2026-11-30', status: 'paused' },
      { case_id: 'c4', kind: 'handling_period', agency_id: 'ag-1', due_date: '2026-10-01', status: 'open' },
    ]);
  });

  it('tracks the 督办 reply until it is answered; a closed or unfiled case drops out entirely', () => {
    write(opened('c3'), ev('c3', 'CaseSupervised', { deadlines: [deadline('supervision_reply', '2026-09-08')] }));
    expect(rows()).toEqual([{ case_id: 'c3', kind: 'supervision_reply', agency_id: 'ag-1', due_date: '2026-09-08', status: 'open' }]);
    write(ev('c3', 'SupervisionReplied', { supervisionId: 's', reply: 'r' }));
    expect(rows()).toEqual([]);
    write(ev('c3', 'CaseSupervised', { deadlines: [deadline('supervision_reply', '2026-09-09')] }), ev('c3', 'FilingRejected', {}));
    expect(rows()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) FROM deadline_cases').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM deadline_case_officers').pluck().get()).toBe(0);
  });
});
