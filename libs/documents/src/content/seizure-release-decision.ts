import { SEIZURE_DISPOSITION_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { issuingAgency, openedCase } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { caseKindNumber, requireCaseKindNumber } from './document-numbers';
import { occurrenceIssue } from './issued-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { addressOf, clause } from './wording';

/**
 * 解除查封(扣押)决定书 of the case's latest seizure (release-seizure with the disposition 解除; 行政强制法第二十七条,
 * 第二十八条): which decision it ends, why, and that the things are returned at once (第二十八条第二款). Things
 * confiscated or destroyed are not released: that end is decided in another document.
 */
export function seizureReleaseDecision(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'seizure-release-decision');
  const seizure = record.seizures.filter((s) => s.released).at(-1);
  const released = seizure?.released;
  if (!seizure || !released)
    throw new DocumentNotProducedError(
      'seizure-release-decision',
      '查封扣押尚未解除 (the seizure has not been released)',
      'release-seizure',
    );
  if (released.data.disposition !== 'released')
    throw new DocumentNotProducedError(
      'seizure-release-decision',
      `查封扣押的财物已${SEIZURE_DISPOSITION_NAMES[released.data.disposition].zh}，未解除查封扣押 (the seized things were not released)`,
      'release-seizure',
    );
  const req = new Requirements('seizure-release-decision');
  const agency = issuingAgency(record, input, req);
  const caseNo = record.filed?.data.caseNo;
  const number = requireCaseKindNumber(caseNo, agency, 'seizureRelease', req);
  req.done();
  // The document it cites, by the number it was served under once issued (issued with the step that served it).
  const seizureNo =
    occurrenceIssue('seizure-decision', input.events, record.seizures.indexOf(seizure)) ?? caseKindNumber(caseNo!, agency, 'seizure');

  const you = addressOf(opened.party);
  const things = seizure.imposed.data.items.map((i) => `${i.name}${i.quantity ? `（${i.quantity}）` : ''}`).join('、');
  return {
    kind: 'seizure-release-decision',
    issuer: agency.name,
    title: '解除查封(扣押)决定书',
    number,
    date: released.on,
    blocks: [
      { kind: 'paragraph', text: `${opened.party.name}：`, indent: false },
      {
        kind: 'paragraph',
        text: `本机关于${chineseDate(seizure.imposed.on)}以《查封(扣押)决定书》（${seizureNo}）对${you}的${things}予以查封（扣押）。因${clause(released.data.reason)}，依据《中华人民共和国行政强制法》第二十八条的规定，本机关决定解除上述查封（扣押），并立即退还财物。`,
      },
      { kind: 'form', rows: [{ label: '当事人签收（财物已退还）', handwritten: true }] },
      { kind: 'signature', lines: [agency.name, chineseDate(released.on)], seal: true },
    ],
  };
}
