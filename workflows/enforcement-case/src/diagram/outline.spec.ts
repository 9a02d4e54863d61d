import { CaseEvent } from '../case-events';
import { foldCaseEvents } from '../fold';
import { STAGES } from '../stage';
import { activeStateIds } from './active-states';
import { StateOutline, enforcementCaseOutline } from './outline';

const at = '2026-09-01T10:00:00+08:00';
const ev = (type: string, data: unknown) => ({ type, data, meta: { actorId: 'o1', occurredAt: at, recordedAt: at } }) as CaseEvent;
const flatten = (nodes: StateOutline[]): StateOutline[] => nodes.flatMap((n) => [n, ...flatten(n.states)]);

describe('enforcementCaseOutline', () => {
  const outline = enforcementCaseOutline();
  const byId = new Map(flatten(outline).map((n) => [n.id, n]));

  it('has the procedure and the tracks beside it, each state with its Chinese name', () => {
    expect(outline.map((r) => [r.id, r.zh])).toEqual([
      ['procedure', '办案程序'],
      ['clock', '办案期限'],
      ['rectification', '整改复查'],
      ['seizure', '查封扣押'],
    ]);
    expect(byId.get('seizure.inForce')?.zh).toBe('查封扣押中');
    expect(byId.get('procedure.open.review.noticeServed')?.zh).toBe('已告知');
    // No node falls back to its key: every state of the machine carries its Chinese name.
    expect(flatten(outline).filter((n) => n.zh === n.key)).toEqual([]);
  });

  it('names every stage the API reports, with the same Chinese name', () => {
    for (const [stage, name] of Object.entries(STAGES)) {
      const node = byId.get(`procedure.open.${stage}`) ?? byId.get(`procedure.${stage}`);
      expect(node?.zh.startsWith(name.zh)).toBe(true);
    }
  });

  it('leaves history states out and points at the state they stand for', () => {
    expect([...byId.keys()].some((id) => id.endsWith('.hist'))).toBe(false);
    expect(byId.get('procedure.open.referral.proposed')?.next).toEqual(
      expect.arrayContaining(['procedure.open.referral.approved', 'procedure.open.investigation', 'procedure.open.review']),
    );
    expect(byId.get('procedure.open.filing')?.next.sort()).toEqual(['procedure.notFiled', 'procedure.open.investigation']);
  });
});

describe('activeStateIds', () => {
  it('unfolds a folded case state into one id per level of every region', () => {
    const snapshot = foldCaseEvents([
      ev('CaseOpened', { caseId: 'c', agencyId: 'ag', handlingOfficerIds: ['o1', 'o2'], violations: [], discoveredAt: '2026-09-01' }),
      ev('CaseFiled', { caseNo: 'N', rulesVersion: 'r', deadlines: [] }),
    ]);
    expect(activeStateIds(snapshot.value).sort()).toEqual(
      [
        'clock',
        'clock.running',
        'procedure',
        'procedure.open',
        'procedure.open.investigation',
        'rectification',
        'rectification.none',
        'seizure',
        'seizure.none',
      ].sort(),
    );
  });

  it('reads a plain state name as one id', () => {
    expect(activeStateIds('running', 'clock')).toEqual(['clock.running']);
  });
});
