import { EventStore, NewEvent, StoredEvent, WrongExpectedRevisionError } from '@app/event-store';
import { WorkingDayCalendar, parseInstant, toShanghaiDate } from '@app/calendar';
import {
  ArchivedDossier,
  CaseCommand,
  CaseEventBody,
  CommandBodies,
  CommandName,
  CommandOf,
  isSystemCommand,
  CaseSnapshot,
  DiscretionBenchmark,
  DocumentNumber,
  IssuedDocument,
  NumberKind,
  PeopleLookup,
  RulesBook,
  caseStage,
  decideCommand,
  foldAccepted,
  followUpsOf,
  foldCaseEvents,
  initialCaseSnapshot,
} from '@workflows/enforcement-case';
import { CaseCache, CaseEntry, KeyedMutex } from './case-cache';
import { HistoryCache } from './history-cache';
import { CaseView, toCaseView } from './case-view';
import { Actor, CaseEventMetadata, caseStreamId, toCaseEvent } from './event-envelope';
import {
  CaseNotFoundError,
  CommandNotAllowedError,
  ConcurrencyExhaustedError,
  IdempotencyKeyReusedError,
  InvalidOccurredAtError,
  LegalConditionsNotMetError,
  RevisionMismatchError,
} from './engine-errors';
import { DEFAULT_NUMBER_FORMATS, NumberingService, formatDocumentNumber } from './numbering.service';
import { DocumentSealer, DossierSealer } from './document-sealer';
import { deterministicUuid, requestHash } from './ids';

export interface AgencyLookup {
  agency(id: string): { shortName: string; numberFormats?: Partial<Record<string, string>>; entrustedBy?: string } | undefined;
}

/**
 * The access decision for a step on an existing case, made once, against the case the engine loaded for it (a
 * refusal given on a cached fold is checked again on a fresh one, like every refusal). Throws to refuse.
 */
export interface Authorizer {
  authorize(request: { actor: Actor; command: CommandName; case: CaseParties; occurredAt?: string }): void;
}

/** Validates a body as received (the API's DTOs); throws to refuse. Runs only after the step was authorized. */
export interface CommandBodyParser {
  parse<K extends CommandName>(name: K, raw: unknown): Promise<CommandBodies[K]>;
}

/** A command whose body is still as received: the engine authorizes it, then has it parsed. */
export interface UnparsedCommand {
  name: CommandName;
  unparsed: unknown;
}

export interface CaseEngineDeps {
  store: EventStore;
  authorizer: Authorizer;
  /** Needed for `UnparsedCommand`s. */
  parser?: CommandBodyParser;
  people: PeopleLookup & AgencyLookup;
  rules: RulesBook;
  benchmark?: DiscretionBenchmark;
  calendar: WorkingDayCalendar;
  clock: () => Date;
  newId: () => string;
  cacheSize?: number;
  /** Estimated bytes the folded cases may hold (CASE_CACHE_MB); default 64 MiB. */
  cacheBytes?: number;
  /** Events of recently read histories kept parsed (GET /events, timeline); default 10,000. */
  historyCacheEvents?: number;
  /** Estimated bytes those histories may hold (HISTORY_CACHE_MB); default 32 MiB. */
  historyCacheBytes?: number;
  maxRetries?: number;
  /** Renders the documents `issue-document` issues; without it that command is refused. */
  documents?: DocumentSealer;
  /** Binds the 案卷 `archive-dossier` archives; without it that command is refused (and not taken after closing). */
  dossiers?: DossierSealer;
}

export interface CommandRequest {
  /** Absent for open-case, whose id the engine assigns. */
  caseId?: string;
  command: CaseCommand | UnparsedCommand;
  actor: Actor;
  onBehalfOf?: string;
  occurredAt?: string;
  requestId: string;
  correlationId?: string;
  causationId?: string;
  clientIp?: string;
  userAgent?: string;
  idempotencyKey?: string;
  /** From `If-Match`: the revision the client saw. */
  ifMatch?: number;
}

export interface CommandResult {
  caseId: string;
  created: boolean;
  /** True when this is a retry answered from the first request's events. */
  replayed: boolean;
  view: CaseView;
  events: StoredEvent[];
}

/** Clients' clocks may run ahead of the server's by this much (docs/api.md §1). */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The people and agency an access decision looks at (docs/api.md §5: role × jurisdiction × case relation). */
export interface CaseParties {
  agencyId: string;
  handlingOfficerIds: string[];
  presidingOfficerId: string | null;
  filingApproverId: string | null;
}

function partiesOf(snapshot: CaseSnapshot): CaseParties {
  const c = snapshot.context;
  return {
    agencyId: c.agencyId,
    handlingOfficerIds: c.opened?.handlingOfficerIds ?? [],
    presidingOfficerId: c.hearing?.presidingOfficerId ?? null,
    filingApproverId: c.filingApproverId,
  };
}

const MIB = 1024 * 1024;

/** load → fold → decide → append, with optimistic concurrency, idempotency and a folded-state cache. */
export class CaseEngine {
  private readonly cache: CaseCache;
  private readonly histories: HistoryCache;
  private readonly mutex = new KeyedMutex();
  private readonly numbering: NumberingService;

  constructor(private readonly deps: CaseEngineDeps) {
    this.cache = new CaseCache(deps.cacheSize ?? 10_000, deps.cacheBytes ?? 64 * MIB);
    this.histories = new HistoryCache(deps.historyCacheEvents ?? 10_000, deps.historyCacheBytes ?? 32 * MIB);
    this.numbering = new NumberingService(deps.store);
  }

  execute(req: CommandRequest): Promise<CommandResult> {
    const isOpen = req.command.name === 'open-case';
    const caseId = isOpen
      ? req.idempotencyKey
        ? deterministicUuid(`open-case:${req.actor.id}:${req.idempotencyKey}`)
        : this.deps.newId()
      : req.caseId!;
    return this.mutex.run(caseId, async () => {
      let result = await this.executeLocked(caseId, req);
      for (const next of followUpsOf(req.command.name)) result = await this.followUp(next, result, req);
      // A closed or unfiled case rarely sees another command (an interference record at most): keep the cache for
      // the cases in progress. Dropped only now, so the steps that follow closing decide on the fold closing left.
      if (result.view.stage === 'closed' || result.view.stage === 'notFiled') this.cache.delete(caseId);
      return result;
    });
  }

  /**
   * A step a command is followed by (`followUpsOf`: the 案卷 archived right after closing, a served document issued),
   * by the same person, when the case allows it now — after a replayed request too, so a retry completes a step an
   * interruption left undone. It is part of the act the person was authorized to take, so it is not authorized again
   * (a head who schedules a hearing issues its 通知书 though only handling officers issue documents on their own).
   * Its refusal or failure leaves the steps before it standing: the answer is then theirs alone.
   */
  private async followUp(command: CaseCommand, first: CommandResult, req: CommandRequest): Promise<CommandResult> {
    if (!first.view.allowedCommands.includes(command.name)) return first;
    if (command.name === 'issue-document' && !this.deps.documents) return first;
    try {
      const then = await this.executeLocked(
        first.caseId,
        {
          caseId: first.caseId,
          command,
          actor: req.actor,
          onBehalfOf: req.onBehalfOf,
          occurredAt: req.occurredAt,
          requestId: req.requestId,
          correlationId: req.correlationId ?? req.requestId,
          causationId: first.events[first.events.length - 1]?.id ?? req.requestId,
          clientIp: req.clientIp,
          userAgent: req.userAgent,
        },
        true,
      );
      return { ...first, view: then.view, events: [...first.events, ...then.events] };
    } catch {
      return first;
    }
  }

  async getCase(caseId: string): Promise<CaseView> {
    const entry = await this.load(caseId);
    if (entry.revision < 0) throw new CaseNotFoundError(caseId);
    return toCaseView(entry.snapshot, entry.revision);
  }

  /** Who stands where in a case (for access decisions on reads), caught up with the store. */
  async getParties(caseId: string): Promise<CaseParties> {
    const entry = await this.load(caseId);
    if (entry.revision < 0) throw new CaseNotFoundError(caseId);
    return partiesOf(entry.snapshot);
  }

  /** The case's stored events, oldest first (kept parsed for the next read: the array must not be changed). */
  async getEvents(caseId: string): Promise<readonly StoredEvent[]> {
    const events = await this.histories.read(this.deps.store, caseStreamId(caseId));
    if (!events.length) throw new CaseNotFoundError(caseId);
    return events;
  }

  /** `followUp`: a step taken after the one it follows, and authorized with it. */
  private async executeLocked(caseId: string, req: CommandRequest, followUp = false): Promise<CommandResult> {
    const isOpen = req.command.name === 'open-case';
    // A body as received is parsed once the step is authorized: an unauthorised caller learns nothing from it.
    let command: CommandOf | undefined = 'unparsed' in req.command ? undefined : req.command;
    const maxRetries = this.deps.maxRetries ?? 5;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      // Optimistic: decide on the cached fold without reading the store; if another process moved the
      // case on, the append's expected revision fails and we re-load. Refusals are only given on a fresh fold.
      const cached = attempt === 0 ? this.cache.get(caseId) : undefined;
      const entry = cached ?? (await this.load(caseId));
      const stale = (refusal: unknown) => {
        if (!cached) throw refusal;
      };
      if (!isOpen && entry.revision < 0) throw new CaseNotFoundError(caseId);
      // The one access decision for a step on a case, against the case it is decided on. A new case has none: the
      // route judged the agency it names. The system's own commands are the scheduler's.
      if (!isOpen && !isSystemCommand(req.command.name) && !followUp) {
        try {
          this.deps.authorizer.authorize({
            actor: req.actor,
            command: req.command.name,
            case: partiesOf(entry.snapshot),
            occurredAt: req.occurredAt,
          });
        } catch (refusal) {
          stale(refusal);
          continue;
        }
      }
      command ??= await this.parse(req.command);
      const hash = req.idempotencyKey ? requestHash(command) : '';
      if (req.idempotencyKey) {
        const prior = entry.keys.get(`${req.actor.id}:${req.idempotencyKey}`);
        if (prior) {
          if (prior.requestHash !== hash) throw new IdempotencyKeyReusedError(req.idempotencyKey);
          return this.replay(caseId, prior.first, prior.last, isOpen);
        }
      }
      if (req.ifMatch !== undefined && req.ifMatch !== entry.revision) {
        stale(new RevisionMismatchError(req.ifMatch, entry.revision));
        continue;
      }
      const occurredAt = this.occurredAt(req, entry);
      const decision = decideCommand(entry.snapshot, caseId, command, {
        occurredAt,
        actor: req.actor,
        people: this.deps.people,
        rules: this.deps.rules,
        benchmark: this.deps.benchmark,
        calendar: this.deps.calendar,
        newId: this.deps.newId,
      });
      if (!decision.ok) {
        const r = decision.refusal;
        stale(
          r.kind === 'not_allowed'
            ? new CommandNotAllowedError(r.command, r.stage, r.allowedCommands)
            : new LegalConditionsNotMetError(r.command, r.violations),
        );
        continue;
      }
      let bodies: CaseEventBody[];
      if ('numbered' in decision) bodies = decision.events(await this.documentNumber(decision.numbered, caseId, entry, occurredAt));
      else if ('issue' in decision) {
        const issued = await this.issueDocument(decision.issue, caseId, entry, occurredAt);
        // Decided on a cached fold that is behind the stored history: decide again on a fresh one.
        if (!issued) continue;
        bodies = decision.events(issued);
      } else if ('archive' in decision) {
        const archived = await this.archiveDossier(caseId, entry);
        if (!archived) continue;
        bodies = decision.events(archived);
      } else bodies = decision.events;
      const agencyId = isOpen ? (command.body as { agencyId: string }).agencyId : entry.snapshot.context.agencyId;
      const newEvents = this.envelope(caseId, req, command, bodies, occurredAt, hash, agencyId);
      // Folded once, before the append: proves the machine accepts the events, is the next cached state, and
      // tells each event the stage it leads to (read models take the stage from there, never re-deciding it).
      let nextSnapshot = entry.snapshot;
      for (const e of newEvents) {
        nextSnapshot = foldAccepted([toCaseEvent(e)], nextSnapshot);
        (e.metadata as CaseEventMetadata).stageAfter = caseStage(nextSnapshot)!;
      }
      try {
        const result = await this.deps.store.append(caseStreamId(caseId), newEvents, entry.revision < 0 ? 'no_stream' : entry.revision);
        if (result.events[0].revision !== entry.revision + 1) {
          // Same event ids were already stored (a retry that raced its original elsewhere): answer as a replay.
          continue;
        }
        const next = this.withKeys({ ...entry, snapshot: nextSnapshot, revision: entry.revision + newEvents.length }, result.events);
        if (entry.revision < 0) this.cache.set(caseId, next);
        else this.cache.grow(caseId, next, result.events);
        return { caseId, created: isOpen, replayed: false, view: toCaseView(next.snapshot, next.revision), events: result.events };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
        if (req.ifMatch !== undefined) throw new RevisionMismatchError(req.ifMatch, typeof e.actual === 'number' ? e.actual : -1);
      }
    }
    throw new ConcurrencyExhaustedError(caseId);
  }

  /** Catches a cached case up with the events after its revision (reads see other processes' writes), or folds the stream on a miss. */
  private async load(caseId: string): Promise<CaseEntry> {
    const cached = this.cache.get(caseId);
    const base: CaseEntry = cached ?? { snapshot: initialCaseSnapshot(), revision: -1, keys: new Map() };
    const events = await this.deps.store.readStream(caseStreamId(caseId), { fromRevision: base.revision + 1 });
    if (!events.length) return base;
    const entry = this.foldInto(base, events);
    if (cached) this.cache.grow(caseId, entry, events);
    else this.cache.set(caseId, entry);
    return entry;
  }

  private foldInto(entry: CaseEntry, events: StoredEvent[]): CaseEntry {
    const snapshot = foldCaseEvents(events.map(toCaseEvent), entry.snapshot);
    return this.withKeys({ ...entry, snapshot, revision: events[events.length - 1].revision }, events);
  }

  /** Records the idempotency keys the events carry (copy-on-write: only keyed events allocate). */
  private withKeys(entry: CaseEntry, events: StoredEvent[]): CaseEntry {
    let keys = entry.keys;
    for (const e of events) {
      const m = e.metadata as CaseEventMetadata;
      if (!m.idempotencyKey) continue;
      if (keys === entry.keys) keys = new Map(keys);
      const k = `${m.actor.id}:${m.idempotencyKey}`;
      const prior = keys.get(k);
      keys.set(k, { first: prior?.first ?? e.revision, last: e.revision, requestHash: m.requestHash ?? '' });
    }
    return { ...entry, keys };
  }

  /** The first response again: the case as it stood after the keyed request, and the events it wrote. */
  private async replay(caseId: string, first: number, last: number, created: boolean): Promise<CommandResult> {
    const all = await this.deps.store.readStream(caseStreamId(caseId));
    const upTo = all.filter((e) => e.revision <= last);
    const snapshot: CaseSnapshot = foldCaseEvents(upTo.map(toCaseEvent));
    return { caseId, created, replayed: true, view: toCaseView(snapshot, last), events: upTo.filter((e) => e.revision >= first) };
  }

  private async parse(command: CaseCommand | UnparsedCommand): Promise<CommandOf> {
    if (!('unparsed' in command)) return command;
    if (!this.deps.parser) throw new Error(`${command.name}: a body as received needs the engine's parser`);
    return { name: command.name, body: await this.deps.parser.parse(command.name, command.unparsed) };
  }

  private occurredAt(req: CommandRequest, entry: CaseEntry): string {
    const now = this.deps.clock();
    if (req.occurredAt === undefined) return now.toISOString();
    const t = parseInstant(req.occurredAt);
    if (t === null) throw new InvalidOccurredAtError('occurredAt: 不是有效的时间 (not a valid ISO-8601 datetime)');
    if (t > now.getTime() + CLOCK_SKEW_MS) throw new InvalidOccurredAtError('occurredAt: 不能晚于当前时间 (is in the future)');
    const openedAt = entry.snapshot.context.openedAt;
    if (openedAt && t < Date.parse(openedAt))
      throw new InvalidOccurredAtError(`occurredAt: 不能早于立案时间 ${openedAt} (is before the case was opened)`);
    return req.occurredAt;
  }

  /**
   * A gapless document number, taken only for a decision that has passed every legal condition. An entrusted
   * organisation's documents are issued in the entrusting agency's name (行政处罚法第二十条), so they take
   * that agency's numbers and say so (`issuerAgencyId`).
   */
  private documentNumber(kind: NumberKind, caseId: string, entry: CaseEntry, occurredAt: string): Promise<DocumentNumber> {
    return this.takeNumber(kind, DEFAULT_NUMBER_FORMATS[kind], caseId, entry, occurredAt);
  }

  /** The next number of a series, in the issuing agency's format for it (see `documentNumber`); per occurrence when given. */
  private async takeNumber(
    series: string,
    format: string,
    caseId: string,
    entry: CaseEntry,
    occurredAt: string,
    occurrence?: number,
  ): Promise<DocumentNumber> {
    const issuerId = this.issuerOf(entry.snapshot.context.agencyId);
    const issuer = this.deps.people.agency(issuerId);
    const year = Number(toShanghaiDate(occurredAt).slice(0, 4));
    const n = await this.numbering.assign(series, issuerId, year, caseId, occurrence);
    const no = formatDocumentNumber(issuer?.numberFormats?.[series] ?? format, issuer?.shortName ?? issuerId, year, n);
    return this.issuedAs(no, entry);
  }

  private issuedAs(no: string, entry: CaseEntry): DocumentNumber {
    const issuerId = this.issuerOf(entry.snapshot.context.agencyId);
    return issuerId !== entry.snapshot.context.agencyId ? { no, issuerAgencyId: issuerId } : { no };
  }

  /**
   * A document to issue, rendered from the events up to the revision the command was decided on: the renderer builds
   * it (refusing before any number is taken), a number of its own series is taken when it has one (gapless, like
   * case numbers: a retry of the same case gets the same number back), and its PDF is hashed bearing that number.
   * Null when the fold was behind the stored history.
   */
  private async issueDocument(kind: string, caseId: string, entry: CaseEntry, occurredAt: string): Promise<IssuedDocument | null> {
    if (!this.deps.documents) throw new Error('issue-document: the engine has no document renderer');
    const history = await this.histories.read(this.deps.store, caseStreamId(caseId));
    if (history.length !== entry.revision + 1) return null;
    const prepared = await this.deps.documents.prepare(kind, history);
    const { numbering } = prepared;
    const number =
      'number' in numbering
        ? this.issuedAs(numbering.number, entry)
        : await this.takeNumber(numbering.series, numbering.format, caseId, entry, occurredAt, prepared.occurrence);
    return { number, sha256: await prepared.sha256(number.no), revision: entry.revision };
  }

  /** The 案卷 to archive, bound by the binder from the stored history (null when the fold was behind it). */
  private async archiveDossier(caseId: string, entry: CaseEntry): Promise<ArchivedDossier | null> {
    if (!this.deps.dossiers) throw new Error('archive-dossier: the engine has no dossier binder');
    const history = await this.histories.read(this.deps.store, caseStreamId(caseId));
    if (history.length !== entry.revision + 1) return null;
    return this.deps.dossiers.archive(history);
  }

  /** The agency in whose name a case of this agency is handled: the entrusting one for an entrusted organisation. */
  private issuerOf(agencyId: string): string {
    return this.deps.people.agency(agencyId)?.entrustedBy ?? agencyId;
  }

  private envelope(
    caseId: string,
    req: CommandRequest,
    command: CommandOf,
    bodies: CaseEventBody[],
    occurredAt: string,
    hash: string,
    agencyId: string,
  ): NewEvent[] {
    const recordedAt = this.deps.clock().toISOString();
    // docs/supervision.md §1: `onBehalfOf` names the entrusting agency when an entrusted organisation acts.
    const issuer = this.issuerOf(agencyId);
    const onBehalfOf = req.onBehalfOf ?? (issuer !== agencyId ? issuer : undefined);
    const legalBasis = (command.body as { legalBasis?: string[] }).legalBasis;
    return bodies.map((b, i) => {
      const id = req.idempotencyKey ? deterministicUuid(`${caseId}:${req.actor.id}:${req.idempotencyKey}:${i}`) : this.deps.newId();
      const rulesVersion = (b.data as { rulesVersion?: string }).rulesVersion;
      const metadata: CaseEventMetadata = {
        actor: req.actor,
        ...(onBehalfOf ? { onBehalfOf } : {}),
        command: command.name,
        occurredAt,
        recordedAt,
        requestId: req.requestId,
        correlationId: req.correlationId ?? req.requestId,
        causationId: req.causationId ?? req.requestId,
        ...(req.clientIp ? { clientIp: req.clientIp } : {}),
        ...(req.userAgent ? { userAgent: req.userAgent } : {}),
        ...(rulesVersion ? { rulesVersion } : {}),
        ...(legalBasis ? { legalBasis } : {}),
        ...(req.idempotencyKey ? { idempotencyKey: req.idempotencyKey, requestHash: hash } : {}),
      };
      return { id, type: b.type, data: b.data, metadata };
    });
  }
}
