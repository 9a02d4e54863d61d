import { API_BASE, ApiError, api, queryString, type Problem, type RequestOptions } from '../api/client';
import { currentSession } from '../auth/session';
import type { Anchor, IntegrityProblem, IntegrityReport } from '../../../../libs/event-store/src/common/chain-walker';

// GET /integrity/verify and /integrity/anchors answer with the event store's own types.
export type { Anchor, IntegrityReport };
type ProblemKind = IntegrityProblem['kind'];

/** What each kind of broken chain means, for the person reading the verification. */
export const PROBLEM_ZH: Record<ProblemKind, string> = {
  missing: '事件缺失（该位置的事件被删除）',
  edited: '事件内容被改动（内容与其哈希不符）',
  out_of_sequence: '案件事件版本不接续',
  chain_broken: '全局哈希链断裂（事件被插入、删除或调换顺序）',
  truncated: '日志被截断（锚点所记录的事件已不存在）',
  anchor_mismatch: '与锚点记录的链头不符（链被整体重算）',
  unhashed: '事件没有哈希',
};

/** A stored evidence file that verify found gone, or whose bytes no longer hash to the recorded SHA-256 (docs/evidence-files.md). */
export interface EvidenceFileProblem {
  caseId: string;
  evidenceId: string;
  sha256: string;
  problem: 'missing' | 'altered';
  detail: string;
}
/** The chains' report, with the stored evidence files checked beside them. */
export type VerifyReport = IntegrityReport & { evidenceFiles?: { checked: number; problems: EvidenceFileProblem[] } };

export const EVIDENCE_FILE_PROBLEM_ZH: Record<EvidenceFileProblem['problem'], string> = {
  missing: '证据文件缺失',
  altered: '证据文件被改动（与记录的 SHA-256 不符）',
};

export const verifyChains = async () => (await api<VerifyReport>('/integrity/verify')).body;

export type ChainStatus = 'verified' | 'broken' | 'unverified';

/**
 * An event's chain status from one verification: the walk checks positions in order and stops at the first bad one,
 * so the positions before it are intact, the bad one is flagged, and those after it are not vouched for.
 */
export function chainStatus(report: IntegrityReport, position: string): ChainStatus {
  const p = BigInt(position);
  if (report.problem) {
    const bad = BigInt(report.problem.position);
    return p < bad ? 'verified' : p === bad ? 'broken' : 'unverified';
  }
  return p <= BigInt(report.headPosition) ? 'verified' : 'unverified';
}

/** Downloads an API answer as a file, sending the session's token (a plain link could not carry it). */
export async function download(path: string, query: RequestOptions['query'], filename: string): Promise<void> {
  const res = await fetch(`${API_BASE}${path}${queryString(query)}`, {
    headers: { authorization: `Bearer ${currentSession()?.token ?? ''}` },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Problem | null;
    throw new ApiError(body ?? { type: 'about:blank', title: res.statusText, status: res.status });
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The download has started from the URL by the time the click returns; let it finish before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
