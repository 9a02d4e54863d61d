import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { EvidenceFileAttachedData } from '@workflows/enforcement-case';
import { EvidenceFileStore, StoredFileState } from './evidence-file-store';

/** A recorded evidence file whose stored bytes are gone or no longer hash to the recorded SHA-256. */
export interface EvidenceFileProblem {
  caseId: string;
  evidenceId: string;
  sha256: string;
  problem: Exclude<StoredFileState, 'intact'>;
  detail: string;
}

export interface EvidenceFilesReport {
  /** Files recorded in the events (an attachment named twice counts twice; its bytes are read once). */
  checked: number;
  problems: EvidenceFileProblem[];
}

const PAGE = 1000;
const DETAIL: Record<EvidenceFileProblem['problem'], string> = {
  missing: '文件已不在存储中 (the stored file is missing)',
  altered: '文件内容与记录的 SHA-256 不符 (the stored bytes no longer hash to the recorded SHA-256)',
};

/**
 * The evidence-file part of `verify` (docs/evidence-files.md): every `EvidenceFileAttached` in the log, its file read
 * back and hashed. Costs one pass over the log (as the chain check does) plus one read of every distinct file.
 */
@Injectable()
export class EvidenceFileCheck {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly files: EvidenceFileStore,
  ) {}

  async check(): Promise<EvidenceFilesReport> {
    const states = new Map<string, StoredFileState>();
    const problems: EvidenceFileProblem[] = [];
    let checked = 0;
    for (let after = 0n; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      if (!page.length) break;
      after = page[page.length - 1].position;
      for (const e of page) {
        if (e.type !== 'EvidenceFileAttached') continue;
        const { evidenceId, sha256 } = e.data as EvidenceFileAttachedData;
        checked++;
        let state = states.get(sha256);
        if (!state) states.set(sha256, (state = await this.files.check(sha256)));
        if (state !== 'intact')
          problems.push({ caseId: e.streamId.replace(/^case-/, ''), evidenceId, sha256, problem: state, detail: DETAIL[state] });
      }
    }
    return { checked, problems };
  }
}
