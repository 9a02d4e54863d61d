import { StoredEvent } from '@app/event-store';
import { StoredCaseEvent, caseIdOf } from '@app/case-engine';
import type { CaseEventType, DeadlineSet } from '@workflows/enforcement-case';

/*
 * The read side sees the events' schema: a projection reads `StoredCaseEvent` (the union of event-data/ with the
 * engine's metadata), so renaming an event field fails to compile in every projection that reads it. The fallbacks
 * (`?? ''`) stay: a read model must not fail on an event that lacks a field, and every dialect writes the same row.
 */

/** The stored events of one type. */
export type StoredCaseEventOf<T extends CaseEventType> = Extract<StoredCaseEvent, { type: T }>;

/**
 * What a read model makes of each event type it reads, `Ctx` being what it knows besides the event (the case id, by
 * default). A key that is not an event type does not compile; a type left out is the projection's default.
 */
export type CaseEventHandlers<Out, Ctx = string> = { readonly [T in CaseEventType]?: (e: StoredCaseEventOf<T>, ctx: Ctx) => Out };

/**
 * One function over every event: the handler of the event's type applied to it, or undefined when the map has none.
 * (A Map: one lookup per event on a rebuild's hot path, and no inherited keys.)
 */
export function byType<Out, Ctx>(handlers: CaseEventHandlers<Out, Ctx>): (e: StoredCaseEvent, ctx: Ctx) => Out | undefined {
  // A handler is stored under its own event type, so it takes the events it is found for: TypeScript cannot
  // correlate the key with the handler's parameter by itself.
  const byName = new Map(Object.entries(handlers) as [string, (e: StoredCaseEvent, ctx: Ctx) => Out][]);
  return (e, ctx) => byName.get(e.type)?.(e, ctx);
}

/**
 * A projection's `evolve` over the whole store: events of other streams contribute nothing. A case stream holds only
 * case events (the engine writes them), so its events are read as the union.
 */
export function evolveCaseEvents<R>(evolve: (e: StoredCaseEvent, caseId: string) => R[]): (e: StoredEvent) => R[] {
  return (e) => {
    const caseId = caseIdOf(e.streamId);
    return caseId === null ? [] : evolve(e as StoredCaseEvent, caseId);
  };
}

/** The `evolve` of a projection that reads a few event types, one row each: the others contribute nothing. */
export function rowPerHandledEvent<R>(handlers: CaseEventHandlers<R>): (e: StoredEvent) => R[] {
  const rowOf = byType(handlers);
  return evolveCaseEvents((e, caseId) => {
    const row = rowOf(e, caseId);
    return row === undefined ? [] : [row];
  });
}

/** The deadlines an event sets or moves (filing, extension, resumption after 中止 …); none for most events. */
export function deadlinesOf(e: StoredCaseEvent): readonly DeadlineSet[] {
  return ('deadlines' in e.data ? e.data.deadlines : undefined) ?? [];
}
