import { StoredEvent } from '@app/event-store';
import { foldCaseEvents } from '@workflows/enforcement-case';
import { CaseView, toCaseView } from './case-view';
import { CaseEventMetadata, StoredEventJson, storedEventToJson, toCaseEvent } from './event-envelope';

/**
 * Where to stop replaying (docs/supervision.md §1, timeline): a revision; `at` — what the system had recorded by then;
 * `occurredAt` — what had happened in the world by then (as the officers stated it).
 */
export type TimelinePoint = { revision: number } | { at: string } | { occurredAt: string };

export interface TimelineView {
  point: TimelinePoint;
  /** null when the case did not exist yet at that point. */
  case: CaseView | null;
  events: StoredEventJson[];
}

function upTo(events: readonly StoredEvent[], point: TimelinePoint): StoredEvent[] {
  if ('revision' in point) return events.filter((e) => e.revision <= point.revision);
  const limit = Date.parse('at' in point ? point.at : point.occurredAt);
  const field = 'at' in point ? 'recordedAt' : 'occurredAt';
  return events.filter((e) => Date.parse((e.metadata as CaseEventMetadata)[field]) <= limit);
}

/** The moment a view describes: deadlines still open but past their end by then show as missed. */
function asOf(view: CaseView, moment: number | null): CaseView {
  if (moment === null) return view;
  return {
    ...view,
    deadlines: view.deadlines.map((d) => (d.status === 'open' && Date.parse(d.dueAt) < moment ? { ...d, status: 'missed' } : d)),
  };
}

/** The case as it stood at a point, folded from its stored events (never from a read model). */
export function timelineAt(events: readonly StoredEvent[], point: TimelinePoint): TimelineView {
  const selected = upTo(events, point);
  if (!selected.length) return { point, case: null, events: [] };
  const snapshot = foldCaseEvents(selected.map(toCaseEvent));
  const moment = 'revision' in point ? null : Date.parse('at' in point ? point.at : point.occurredAt);
  return {
    point,
    case: asOf(toCaseView(snapshot, selected[selected.length - 1].revision), moment),
    events: selected.map(storedEventToJson),
  };
}

/** What changed between two revisions: the events after `from` up to `to`, and the case at both ends. */
export function timelineBetween(events: readonly StoredEvent[], from: number, to: number) {
  const before = timelineAt(events, { revision: from });
  const after = timelineAt(events, { revision: to });
  return {
    from: { revision: from, stage: before.case?.stage ?? null, allowedCommands: before.case?.allowedCommands ?? [] },
    to: { revision: to, stage: after.case?.stage ?? null, allowedCommands: after.case?.allowedCommands ?? [] },
    events: events.filter((e) => e.revision > from && e.revision <= to).map(storedEventToJson),
  };
}
