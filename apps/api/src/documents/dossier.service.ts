import { Injectable } from '@nestjs/common';
import { CaseEngine } from '@app/case-engine';
import { StoredEvent } from '@app/event-store';
import { DossierArchivedData } from '@workflows/enforcement-case';
import { ProblemException, problem } from '../problem/problem';
import { BoundDossier, DossierBinder } from './dossier-binder.service';

export type RenderedDossier = Pick<BoundDossier, 'body' | 'fileName' | 'revision'>;

/** The 案卷 archived at closing, as its `DossierArchived` records it, if any. */
export function archivedDossierOf(events: readonly StoredEvent[]): DossierArchivedData | undefined {
  return events.find((e) => e.type === 'DossierArchived')?.data as DossierArchivedData | undefined;
}

/**
 * The 案卷 of a case as one PDF, bound from its events, the registry, and its stream's hashes with the anchor that
 * covers them (read from the store's integrity capability; a store without one gives a file that says so); and the
 * 案卷 archived at closing, bound again exactly as filed.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly binder: DossierBinder,
  ) {}

  /** The file as of `revision` (inclusive; default the current one): the events after it are left out. */
  async render(caseId: string, revision?: number): Promise<RenderedDossier> {
    const history = await this.engine.getEvents(caseId);
    if (revision !== undefined && revision >= history.length)
      throw new ProblemException(
        problem(422, 'revision-not-reached', '案件尚无该版本 (the case has not reached this revision)', {
          detail: `revision: ${revision} 超出当前版本 ${history.length - 1} (beyond the current revision ${history.length - 1})`,
        }),
      );
    const stored = revision === undefined ? history : history.slice(0, revision + 1);
    return this.binder.bind(stored, await this.binder.covering(stored));
  }

  /**
   * The 案卷 archived at closing: bound again from its recorded revision with its recorded anchor; refused (409) when
   * that no longer gives the recorded hash, never the altered file.
   */
  async archived(caseId: string): Promise<RenderedDossier & { record: DossierArchivedData }> {
    const events = await this.engine.getEvents(caseId);
    const record = archivedDossierOf(events);
    if (!record)
      throw new ProblemException(
        problem(404, 'dossier-not-archived', '本案案卷尚未归档 (the case file has not been archived)', {
          detail:
            '案卷于结案时归档；未结案或结案时未能归档的，由负责人执行 archive-dossier (archived on close-case, or by archive-dossier)',
        }),
      );
    const file = await this.binder.archived(record, events);
    if (file.sha256 !== record.sha256)
      throw new ProblemException(
        problem(409, 'dossier-altered', '案卷重新装订后与归档时的哈希不符 (the case file no longer binds as archived)', {
          detail: `归档时 ${record.sha256}，现为 ${file.sha256} (expected ${record.sha256}, actual ${file.sha256})`,
          expected: record.sha256,
          actual: file.sha256,
        }),
      );
    return { ...file, record };
  }
}
