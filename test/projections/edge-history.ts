import { EventStore } from '@app/event-store';

/** A whole deadline set as the engine writes it (the open-deadlines read model keeps its day, moment and basis). */
const deadlineSet = (kind: string, dueAt: string) => ({
  kind,
  startedAt: '2026-01-05T10:00:00+08:00',
  dueDate: dueAt.slice(0, 10),
  dueAt,
  basis: 'edge',
  rulesVersion: 'r',
});

/**
 * Hand-written events (appended straight to the store, not through the engine) for the corners of the read models'
 * write semantics that the scripted histories never reach: a flag or an overdue kind added twice, a deadline moved
 * before a late decision (timely = 0), a second conclusion (the first counts), two rectification orders of one case
 * with re-inspection dates landing on the open one only, a legality review repeated, a remedy that overturns, an
 * individual party, fractional and zone-less timestamps, a moment SQLite cannot parse, and streams that are not cases.
 * The projections read only `data` and `metadata`, so these need not be legal procedure.
 */
export async function appendEdgeHistory(store: EventStore, agencyId = 'ag-431002'): Promise<string[]> {
  let n = 0;
  const meta = (occurredAt: string | undefined, stageAfter: string, extra: Record<string, unknown> = {}) => ({
    actor: { id: 'u-431002-officer-1', name: '测试员', agencyId },
    command: 'edge',
    ...(occurredAt === undefined ? {} : { occurredAt }),
    recordedAt: new Date(Date.parse('2026-03-01T00:00:00Z') + n * 60_000).toISOString(),
    stageAfter,
    ...extra,
  });
  const put = async (stream: string, type: string, data: Record<string, unknown>, metadata: Record<string, unknown>) => {
    n++;
    await store.append(stream, [{ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type, data, metadata }], 'any');
  };
  const [a, b] = ['e1d9e000-0000-4000-8000-000000000001', 'e1d9e000-0000-4000-8000-000000000002'];
  const A = `case-${a}`;
  const B = `case-${b}`;
  await put(
    A,
    'CaseOpened',
    {
      agencyId,
      industry: 'gas',
      major: true,
      criminalIndicators: { deaths: 1 },
      party: { kind: 'individual', name: '张三丰', idNumber: '43100219800101001x' },
      handlingOfficerIds: ['u-431002-officer-1', 'u-431002-officer-2'],
      violations: [{ description: '无证经营' }],
    },
    meta('2026-03-01T10:00:00+08:00', 'filing'),
  );
  await put('numbers-2026', 'NumberAssigned', { n: 1 }, {});
  await put(
    A,
    'CaseFiled',
    { caseNo: '郴北应急立〔2026〕E1号', deadlines: [deadlineSet('decision', '2026-03-10T23:59:59+08:00')] },
    meta('2026-03-02T10:00:00.5+08:00', 'investigation'),
  );
  await put(
    B,
    'CaseOpened',
    {
      agencyId,
      industry: 'mining',
      party: { kind: 'organization', name: 'Edge 矿业', creditCode: '91431002ma4l0000x9' },
      handlingOfficerIds: ['u-431002-officer-2'],
    },
    meta('2026-03-03 09:00', 'filing'),
  );
  for (let i = 0; i < 2; i++) {
    await put(
      A,
      'InterferenceRecorded',
      {
        recordId: `r-edge-${i}`,
        intervener: { name: '李四', unit: '某局', post: '科长', relation: 'leading_cadre' },
        means: 'phone',
        content: '打招呼',
        handling: '拒绝',
        ...(i ? { corrects: 'r-edge-0' } : {}),
      },
      meta(`2026-0${3 + i * 3}-05T10:00:00+08:00`, 'investigation'),
    );
    await put(A, 'DeadlineMissed', { kind: 'handling_period' }, meta('2026-03-06T00:00:00Z', 'investigation'));
  }
  await put(A, 'LegalReviewCompleted', { legalBasisCorrect: false }, meta('2026-03-07T10:00:00+08:00', 'review'));
  await put(A, 'LegalReviewCompleted', { legalBasisCorrect: true }, meta('2026-03-08T10:00:00+08:00', 'review'));
  // The decision deadline moves earlier, then the decision comes after it: not timely.
  await put(
    A,
    'HandlingPeriodExtended',
    { deadlines: [deadlineSet('decision', '2026-03-09T00:00:00+08:00')] },
    meta('2026-03-08T11:00:00+08:00', 'review'),
  );
  await put(
    A,
    'PenaltyDecided',
    {
      decisionNo: '郴北应急罚〔2026〕E1号',
      penalties: [
        { kind: 'fine', amountYuan: 1234.5 },
        { kind: 'fine', amountYuan: 0.25 },
      ],
      legalBasis: ['安全生产法 Art. 99'],
      violationCode: 'AQ-99',
      discretionLevel: 'general',
      issuerAgencyId: 'ag-431000',
    },
    meta('2026-03-20T10:00:00+08:00', 'decided'),
  );
  // Moved again before a second conclusion: the first conclusion (late) still counts.
  await put(
    A,
    'HandlingPeriodExtended',
    { deadlines: [deadlineSet('decision', '2026-12-31T23:59:59+08:00')] },
    meta('2026-03-20T11:00:00+08:00', 'decided'),
  );
  await put(A, 'NoPenaltyDecided', { decisionNo: '郴北应急不罚〔2026〕E1号' }, meta('2026-03-21T10:00:00+08:00', 'decided'));
  await put(A, 'DecisionPublished', { channel: 'website' }, meta('2026-03-22T10:00:00+08:00', 'decided'));
  await put(
    A,
    'RectificationOrdered',
    { orderId: 'o-edge-1', deadline: '2026-04-01', deadlines: [deadlineSet('reinspection', '2026-04-10T23:59:59+08:00')] },
    meta('2026-03-23T10:00:00+08:00', 'decided'),
  );
  await put(A, 'ReinspectionRecorded', {}, meta('2026-04-11T10:00:00+08:00', 'decided'));
  await put(
    A,
    'RectificationOrdered',
    { orderId: 'o-edge-2', deadline: '2026-05-01', deadlines: [] },
    meta('2026-04-12T10:00:00+08:00', 'decided'),
  );
  await put(
    A,
    'RectificationDeadlineMoved',
    { deadlines: [deadlineSet('reinspection', '2026-05-10T23:59:59+08:00')] },
    meta('2026-04-13T10:00:00+08:00', 'decided'),
  );
  await put(A, 'ReinspectionRecorded', {}, meta('2026-05-09T10:00:00+08:00', 'decided'));
  await put(A, 'RemedyConcluded', { outcome: 'revoked' }, meta('2026-06-01T10:00:00+08:00', 'decided'));
  await put(A, 'DecisionRevoked', {}, meta('2026-06-01T10:00:00+08:00', 'decided'));
  await put(A, 'PenaltyExecuted', {}, meta('2026-06-02T10:00:00+08:00', 'executed'));
  await put(A, 'CaseClosed', {}, meta('2026-06-03T10:00:00+08:00', 'closed'));
  // Case B: decided with no occurredAt at all (SQLite's julianday('') is NULL), then published without a channel.
  await put(
    B,
    'CaseFiled',
    { caseNo: '郴北应急立〔2026〕E2号', deadlines: [deadlineSet('decision', '2026-06-30T23:59:59+08:00')] },
    meta('2026-03-04T10:00:00+08:00', 'investigation'),
  );
  await put(
    B,
    'PenaltyDecided',
    { decisionNo: '郴北应急罚〔2026〕E2号', penalties: [{ kind: 'warning' }], legalBasis: [] },
    meta(undefined, 'decided'),
  );
  await put(B, 'DecisionPublished', {}, meta('2026-03-05T10:00:00Z', 'decided'));
  await put(B, 'ReferralRejected', {}, meta('2026-03-06T10:00:00Z', 'decided'));
  await put(
    B,
    'InterferenceRecorded',
    { intervener: { name: '王五', unit: '', post: '', relation: 'other' } },
    meta('2026-12-31T23:59:59.999+08:00', 'decided'),
  );
  await put('registry', 'AgencyRegistered', { agencyId: 'ag-x' }, { recordedAt: '2026-03-01T00:00:00Z' });
  return [a, b];
}
