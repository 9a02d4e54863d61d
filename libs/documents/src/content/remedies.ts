import { RulesVersion } from '@workflows/enforcement-case';
import { DocumentAgency } from './document-input';
import { Requirements } from './document-refusals';
import { periodText } from './wording';

/** Where a decision's party may seek a remedy, from the registry: a missing body refuses the decision, never a blank. */
export interface RemedyBodies {
  /** 行政复议机关 (行政复议法第二十四条). */
  reconsideration: string;
  /** 人民法院 with jurisdiction (行政诉讼法第十八条). */
  court: string;
}

export function remedyBodies(agency: DocumentAgency, req: Requirements): RemedyBodies {
  return {
    reconsideration: req.need(agency.reconsiderationBody, 'agency.reconsiderationBody', '行政复议机关'),
    court: req.need(agency.litigationCourt, 'agency.litigationCourt', '管辖行政诉讼的人民法院'),
  };
}

/**
 * The remedies a decision states (行政处罚法第五十九条第五项): 行政复议 within the rules version's window (行政复议法
 * 第二十条: sixty days) and 行政诉讼 within six months (行政诉讼法第四十六条), each to its named body.
 */
export function remediesText(you: string, periods: RulesVersion['periods'], bodies: RemedyBodies): string {
  return `${you}如不服本决定，可以在收到本决定书之日起${periodText(periods.reconsiderationWindow)}内向${bodies.reconsideration}申请行政复议，或者在${periodText(periods.litigationWindow)}内依法向${bodies.court}提起行政诉讼。`;
}
