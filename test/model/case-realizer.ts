import { randomUUID } from 'node:crypto';
import { CaseEngine, CommandRequest } from '@app/case-engine';
import { EventStore, InMemoryEventStore } from '@app/event-store';
import { WorkingDayCalendar } from '@app/calendar';
import { Directory, demoDirectoryEvents } from '@app/directory';
import { CaseCommand, CaseEventType, RulesBook } from '@workflows/enforcement-case';
import rulesFile from '../../workflows/enforcement-case/rules/versions.json';

const A = '431002';
const u = (s: string) => `u-${A}-${s}`;
const FINE = [{ kind: 'fine' as const, amountYuan: 50_000 }];
const BASIS = ['安全生产法 Art. 99'];
const HASH = 'ab'.repeat(32);
const AV = 'cd'.repeat(32);

/**
 * Turns a path of machine events into commands run through the real engine: for each event the command that
 * produces it, preceded by the commands its legal conditions need (an approved legality review before a decision,
 * the party's periods waived, the officers' attestations before closing). Dates advance a day a step from
 * 2026-01-05 (and jump past a deadline where the path needs it), so every date falls in a year the calendar covers.
 */
export class CaseRealizer {
  readonly store: EventStore;
  private readonly engine: CaseEngine;
  private day = 0;

  constructor(store: EventStore = new InMemoryEventStore()) {
    this.store = store;
    const directory = new Directory();
    demoDirectoryEvents().forEach((e) => directory.apply(e));
    this.engine = new CaseEngine({
      // Transition coverage, not access: the authorization matrix covers who may act.
      authorizer: { authorize: () => undefined },
      store: this.store,
      people: { person: (id) => directory.person(id), agency: (id) => directory.agency(id) },
      rules: rulesFile as unknown as RulesBook,
      calendar: new WorkingDayCalendar(),
      clock: () => new Date('2026-11-27T00:00:00Z'),
      newId: randomUUID,
      // Transition coverage, not rendering: a document is "rendered" to a fixed hash under the number it bears.
      documents: { prepare: () => Promise.resolve({ numbering: { number: 'N' }, sha256: () => Promise.resolve(HASH) }) },
      // …and the 案卷 bound to a fixed hash at the revision of the closing.
      dossiers: { archive: (events) => Promise.resolve({ sha256: HASH, revision: events.length - 1, anchor: null, pages: 1 }) },
    });
    this.actors = new Map(directory.listUsers().map((x) => [x.id, { id: x.id, name: x.name, roles: x.roles, agencyId: x.agencyId }]));
    this.actors.set('system', { id: 'system', name: '系统 (deadline scheduler)', roles: [], agencyId: `ag-${A}` });
  }

  private readonly actors: Map<string, CommandRequest['actor']>;

  /** Moves this case's clock past an open deadline of the kind; returns the deadline. */
  private async passDeadline(caseId: string, kind: string, types: CaseEventType[]) {
    const d = (await this.engine.getCase(caseId)).deadlines.find((x) => x.kind === kind && x.status === 'open');
    if (!d) throw new Error(`no open ${kind} deadline on the path ${types.join(' → ')}`);
    this.day = Math.max(this.day, Math.ceil((Date.parse(d.dueAt) - Date.parse('2026-01-05T02:00:00Z')) / 86_400_000) + 1);
    return d;
  }

  /** Runs the commands for `types` on a new case; returns the case id. Throws (naming the step) on any refusal. */
  async realize(types: CaseEventType[]): Promise<string> {
    this.day = 0;
    // A path that records compliance needs a non-monetary penalty notified and decided too.
    const penalties = types.includes('ComplianceRecorded') ? [...FINE, { kind: 'suspend_production' as const, days: 10 }] : FINE;
    const s = {
      extended: false,
      remedyPending: false,
      discussed: false,
      urged: false,
      caseId: undefined as string | undefined,
      reviewed: false,
      waived: new Set<string>(),
      attested: new Set<string>(),
      hearing: false,
      statement: false,
      paid: 0,
      issued: 0,
    };
    const run = async (user: string, command: CaseCommand) => {
      const occurredAt = new Date(Date.parse('2026-01-05T02:00:00Z') + this.day++ * 86_400_000).toISOString();
      try {
        const r = await this.engine.execute({
          caseId: s.caseId,
          command,
          actor: this.actors.get(user)!,
          occurredAt,
          requestId: randomUUID(),
        });
        s.caseId = r.caseId;
        return r;
      } catch (e) {
        throw new Error(`${command.name} (for ${types.join(' → ')}): ${(e as Error).message}`, { cause: e });
      }
    };
    const attestAll = async () => {
      for (const o of [u('officer-1'), u('officer-2')])
        if (!s.attested.has(o))
          await run(o, { name: 'attest-interference-record', body: { complete: true } }).then(() => s.attested.add(o));
    };
    const beforeDecision = async () => {
      if (!s.reviewed) {
        await run(u('reviewer'), { name: 'record-legal-review', body: { outcome: 'approved', legalBasisCorrect: true, opinion: '同意' } });
        s.reviewed = true;
      }
      if (!s.discussed) {
        await run(u('head'), {
          name: 'record-collective-discussion',
          body: { participantIds: [u('head'), u('officer-3'), u('reviewer')], conclusion: '同意' },
        });
        s.discussed = true;
      }
    };
    for (const type of types) {
      switch (type) {
        case 'CaseOpened':
          await run(u('officer-1'), {
            name: 'open-case',
            body: {
              agencyId: `ag-${A}`,
              source: 'inspection',
              industry: 'gas',
              party: { kind: 'organization', name: '模型测试公司', creditCode: '91431002MA4L000079' },
              violations: [{ description: 'v', provisions: ['安全生产法 Art. 36'] }],
              discoveredAt: '2026-01-05',
              handlingOfficerIds: [u('officer-1'), u('officer-2')],
              summary: 's',
            },
          });
          break;
        case 'CaseFiled':
          await run(u('head'), { name: 'approve-filing', body: {} });
          break;
        case 'FilingRejected':
          await run(u('head'), { name: 'reject-filing', body: { reason: 'r' } });
          break;
        case 'EvidenceRecorded':
          await run(u('officer-1'), {
            name: 'record-evidence',
            body: { kind: 'photo', title: '照片', officerIds: [u('officer-1')], contentHash: HASH },
          });
          break;
        case 'EvidenceFileAttached': {
          // A file belongs to an evidence item of the case: record one, then attach its file.
          const recorded = await run(u('officer-1'), {
            name: 'record-evidence',
            body: { kind: 'photo', title: '照片', officerIds: [u('officer-1')], contentHash: HASH },
          });
          const { evidenceId } = recorded.events[0].data as { evidenceId: string };
          await run(u('officer-1'), {
            name: 'attach-evidence-file',
            body: { evidenceId, sha256: HASH, sizeBytes: 1024, contentType: 'image/jpeg', fileName: '现场照片.jpg' },
          });
          break;
        }
        case 'InvestigationConcluded':
          await run(u('officer-1'), {
            name: 'conclude-investigation',
            body: { findings: 'f', proposedOutcome: 'penalty', proposedPenalties: penalties, legalBasis: BASIS },
          });
          break;
        case 'PenaltyNoticeServed':
          await run(u('officer-1'), { name: 'issue-penalty-notice', body: { proposedPenalties: penalties, legalBasis: BASIS } });
          break;
        case 'RightsWaived':
          await run(u('officer-1'), { name: 'waive-rights', body: { rights: ['statement'] } });
          s.waived.add('statement');
          break;
        case 'StatementRecorded':
          await run(u('officer-1'), { name: 'record-statement', body: { summary: '申辩', adopted: false } });
          s.statement = true;
          break;
        case 'HearingRequested':
          await run(u('officer-1'), { name: 'request-hearing', body: {} });
          s.hearing = true;
          break;
        case 'HearingScheduled': {
          const hearingAt = new Date(Date.parse('2026-01-05T02:00:00Z') + (this.day + 20) * 86_400_000).toISOString();
          await run(u('head'), { name: 'schedule-hearing', body: { hearingAt, presidingOfficerId: u('officer-3'), location: '听证室' } });
          break;
        }
        case 'HearingHeld':
        case 'HearingForfeited':
          await run(u('officer-3'), { name: 'record-hearing', body: { attended: type === 'HearingHeld', summary: 's' } });
          break;
        case 'LegalReviewCompleted':
          await run(u('reviewer'), {
            name: 'record-legal-review',
            body: { outcome: 'approved', legalBasisCorrect: true, opinion: '同意' },
          });
          s.reviewed = true;
          break;
        case 'PenaltyDecided':
          await beforeDecision();
          if (!s.statement && !s.waived.has('statement'))
            await run(u('officer-1'), {
              name: 'waive-rights',
              body: { rights: ['statement', ...(s.hearing ? [] : (['hearing'] as const))] },
            });
          else if (!s.hearing) await run(u('officer-1'), { name: 'waive-rights', body: { rights: ['hearing'] } });
          await run(u('head'), { name: 'decide', body: { outcome: 'penalty', penalties, legalBasis: BASIS } });
          break;
        case 'NoPenaltyDecided':
          await beforeDecision();
          await run(u('head'), { name: 'decide', body: { outcome: 'no_penalty_minor', legalBasis: BASIS } });
          break;
        case 'DecisionServed':
          await run(u('officer-1'), { name: 'serve-decision', body: { method: 'direct' } });
          break;
        case 'PaymentRecorded':
          await run(u('officer-2'), { name: 'record-payment', body: { amountYuan: 1000, receiptNo: `R${this.day}` } });
          s.paid += 1000;
          break;
        case 'PenaltyExecuted':
          if ((await this.engine.getCase(s.caseId!)).stage === 'courtEnforcement')
            await run(u('officer-1'), { name: 'record-court-execution', body: { summary: '法院已执行' } });
          else await run(u('officer-2'), { name: 'record-payment', body: { amountYuan: 50_000 - s.paid, receiptNo: `R${this.day}` } });
          break;
        case 'InterferenceRecorded':
          await run(u('officer-2'), {
            name: 'record-interference',
            body: {
              intervener: { name: '某某', unit: '某局', post: '副局长', relation: 'leading_cadre' },
              means: 'phone',
              content: '说情',
              handling: '拒绝并记录',
            },
          });
          break;
        case 'InterferenceAttested': {
          const o = s.attested.has(u('officer-1')) ? u('officer-2') : u('officer-1');
          await run(o, { name: 'attest-interference-record', body: { complete: true } });
          s.attested.add(o);
          break;
        }
        case 'CaseSupervised':
        case 'SupervisionReplied': {
          // 督办 comes from the city's supervisor; a reply needs a notice awaiting it.
          const open = async () => (await this.engine.getCase(s.caseId!)).openSupervisions[0];
          if (type === 'CaseSupervised' || !(await open()))
            await run('u-431000-supervisor', { name: 'supervise-case', body: { reason: '办案期限将届满', replyWithinWorkingDays: 5 } });
          if (type === 'SupervisionReplied')
            await run(u('officer-1'), {
              name: 'reply-supervision',
              body: { supervisionId: (await open()).supervisionId, reply: '已加快办理' },
            });
          break;
        }
        case 'DeadlineMissed':
        case 'StatementPeriodEnded':
        case 'HearingRequestPeriodEnded':
        case 'SeizureTermExpired': {
          // The scheduler's record: move the clock past the deadline, then issue the system command.
          const kind = (
            {
              DeadlineMissed: 'handling_period',
              StatementPeriodEnded: 'statement',
              HearingRequestPeriodEnded: 'hearing_request',
              SeizureTermExpired: 'seizure',
            } as const
          )[type];
          const d = await this.passDeadline(s.caseId!, kind, types);
          await run('system', { name: 'record-deadline-expiry', body: { kind, dueAt: d.dueAt } });
          break;
        }
        case 'CaseSuspended':
          await run(u('head'), { name: 'suspend-case', body: { reason: '等待鉴定结论' } });
          break;
        case 'CaseResumed':
          await run(u('head'), { name: 'resume-case', body: {} });
          break;
        case 'HandlingPeriodExtended':
          await run(u('head'), { name: 'extend-handling-period', body: { tier: s.extended ? 'upper' : 'head', reason: '案情复杂' } });
          s.extended = true;
          break;
        case 'CollectiveDiscussionRecorded':
          await run(u('head'), {
            name: 'record-collective-discussion',
            body: { participantIds: [u('head'), u('officer-3'), u('reviewer')], conclusion: '同意' },
          });
          s.discussed = true;
          break;
        case 'DecisionPublished':
          await run(u('officer-1'), { name: 'publish-decision', body: {} });
          break;
        case 'PaymentDeferred': {
          const due = (await this.engine.getCase(s.caseId!)).deadlines.find((d) => d.kind === 'payment')!.dueDate;
          const later = new Date(Date.parse(`${due}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
          await run(u('head'), { name: 'approve-deferral', body: { dueDate: later } });
          break;
        }
        case 'ComplianceRecorded':
          await run(u('officer-1'), { name: 'record-compliance', body: { penaltyKind: 'suspend_production', summary: '已停产整顿' } });
          break;
        case 'RemedyFiled':
          await run(u('officer-1'), { name: 'record-remedy', body: { kind: 'reconsideration', body: '郴州市人民政府' } });
          s.remedyPending = true;
          break;
        case 'RemedyConcluded':
        case 'DecisionRevoked':
          if (!s.remedyPending)
            await run(u('officer-1'), { name: 'record-remedy', body: { kind: 'reconsideration', body: '郴州市人民政府' } });
          await run(u('officer-1'), {
            name: 'record-remedy-outcome',
            body: { outcome: type === 'DecisionRevoked' ? 'revoked' : 'upheld' },
          });
          s.remedyPending = false;
          break;
        case 'ReferralProposed':
          await run(u('officer-1'), {
            name: 'propose-referral',
            body: { offense: 'major_liability_accident', teamOfficerIds: [u('officer-1'), u('officer-2')], report: '涉嫌重大责任事故' },
          });
          break;
        case 'ReferralApproved':
          await run(u('head'), { name: 'approve-referral', body: {} });
          break;
        case 'ReferralRejected':
          await run(u('head'), { name: 'reject-referral', body: { reason: '证据不足以认定涉嫌犯罪' } });
          break;
        case 'CaseTransferredToPolice':
          await run(u('officer-1'), {
            name: 'transfer-to-police',
            body: { policeAgency: '郴州市公安局北湖分局', documents: ['涉嫌犯罪案件移送书', '涉嫌犯罪案件调查报告'] },
          });
          break;
        case 'PoliceDecisionRecorded':
        case 'ReferralAccepted':
        case 'ReferralDeclined':
          await run(u('officer-1'), {
            name: 'record-police-decision',
            body: { outcome: type === 'ReferralDeclined' ? 'declined' : 'accepted' },
          });
          break;
        case 'MaterialsHandedOver':
          await run(u('officer-1'), {
            name: 'record-handover',
            body: { receivedBy: '郴州市公安局北湖分局', materials: ['涉案物品清单所列物品'] },
          });
          break;
        case 'PoliceReconsiderationRequested':
          await run(u('head'), { name: 'request-police-reconsideration', body: { reason: '请求复议' } });
          break;
        case 'ReferredToProcuratorate':
          await run(u('head'), { name: 'refer-to-procuratorate', body: { reason: '提请检察院监督' } });
          break;
        case 'AdministrativeProcedureResumed':
          await run(u('head'), { name: 'resume-administrative-procedure', body: { reason: '依法继续行政处罚' } });
          break;
        case 'RectificationOrdered': {
          const deadline = new Date(Date.parse('2026-01-05T02:00:00Z') + (this.day + 15) * 86_400_000).toISOString().slice(0, 10);
          await run(u('officer-1'), {
            name: 'issue-rectification-order',
            body: { items: ['清理超量储存'], deadline, legalBasis: ['安全生产法 Art. 65'] },
          });
          break;
        }
        case 'ReinspectionRequested':
          await run(u('officer-1'), { name: 'request-reinspection', body: {} });
          break;
        case 'ReinspectionRecorded':
        case 'RectificationVerified':
        case 'RectificationFailed':
          await run(u('officer-1'), {
            name: 'record-reinspection',
            body: {
              officerIds: [u('officer-1'), u('officer-2')],
              result: type === 'RectificationVerified' ? 'passed' : 'failed',
              findings: '复查',
            },
          });
          break;
        case 'SeizureImposed':
          await run(u('officer-1'), {
            name: 'record-evidence',
            body: { kind: 'audio_video', title: '现场执法记录仪视频', officerIds: [u('officer-1'), u('officer-2')], contentHash: AV },
          });
          await run(u('head'), {
            name: 'impose-seizure',
            body: {
              items: [{ name: '超量烟花', quantity: '20箱' }],
              reason: '防止转移',
              legalBasis: ['安全生产法 Art. 65'],
              audioVideoEvidenceHash: AV,
            },
          });
          break;
        case 'SeizureExtended':
          await run(u('head'), { name: 'extend-seizure', body: { days: 10, reason: '鉴定未完成' } });
          break;
        case 'SeizureReleased':
          await run(u('head'), { name: 'release-seizure', body: { disposition: 'released', reason: '解除' } });
          break;
        case 'EnforcementUrged':
          await this.passDeadline(s.caseId!, 'payment', types);
          await run(u('officer-1'), { name: 'issue-enforcement-urge', body: {} });
          s.urged = true;
          break;
        case 'CourtEnforcementApplied':
          if (!s.urged) {
            await this.passDeadline(s.caseId!, 'payment', types);
            await run(u('officer-1'), { name: 'issue-enforcement-urge', body: {} });
          }
          await this.passDeadline(s.caseId!, 'litigation_window', types);
          await run(u('head'), { name: 'apply-court-enforcement', body: { court: '郴州市北湖区人民法院' } });
          break;
        case 'CourtRuled':
          await run(u('officer-1'), { name: 'record-court-ruling', body: { outcome: 'enforce' } });
          break;
        case 'CourtExecutionRecorded':
          await run(u('officer-1'), { name: 'record-court-execution', body: { summary: '法院已执行', amountYuan: 50_000 } });
          break;
        case 'DocumentIssued':
          // One issue per kind: a second one on the path issues another kind.
          await run(u('officer-1'), { name: 'issue-document', body: { kind: ['filing-approval', 'closing-approval'][s.issued++] } });
          break;
        case 'CaseClosed':
          await attestAll();
          await run(u('head'), { name: 'close-case', body: {} });
          break;
        case 'DossierArchived':
          // close-case is followed by the archive in the same request; archive-dossier takes it where that did not.
          if ((await this.engine.getCase(s.caseId!)).allowedCommands.includes('archive-dossier'))
            await run(u('head'), { name: 'archive-dossier', body: {} });
          break;
        default: {
          const never: never = type;
          throw new Error(`no command for ${String(never)}`);
        }
      }
    }
    return s.caseId!;
  }
}
