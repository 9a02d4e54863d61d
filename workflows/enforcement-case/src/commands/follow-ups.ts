import type { DocumentKind } from '../vocabulary/document-kinds';
import { commandSpec } from './registry';
import type { CaseCommand, CommandName } from './registry';

/**
 * The documents a step serves or sends in the act that produces them, issued (`issue-document`) right after it in
 * the same request, so what the party (or the court, the police) received bears its issued number and its recorded
 * SHA-256: the 告知书 (行政处罚法第四十四条), the 听证会通知书 (第六十四条第二项), the 责令限期整改指令书
 * (安全生产法第六十五条) and the 整改复查意见书 of its 复查, the 查封(扣押)决定书 handed over on the spot and its
 * 解除决定书 (行政强制法第二十四条、第二十八条), the 催告书 and 催缴通知书 (行政强制法第三十五条), the 强制执行申请书
 * (第五十五条), the 移送书. The 决定书 is not here: `serve-decision`, a step of its own, serves it and names the
 * number it was issued under.
 */
export const ISSUED_WITH: Partial<Record<CommandName, readonly DocumentKind[]>> = {
  'issue-penalty-notice': ['penalty-notice'],
  'schedule-hearing': ['hearing-notice'],
  'issue-rectification-order': ['rectification-order'],
  'record-reinspection': ['reinspection-opinion'],
  'impose-seizure': ['seizure-decision'],
  'release-seizure': ['seizure-release-decision'],
  'issue-enforcement-urge': ['enforcement-demand', 'payment-reminder'],
  'apply-court-enforcement': ['enforcement-application'],
  'transfer-to-police': ['criminal-referral'],
};

/**
 * The steps the engine takes right after a command succeeds, in order, by the same person and within the same
 * request: its `followedBy` (the 案卷 archived after closing), then the issue of each document it serves
 * (`ISSUED_WITH`). Each is taken only when the case then allows it; a refusal leaves the step before it standing.
 */
export function followUpsOf(name: CommandName): CaseCommand[] {
  const next = commandSpec(name).followedBy;
  return [
    ...(next ? [{ name: next, body: {} } as CaseCommand] : []),
    ...(ISSUED_WITH[name] ?? []).map((kind): CaseCommand => ({ name: 'issue-document', body: { kind } })),
  ];
}
