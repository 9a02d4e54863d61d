import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CaseEvent, CaseEventBody, Party, RulesBook } from '@workflows/enforcement-case';
import { DocumentAgency, DocumentInput } from '../content/document-input';
import { DossierAnchor, DossierInput } from '../content/dossier-input';
import parties from './sample-parties.json';

/** A case of 北湖区应急管理局 walked to closing, as the documents' specs read it (events as the engine folds them). */
export const HEAD = 'u-head';
export const OFFICER = 'u-officer-1';

export const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;
export const event = (body: CaseEventBody, date: string, actorId = OFFICER): CaseEvent => ({
  ...body,
  meta: { actorId, occurredAt: at(date), recordedAt: at(date) },
});
const deadline = (kind: string, dueDate: string, basis: string) => ({
  kind,
  startedAt: at('2026-09-11'),
  dueDate,
  dueAt: `${dueDate}T23:59:59.999+08:00`,
  basis,
  rulesVersion: 'hn-2026.1',
});

/** The agency and the party of the sample, shared with the documents bench (test/bench/lib/dossier-case.js). */
export const SAMPLE_AGENCY: DocumentAgency = parties.agency;
const SAMPLE_PARTY = parties.party as Party;

/** The sample agency without the remedy bodies its decisions must name. */
export const AGENCY_WITHOUT_REMEDY_BODIES: DocumentAgency = {
  ...SAMPLE_AGENCY,
  reconsiderationBody: undefined,
  litigationCourt: undefined,
};

/** The events with the party opened without an address. */
export function withoutPartyAddress(events: CaseEvent[]): CaseEvent[] {
  const [opened, ...rest] = events as [{ data: { party: Record<string, unknown> } }, ...CaseEvent[]];
  return [{ ...opened, data: { ...opened.data, party: { ...opened.data.party, address: undefined } } } as unknown as CaseEvent, ...rest];
}

export function sampleEvents(until?: CaseEvent['type']): CaseEvent[] {
  const all: CaseEvent[] = [
    event(
      {
        type: 'CaseOpened',
        data: {
          caseId: 'c-1',
          agencyId: 'ag-431002',
          source: 'inspection',
          industry: 'hazardous_chemicals',
          party: { ...SAMPLE_PARTY },
          violations: [{ description: '超量储存危险化学品', provisions: ['安全生产法 Art. 36'] }],
          discoveredAt: '2026-08-30',
          handlingOfficerIds: [OFFICER, 'u-officer-2'],
          summary: '检查发现仓库超量储存',
          major: false,
        },
      },
      '2026-09-01',
    ),
    event(
      { type: 'CaseFiled', data: { caseNo: '北应急立〔2026〕3号', opinion: '同意立案', rulesVersion: 'hn-2026.1', deadlines: [] } },
      '2026-09-02',
      HEAD,
    ),
    event(
      {
        type: 'EvidenceRecorded',
        data: {
          evidenceId: 'e-1',
          kind: 'inspection',
          title: '现场检查记录',
          officerIds: [OFFICER, 'u-officer-2'],
          contentHash: 'a'.repeat(64),
        },
      },
      '2026-09-03',
    ),
    event(
      {
        type: 'InvestigationConcluded',
        data: { findings: '于2026年8月30日在仓库超量储存危险化学品', proposedOutcome: 'penalty', legalBasis: ['安全生产法 Art. 99'] },
      },
      '2026-09-10',
    ),
    event(
      {
        type: 'PenaltyNoticeServed',
        data: {
          proposedPenalties: [{ kind: 'fine', amountYuan: 35000 }],
          legalBasis: ['安全生产法 Art. 99'],
          hearingRight: true,
          rulesVersion: 'hn-2026.1',
          deadlines: [
            deadline('statement', '2026-09-16', '3 个工作日 working days (sector rule)'),
            deadline('hearing_request', '2026-09-18', '5 个工作日 working days (行政处罚法 Art. 64(1))'),
          ],
        },
      } as CaseEventBody,
      '2026-09-11',
    ),
    event(
      {
        type: 'PenaltyDecided',
        data: {
          decisionNo: '北应急罚〔2026〕7号',
          outcome: 'penalty',
          penalties: [{ kind: 'fine', amountYuan: 35000 }],
          legalBasis: ['安全生产法 Art. 99'],
          rulesVersion: 'hn-2026.1',
          deadlines: [],
        },
      },
      '2026-09-21',
      HEAD,
    ),
    event({ type: 'DecisionServed', data: { method: 'direct', rulesVersion: 'hn-2026.1', deadlines: [] } }, '2026-09-22'),
    event({ type: 'PaymentRecorded', data: { amountYuan: 35000, receiptNo: 'R-1', paidTotalYuan: 35000 } }, '2026-09-25'),
    event({ type: 'CaseClosed', data: { summary: '罚款缴清，结案' } }, '2026-09-28', HEAD),
  ];
  const end = until ? all.findIndex((e) => e.type === until) + 1 : all.length;
  return all.slice(0, end);
}

const rulesBook: RulesBook = JSON.parse(
  readFileSync(path.join(__dirname, '../../../../workflows/enforcement-case/rules/versions.json'), 'utf8'),
) as RulesBook;

const PEOPLE: Record<string, string> = {
  [HEAD]: '赵局长',
  [OFFICER]: '李执法',
  'u-officer-2': '张执法',
  'u-officer-3': '王主持',
  'u-reviewer': '陈法制',
  'u-deputy': '孙副局长',
};

export function sampleInput(events = sampleEvents(), agency: DocumentAgency = SAMPLE_AGENCY): DocumentInput {
  return {
    events,
    registry: {
      agency: (id) => (id === agency.id ? agency : undefined),
      person: (id) => (PEOPLE[id] ? { name: PEOPLE[id] } : undefined),
    },
    rules: (id) => rulesBook.versions.find((v) => v.id === id),
  };
}

/** The parts a rendered text lacks (a test expects none: the failure lists every missing part at once). */
export function missingFrom(text: string, parts: string[]): string[] {
  return parts.filter((p) => !text.includes(p));
}

/** The officers' 执法证 numbers (the investigative records name them: 行政处罚法第五十五条). */
const CERTIFICATES: Record<string, string> = { [OFFICER]: '43100220260001', 'u-officer-2': '43100220260002' };

/** The sample registry with the officers' certificates. */
export function withCertificates(input: DocumentInput): DocumentInput {
  return {
    ...input,
    registry: {
      ...input.registry,
      person: (id) => {
        const person = input.registry.person(id);
        return person && CERTIFICATES[id] ? { ...person, certificate: { number: CERTIFICATES[id] } } : person;
      },
    },
  };
}

/** The sample case with its stream's hashes (made up, one per event) and, unless null, an anchor covering its head. */
export function sampleDossierInput(events = sampleEvents(), anchor: DossierAnchor | null = SAMPLE_ANCHOR): DossierInput {
  return {
    ...withCertificates(sampleInput(events)),
    chain: { hashes: events.map((_, i) => sampleHash(`event ${i}`)), headPosition: String(40 + events.length), anchor },
  };
}

/** A SHA-256 in hex, made from a label (stands for a hash the store computed). */
export function sampleHash(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

export const SAMPLE_ANCHOR: DossierAnchor = {
  seq: 4,
  position: '60',
  globalHash: sampleHash('anchor 4'),
  createdAt: '2026-09-30T01:00:00.000Z',
};
