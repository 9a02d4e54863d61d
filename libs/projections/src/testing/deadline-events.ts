import { StoredEvent } from '@app/event-store';

/** For the deadline read models' specs: events of one case, as the store hands them to a projection. */
let position = 0n;
export const caseEvent = (caseId: string, type: string, data: object): StoredEvent => ({
  id: `e${++position}`,
  streamId: `case-${caseId}`,
  type,
  revision: 0,
  position,
  data,
  metadata: { occurredAt: '2026-09-01T10:00:00+08:00', recordedAt: '2026-09-01T02:00:00Z', actor: { id: 'u', agencyId: 'ag' } },
});

/** A deadline as an event sets it, ending at the close of its due day (China Standard Time). */
export const deadlineSet = (kind: string, dueDate: string) => ({
  kind,
  startedAt: '2026-09-01T10:00:00+08:00',
  dueDate,
  dueAt: `${dueDate}T23:59:59.999+08:00`,
  basis: `basis of ${kind}`,
  rulesVersion: 'hn-2026.1',
});
