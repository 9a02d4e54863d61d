import { Actor, CaseEngine, CaseView, DeadlineScheduler, deterministicUuid } from '@app/case-engine';
import { EventStore } from '@app/event-store';
import { MemoryDeadlineWatch } from '@app/projections';
import { CaseCommand } from '@workflows/enforcement-case';

/** What a step may need of its case as it stands when the step runs (ids the engine generated on earlier steps). */
export interface CaseSoFar {
  view: CaseView;
  /** The ids of the case's interference records, oldest first. */
  interferenceRecordIds: string[];
}

/** One step: who, when (an ISO instant in the past), and the command (or a function of the case so far). */
export type DemoStep = [userId: string, occurredAt: string, command: CaseCommand | ((c: CaseSoFar) => CaseCommand)];

export interface DemoCase {
  key: string;
  steps: DemoStep[];
}

export interface DemoRunDeps {
  engine: CaseEngine;
  store: EventStore;
  /** The registry's people, as the API's token would carry them. */
  actor: (userId: string) => Actor;
  /** The agency whose case and decision numbers a case of this agency takes (an entrusted squad: its entrusting bureau). */
  numberingAgency: (agencyId: string) => string;
  /** The service clock's now (the end of the simulated scheduler's last day). */
  now: Date;
  /** Runs the deadline scheduler through the simulated days, so missed deadlines are recorded as they would have been. */
  simulateScheduler: boolean;
  warn: (message: string) => void;
}

export interface DemoRunResult {
  caseIds: string[];
  commands: number;
  expiries: number;
  /** Each refused step: the case's key, the step and the engine's answer. */
  failed: string[];
}

/** The unmet conditions or the invalid fields of a refusal, where it names them. */
function detail(e: unknown): string {
  const x = e as { violations?: unknown; response?: unknown };
  const named = x.violations ?? x.response;
  return named ? ` ${JSON.stringify(named)}` : '';
}

interface Item {
  c: number;
  s: number;
  at: number;
  step: DemoStep;
}

/** The agency a case is opened in (its first step opens it). */
function openedBy(demo: DemoCase): string {
  const open = demo.steps[0][2];
  return typeof open === 'function' ? '' : ((open.body as { agencyId?: string }).agencyId ?? '');
}

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** The first moment (00:01, Asia/Shanghai) of each day after `from` up to and including the day of `to`. */
function morningsBetween(from: number, to: number): number[] {
  const startOfDay = (t: number) => Math.floor((t + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;
  const mornings: number[] = [];
  for (let day = startOfDay(from) + DAY_MS; day <= to; day += DAY_MS) if (day + 60_000 <= to) mornings.push(day + 60_000);
  return mornings;
}

/**
 * Drives demo cases through the engine exactly as the API does (the body as received, authorized, validated by the
 * command's DTO, decided on the statutory rules), day by day in the order of their dates, so numbers, positions and
 * the audit trail follow the calendar. Within a day the bureaus work side by side (their appends share commits);
 * each bureau's steps keep their order, so its case and decision numbers are the same on every run. With
 * `simulateScheduler`, the real deadline scheduler ticks at the start of every day on a simulated clock, recording
 * each expiry the morning after, as a running service would have. A case whose step is refused is left where it
 * stood (its remaining steps are skipped) and named.
 */
export async function runDemoCases(cases: DemoCase[], deps: DemoRunDeps): Promise<DemoRunResult> {
  const days = new Map<string, Map<string, Item[]>>();
  cases
    .flatMap((demo, c) => demo.steps.map((step, s): Item => ({ c, s, at: Date.parse(step[1]), step })))
    .sort((a, b) => a.at - b.at || a.c - b.c || a.s - b.s)
    .forEach((item) => {
      const day = new Date(item.at + SHANGHAI_MS).toISOString().slice(0, 10);
      const lanes = days.get(day) ?? days.set(day, new Map()).get(day)!;
      const lane = deps.numberingAgency(openedBy(cases[item.c]));
      (lanes.get(lane) ?? lanes.set(lane, []).get(lane)!).push(item);
    });
  const state = cases.map(() => ({ caseId: undefined as string | undefined, failed: '', so: undefined as CaseSoFar | undefined }));
  let simulated = days.size ? Math.min(...cases.map((d) => Date.parse(d.steps[0][1]))) : deps.now.getTime();
  // Seeded on first start only: a watch list of its own, following the (new) store from the start, is small.
  const watch = deps.simulateScheduler ? new MemoryDeadlineWatch(deps.store) : null;
  const scheduler = watch
    ? new DeadlineScheduler({ store: deps.store, engine: deps.engine, clock: () => new Date(simulated), watch })
    : null;
  watch?.start();
  let commands = 0;
  let expiries = 0;
  const tickUntil = async (to: number) => {
    if (!scheduler) return;
    for (const morning of morningsBetween(simulated, to)) {
      simulated = morning;
      expiries += await scheduler.tick();
    }
  };
  const run = async ({ c, s, step }: Item) => {
    const demo = cases[c];
    const st = state[c];
    if (st.failed) return;
    const [userId, occurredAt, command] = step;
    const cmd = typeof command === 'function' ? command(st.so!) : command;
    try {
      const result = await deps.engine.execute({
        caseId: st.caseId,
        command: { name: cmd.name, unparsed: cmd.body },
        actor: deps.actor(userId),
        occurredAt,
        requestId: deterministicUuid(`demo:${demo.key}:${s}`),
        idempotencyKey: `demo-seed:${demo.key}:${s}`,
        userAgent: 'casetrail demo seed',
      });
      commands++;
      st.caseId = result.caseId;
      const recorded = result.events.filter((e) => e.type === 'InterferenceRecorded').map((e) => (e.data as { recordId: string }).recordId);
      st.so = { view: result.view, interferenceRecordIds: [...(st.so?.interferenceRecordIds ?? []), ...recorded] };
    } catch (e) {
      st.failed = `${demo.key} #${s + 1} ${cmd.name}: ${(e as Error).message}${detail(e)}`;
      deps.warn(`演示案件未能写入 (demo case step refused): ${st.failed}`);
    }
  };
  try {
    for (const lanes of days.values()) {
      await tickUntil(Math.min(...[...lanes.values()].map((items) => items[0].at)));
      await Promise.all(
        [...lanes.values()].map(async (items) => {
          for (const item of items) await run(item);
        }),
      );
    }
    await tickUntil(deps.now.getTime());
    if (scheduler) {
      simulated = deps.now.getTime();
      expiries += await scheduler.tick();
    }
  } finally {
    watch?.stop();
  }
  return {
    caseIds: state.flatMap((st) => (st.caseId ? [st.caseId] : [])),
    commands,
    expiries,
    failed: state.flatMap((st) => (st.failed ? [st.failed] : [])),
  };
}
