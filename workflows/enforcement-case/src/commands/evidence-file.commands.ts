import { CaseContext } from '../case-context';
import { EvidenceFileAttachedData } from '../event-data/procedure.data';
import { violation } from '../legal-conditions/legal-rules';
import { CommandOutcome, emitUnless } from '../decide/decision-env';
import { CommandSpecs } from './command-spec';

/**
 * Attaches a stored file to an evidence item of this case. The body is never typed by a person: the API makes it
 * from the bytes it received and stored (their SHA-256, size and the media type their first bytes show), so the
 * hash chain covers the file (docs/evidence-files.md). Accepted where evidence is recorded (investigation, review,
 * hearing): evidence is gathered before the decision (行政处罚法第五十四条、第五十七条).
 */
export function attachEvidenceFile(ctx: CaseContext, body: EvidenceFileBodies['attach-evidence-file']): CommandOutcome {
  const evidence = ctx.evidence.find((e) => e.evidenceId === body.evidenceId);
  const sha256 = body.sha256.toLowerCase();
  return emitUnless(
    [
      evidence ? null : violation('evidenceRecordedInCase', `evidenceId ${body.evidenceId}: 本案无此证据 (no such evidence in this case)`),
      evidence?.fileHashes.includes(sha256)
        ? violation('evidenceFileNotAttachedYet', `sha256 ${sha256}: 已附于证据 ${body.evidenceId} (already attached)`)
        : null,
    ],
    () => [
      {
        type: 'EvidenceFileAttached',
        data: { ...body, sha256, matchesContentHash: evidence!.contentHash === sha256 },
      },
    ],
  );
}

/** The bodies of this family's commands: made by the API from an upload, never sent as JSON. */
export interface EvidenceFileBodies {
  'attach-evidence-file': Omit<EvidenceFileAttachedData, 'matchesContentHash'>;
}

export const EVIDENCE_FILE_COMMANDS: CommandSpecs<EvidenceFileBodies> = {
  'attach-evidence-file': {
    summary: '上传证据文件 (officer; POST /cases/{caseId}/evidence/{evidenceId}/files)',
    emits: ['EvidenceFileAttached'],
    who: { roles: ['officer'] },
    decide: attachEvidenceFile,
  },
};
