import type { CaseView } from '../api/types';
import type { FieldChoice } from '../forms/SchemaFields';

const handlingOfficers = (view: CaseView): FieldChoice[] =>
  view.handlingOfficerIds.map((id) => ({ value: id, label: `${id}（承办人员）` }));

/**
 * Command form fields whose value is an id the case view already lists, by command and field: the 督办 being replied
 * to, and the case's handling officers for those who gathered evidence, reinspected or form the referral team (other
 * officers may still be typed in).
 */
const CHOICES: Record<string, (view: CaseView) => Record<string, FieldChoice[]>> = {
  'reply-supervision': (view) => ({
    supervisionId: view.openSupervisions.map((s) => ({
      value: s.supervisionId,
      label: `${s.reason}（回复期限 ${s.replyDueDate}；编号 ${s.supervisionId}）`,
    })),
  }),
  'record-evidence': (view) => ({ officerIds: handlingOfficers(view) }),
  'record-reinspection': (view) => ({ officerIds: handlingOfficers(view) }),
  'propose-referral': (view) => ({ teamOfficerIds: handlingOfficers(view) }),
};

/** The choices a command's form offers from the case as loaded. */
export function commandChoices(command: string, view: CaseView): Record<string, FieldChoice[]> {
  return CHOICES[command]?.(view) ?? {};
}
