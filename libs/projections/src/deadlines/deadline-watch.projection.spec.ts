import Database from 'better-sqlite3';
import type { DueDeadline } from '@app/case-engine';
import { StoredEvent } from '@app/event-store';
import { deadlineWatchProjection, sqliteDueDeadlines } from './deadline-watch.projection';
import { caseEvent, deadlineSet } from '../testing/deadline-events';

const ev = caseEvent;
const deadline = deadlineSet;
const ms = (dueDate: string) => Date.parse(`${dueDate}T23:59:59.999+08:00`);

describe('deadline-watch projection (the scheduler’s watch list)', () => {
  let db: Database.Database;
  const write = (...events: StoredEvent[]) =>
    deadlineWatchProjection.sqlite.write(
      db,
      events.flatMap((e) => deadlineWatchProjection.evolve(e)),
    );
  const rows = () => db.prepare('SELECT case_id, kind, status FROM deadline_watch ORDER BY case_id, kind').all();
  beforeEach(() => {
    db = new Database(':memory:');
    deadlineWatchProjection.sqlite.setup(db);
  });
  afterEach(() => db.close());

  it('watches the agency’s deadlines and the party’s own periods, as the fold opens, pauses, meets and drops them', () => {
    write(
      ev('c1', 'CaseFiled', { deadlines: [deadline('decision', '2026-11-30'), deadline('handling_period', '2026-10-08')] }),
      ev('c1', 'PenaltyNoticeServed', { deadlines: [deadline('statement', '2026-09-04'), deadline('hearing_request', '2026-09-08')] }),
      ev('c2', 'CaseFiled', { deadlines: [deadline('handling_period', '2026-10-09')] }),
    );
    expect(rows()).toEqual([
      { case_id: 'c1', kind: 'decision', status: 'open' },
      { case_id: 'c1', kind: 'handling_period', status: 'open' },
      { case_id: 'c1', kind: 'hearing_request', status: 'open' },
      { case_id: 'c1', kind: 'statement', status: 'open' },
      { case_id: 'c2', kind: 'handling_period', status: 'open' },
    ]);
    // The party speaks (met); the period to ask for a hearing ends (recorded by the scheduler: met too).
    write(ev('c1', 'StatementRecorded', {}), ev('c1', 'HearingRequestPeriodEnded', {}));
    // The handling clock stops while the case is suspended: a paused deadline is never due.
    write(ev('c1', 'CaseSuspended', { pauses: ['handling_period'] }));
    expect(rows()).toEqual([
      { case_id: 'c1', kind: 'decision', status: 'open' },
      { case_id: 'c1', kind: 'handling_period', status: 'paused' },
      { case_id: 'c2', kind: 'handling_period', status: 'open' },
    ]);
    write(ev('c1', 'CaseResumed', { deadlines: [deadline('handling_period', '2026-10-20')] }));
    write(ev('c2', 'DeadlineMissed', { kind: 'handling_period', dueDate: '2026-10-09' }));
    expect(rows()).toEqual([
      { case_id: 'c1', kind: 'decision', status: 'open' },
      { case_id: 'c1', kind: 'handling_period', status: 'open' },
    ]);
    expect(sqliteDueDeadlines(db, { beforeMs: ms('2026-10-21'), after: null, limit: 10 })).toEqual([
      { caseId: 'c1', kind: 'handling_period', dueAt: '2026-10-20T23:59:59.999+08:00', dueMs: ms('2026-10-20') },
    ]);
    write(ev('c1', 'CaseClosed', {}));
    expect(rows()).toEqual([]);
  });

  it('reads the passed open deadlines page by page, in order of their end, by an index range (never a scan)', () => {
    const cases = ['a', 'b', 'c', 'd', 'e'];
    write(...cases.map((c, i) => ev(c, 'CaseFiled', { deadlines: [deadline('handling_period', `2026-10-0${(i % 2) + 1}`)] })));
    write(ev('z', 'CaseFiled', { deadlines: [deadline('handling_period', '2026-12-01')] }));
    const read: string[] = [];
    for (let after: DueDeadline | null = null; ;) {
      const page = sqliteDueDeadlines(db, { beforeMs: ms('2026-11-01'), after, limit: 2 });
      if (!page.length) break;
      read.push(...page.map((d) => d.caseId));
      after = page[page.length - 1];
    }
    expect(read).toEqual(['a', 'c', 'e', 'b', 'd']);

    const plan = (keyed: boolean) => {
      const prepare = db.prepare.bind(db);
      const sqls: string[] = [];
      const spy = jest.spyOn(db, 'prepare').mockImplementation((sql: string) => (sqls.push(sql), prepare(sql)));
      const after = keyed ? { dueMs: 0, caseId: 'a', kind: 'decision' } : null;
      sqliteDueDeadlines(db, { beforeMs: 1, after, limit: 2 });
      spy.mockRestore();
      const params = keyed ? [1, 0, 'a', 'decision', 2] : [1, 2];
      return (db.prepare(`EXPLAIN QUERY PLAN ${sqls[0]}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    expect(plan(false)).toMatch(/^SEARCH deadline_watch USING (COVERING )?INDEX deadline_watch_due \(due_ms<\?\)$/);
    // After a key, the range starts at the key: a later page does not pass the earlier ones again.
    expect(plan(true)).toMatch(
      /^SEARCH deadline_watch USING (COVERING )?INDEX deadline_watch_due \(\(due_ms,case_id,kind\)>\(\?,\?,\?\) AND due_ms<\?\)$/,
    );
  });
});
