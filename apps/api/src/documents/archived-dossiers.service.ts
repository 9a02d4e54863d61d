import { Inject, Injectable } from '@nestjs/common';
import { caseStreamId } from '@app/case-engine';
import { EVENT_STORE, EventStore } from '@app/event-store';
import { DossierArchivedData } from '@workflows/enforcement-case';
import { DossierBinder } from './dossier-binder.service';

/** An archived 案卷 that, bound again from its recorded revision and anchor, is not the one archived. */
export interface ArchivedDossierMismatch {
  caseId: string;
  revision: number;
  anchor: number | null;
  expected: string;
  /** The hash bound now; null when the file cannot be bound from that history any more. */
  actual: string | null;
  detail?: string;
}

export interface ArchivedDossiersReport {
  checked: number;
  mismatches: ArchivedDossierMismatch[];
  /** Closed cases whose 案卷 was not archived (an interruption after closing): `archive-dossier` archives them. */
  unarchived: string[];
}

/** Events read per page while looking for archives across the store. */
const PAGE = 1000;
const CASE_PREFIX = caseStreamId('');

/** The archived 案卷 of every closed case, verified across the store. */
@Injectable()
export class ArchivedDossiersService {
  constructor(
    private readonly binder: DossierBinder,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /**
   * Every archived 案卷 in the store bound again from its recorded revision and anchor and compared with its recorded
   * hash, from the stored events themselves (never a cache); and the closed cases not archived. One pass over the
   * log in pages, then one stream read and one binding per archive.
   */
  async verify(): Promise<ArchivedDossiersReport> {
    const archives = new Map<string, DossierArchivedData>();
    const closed = new Set<string>();
    for (let after = 0n; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      for (const e of page) {
        if (!e.streamId.startsWith(CASE_PREFIX)) continue;
        if (e.type === 'CaseClosed') closed.add(e.streamId);
        else if (e.type === 'DossierArchived') archives.set(e.streamId, e.data as DossierArchivedData);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    const mismatches: ArchivedDossierMismatch[] = [];
    for (const [streamId, record] of archives) {
      const named = {
        caseId: streamId.slice(CASE_PREFIX.length),
        revision: record.revision,
        anchor: record.anchor,
        expected: record.sha256,
      };
      try {
        const { sha256 } = await this.binder.archived(record, await this.store.readStream(streamId));
        if (sha256 !== record.sha256) mismatches.push({ ...named, actual: sha256 });
      } catch (e) {
        mismatches.push({ ...named, actual: null, detail: (e as Error).message });
      }
    }
    const unarchived = [...closed].filter((s) => !archives.has(s)).map((s) => s.slice(CASE_PREFIX.length));
    return { checked: archives.size, mismatches, unarchived };
  }
}
