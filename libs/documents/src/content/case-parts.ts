import { CaseOpenedData, IsoDate, Party, Penalty, RulesVersion } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { chineseDate } from './chinese-numerals';
import { DocumentAgency, DocumentInput } from './document-input';
import { CaseDocument, DOCUMENT_TITLES, DocumentBlock, DocumentKind, FormRow } from './document-model';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { citations, partyCodeRow, penaltyText } from './wording';

/** The issuing agency of a case: the entrusting one for an entrusted organisation (行政处罚法第二十条). */
export function issuingAgency(record: CaseRecord, input: DocumentInput, req: Requirements): DocumentAgency {
  const opened = record.opened!.data;
  const recorded = record.decision?.data.issuerAgencyId ?? record.noPenalty?.data.issuerAgencyId ?? record.filed?.data.issuerAgencyId;
  // Before filing no event names the issuer: the registry says whom an entrusted organisation acts for.
  const id = recorded ?? (record.filed ? opened.agencyId : (input.registry.agency(opened.agencyId)?.entrustedBy ?? opened.agencyId));
  const agency = input.registry.agency(id);
  req.require(!!agency, `agency(${id})`, `执法机关 ${id} 未在登记中`);
  return agency ?? { id, name: '', shortName: '' };
}

/** The case must have been opened for any document: every one names its party. */
export function openedCase(record: CaseRecord, kind: DocumentKind): CaseOpenedData {
  if (!record.opened) throw new DocumentNotProducedError(kind, '案件尚未立案登记 (the case has not been opened)', 'open-case');
  return record.opened.data;
}

/** The names of people the events name, from the registry (a name missing there refuses the document). */
export function names(ids: readonly string[], input: DocumentInput, req: Requirements): string {
  return ids.map((id) => req.need(input.registry.person(id)?.name, `person(${id}).name`, `人员 ${id} 的姓名`)).join('、');
}

/** The party rows of a form or a decision's heading: name, code, legal representative and address where known. */
export function partyRows(opened: CaseOpenedData, req: Requirements, addressRequired: boolean): FormRow[] {
  const p = opened.party;
  const rows: FormRow[] = [{ label: '当事人', value: p.name }, partyCodeRow(p)];
  if (p.kind === 'organization' && p.legalRepresentative) rows.push({ label: '法定代表人', value: p.legalRepresentative });
  const address = addressRequired ? req.need(p.address, 'party.address', '当事人地址') : p.address;
  if (address) rows.push({ label: '地址', value: address });
  return rows;
}

/** 案由: the violations the case was opened for. */
export function cause(opened: CaseOpenedData): string {
  return opened.violations.map((v) => v.description).join('；');
}

/** The provisions violated, cited. */
export function violatedProvisions(opened: CaseOpenedData): string {
  return citations([...new Set(opened.violations.flatMap((v) => v.provisions))]);
}

/** "…给予如下行政处罚：" lines, numbered. */
export function penaltyLines(penalties: readonly Penalty[]): string[] {
  return penalties.map((p, i) => `${i + 1}. ${penaltyText(p)}${i === penalties.length - 1 ? '。' : '；'}`);
}

/** "以上事实有…等证据为证。": the evidence recorded, by title, in the order it was taken. */
export function evidenceText(record: CaseRecord): string {
  return `以上事实有${record.evidence.map((e) => e.data.title).join('、')}等证据为证。`;
}

/** Officers as an investigative record names them, each with the certificate shown (行政处罚法第五十五条). */
export function officersWithCertificates(ids: readonly string[], input: DocumentInput, req: Requirements): string {
  return ids
    .map((id) => {
      const person = input.registry.person(id);
      const name = req.need(person?.name, `person(${id}).name`, `人员 ${id} 的姓名`);
      const certificate = req.need(person?.certificate?.number, `person(${id}).certificate`, `人员 ${id} 的执法证号`);
      return `${name}（执法证号：${certificate}）`;
    })
    .join('、');
}

/** The rules version a step was taken under, for its periods; a version the rules book lacks refuses the document. */
export function stepRules(input: DocumentInput, version: string, req: Requirements): RulesVersion | undefined {
  const rules = input.rules(version);
  req.require(!!rules, 'rulesVersion', `规则版本 ${version}`);
  return rules;
}

/** The line a letter to the party opens with, flush left: its name and a colon. */
export function addressee(party: Party): DocumentBlock {
  return { kind: 'paragraph', text: `${party.name}：`, indent: false };
}

/**
 * A document the agency issues to the party: its title as the vocabulary names it, closed by the agency's name and
 * the date the document bears, under its seal.
 */
export function sealedDocument(
  kind: DocumentKind,
  agency: DocumentAgency,
  number: string,
  date: IsoDate,
  blocks: DocumentBlock[],
): CaseDocument {
  const signature: DocumentBlock = { kind: 'signature', lines: [agency.name, chineseDate(date)], seal: true };
  return { kind, issuer: agency.name, title: DOCUMENT_TITLES[kind], number, date, blocks: [...blocks, signature] };
}

/** An internal form of the case (审批表, 笔录, 意见书): one ruled form under the case number, in the agency's name. */
export function caseForm(kind: DocumentKind, agency: DocumentAgency, caseNo: string, date: IsoDate, rows: FormRow[]): CaseDocument {
  return { kind, issuer: agency.name, title: DOCUMENT_TITLES[kind], number: caseNo, date, blocks: [{ kind: 'form', rows }] };
}
