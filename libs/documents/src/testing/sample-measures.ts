import { CaseEvent, CaseEventBody, DeadlineKind } from '@workflows/enforcement-case';
import { DocumentAgency, DocumentInput } from '../content/document-input';
import { SAMPLE_AGENCY, sampleEvents, sampleInput, withCertificates } from './sample-case';

/**
 * The sample case of 北湖区应急管理局 with the measures beside its investigation, as the measures' documents read it:
 * an inspection, an inquiry and a sampling, a rectification order and its passed re-inspection, a seizure and its
 * release, and an extension of the handling period; and a second case whose filing the head rejected.
 */
const HEAD = 'u-head';
const OFFICER = 'u-officer-1';
const at = (date: string, time = '10:00:00') => `${date}T${time}+08:00`;
const event = (body: CaseEventBody, date: string, actorId = OFFICER, time?: string): CaseEvent => ({
  ...body,
  meta: { actorId, occurredAt: at(date, time), recordedAt: at(date, time) },
});
const deadline = (kind: DeadlineKind, startedOn: string, dueDate: string, basis: string) => ({
  kind,
  startedAt: at(startedOn),
  dueDate,
  dueAt: `${dueDate}T23:59:59.999+08:00`,
  basis,
  rulesVersion: 'hn-2026.1',
});
const OFFICERS = [OFFICER, 'u-officer-2'];
const VIDEO = 'b'.repeat(64);

/** The events of the case with its measures, in stream order (up to and including the first event of `until`). */
export function measureEvents(until?: CaseEvent['type']): CaseEvent[] {
  const [opened, filed] = sampleEvents('CaseFiled');
  const all: CaseEvent[] = [
    opened,
    {
      ...filed,
      data: { ...filed.data, deadlines: [deadline('handling_period', '2026-09-02', '2026-10-09', '30 日 calendar days (sector rule)')] },
    } as CaseEvent,
    event(
      {
        type: 'EvidenceRecorded',
        data: {
          evidenceId: 'e-1',
          kind: 'inspection',
          title: '仓库现场检查',
          officerIds: OFFICERS,
          contentHash: 'a'.repeat(64),
          description: '二号仓库内储存危险化学品约十二吨，超过设计储存量',
        },
      },
      '2026-09-03',
      OFFICER,
      '09:30:00',
    ),
    event(
      {
        type: 'EvidenceRecorded',
        data: { evidenceId: 'e-2', kind: 'audio_video', title: '执法记录仪视频', officerIds: OFFICERS, contentHash: VIDEO },
      },
      '2026-09-03',
    ),
    event(
      {
        type: 'SeizureImposed',
        data: {
          items: [{ name: '超量储存的危险化学品', quantity: '12吨' }],
          reason: '防止转移、灭失。',
          legalBasis: ['安全生产法 Art. 65', '行政强制法 Art. 22'],
          audioVideoEvidenceHash: VIDEO,
          rulesVersion: 'hn-2026.1',
          deadlines: [deadline('seizure', '2026-09-03', '2026-10-08', '30 日 calendar days (行政强制法 Art. 25)')],
        },
      },
      '2026-09-03',
      HEAD,
      '11:00:00',
    ),
    event(
      {
        type: 'RectificationOrdered',
        data: {
          orderId: 'r-1',
          items: ['清理超量储存的危险化学品', '按设计储存量重新核定仓库储存上限'],
          deadline: '2026-09-20',
          legalBasis: ['安全生产法 Art. 65'],
          rulesVersion: 'hn-2026.1',
          deadlines: [
            deadline('rectification', '2026-09-03', '2026-09-20', '责令限期 ordered deadline (安全生产法 Art. 65)'),
            deadline('reinspection', '2026-09-03', '2026-09-30', '10 日 calendar days (former sector rule)'),
          ],
        },
      },
      '2026-09-03',
      OFFICER,
      '11:30:00',
    ),
    event(
      {
        type: 'EvidenceRecorded',
        data: {
          evidenceId: 'e-3',
          kind: 'inquiry',
          title: '询问仓库保管员',
          officerIds: OFFICERS,
          contentHash: 'c'.repeat(64),
          description: '仓库保管员陈述：八月以来按销售需要超量进货',
        },
      },
      '2026-09-04',
    ),
    event(
      {
        type: 'EvidenceRecorded',
        data: { evidenceId: 'e-4', kind: 'sampling', title: '抽取危险化学品样品两份', officerIds: OFFICERS, contentHash: 'd'.repeat(64) },
      },
      '2026-09-04',
      OFFICER,
      '14:00:00',
    ),
    event(
      {
        type: 'ReinspectionRecorded',
        data: { officerIds: OFFICERS, result: 'passed', findings: '超量储存的危险化学品已清理，储存上限已重新核定' },
      },
      '2026-09-21',
    ),
    event({ type: 'RectificationVerified', data: { orderId: 'r-1' } }, '2026-09-21'),
    event({ type: 'SeizureReleased', data: { disposition: 'released', reason: '已整改完毕，不再需要查封扣押' } }, '2026-09-22', HEAD),
    event(
      {
        type: 'HandlingPeriodExtended',
        data: {
          tier: 'head',
          reason: '样品检验鉴定尚未完成',
          deadlines: [deadline('handling_period', '2026-09-25', '2026-12-01', '90 日 calendar days from filing (sector rule)')],
        },
      },
      '2026-09-25',
      HEAD,
    ),
  ];
  const end = until ? all.findIndex((e) => e.type === until) + 1 : all.length;
  return all.slice(0, end);
}

/** A case the head declined to file. */
export function rejectedEvents(): CaseEvent[] {
  const [opened] = sampleEvents('CaseOpened');
  return [opened, event({ type: 'FilingRejected', data: { reason: '仓库储存量未超过设计储存量，不构成违法' } }, '2026-09-02', HEAD)];
}

/** The sample registry with the officers' certificates (the investigative records name them). */
export function measuresInput(
  events = measureEvents(),
  agency: DocumentAgency = SAMPLE_AGENCY,
  extra: DocumentAgency[] = [],
): DocumentInput {
  const base = withCertificates(sampleInput(events, agency));
  return { ...base, registry: { ...base.registry, agency: (id) => base.registry.agency(id) ?? extra.find((a) => a.id === id) } };
}
