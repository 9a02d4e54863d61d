import { Inject, Injectable } from '@nestjs/common';
import { CaseEngine, toCaseEvent } from '@app/case-engine';
import { DossierChain, buildDossier, renderDossierPdf } from '@app/documents';
import { STORE_INTEGRITY, StoreIntegrity, StoredEvent } from '@app/event-store';
import { ProblemException, problem } from '../problem/problem';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentRenderer, documentRefusal } from './document-renderer.service';

export interface RenderedDossier {
  body: Buffer;
  fileName: string;
  /** The case revision the file was bound from. */
  revision: number;
}

/**
 * The 案卷 of a case as one PDF, bound from its events, the registry, and its stream's hashes with the anchor that
 * covers them (read from the store's integrity capability; a store without one gives a file that says so).
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly documents: DocumentRenderer,
    private readonly fonts: DocumentFontsService,
    @Inject(STORE_INTEGRITY) private readonly integrity: StoreIntegrity | null,
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
    const chain = await this.chain(stored);
    let dossier;
    try {
      dossier = buildDossier({ ...this.documents.input(stored.map(toCaseEvent)), chain });
    } catch (e) {
      throw documentRefusal(e);
    }
    const body = await renderDossierPdf(dossier, this.fonts.get());
    return { body, fileName: `${dossier.cover.title}${dossier.caseNo}.pdf`, revision: stored.length - 1 };
  }

  private async chain(stored: readonly StoredEvent[]): Promise<DossierChain> {
    const head = stored[stored.length - 1];
    const anchor = this.integrity ? await this.integrity.anchorCovering(head.position) : null;
    return {
      hashes: stored.every((e) => e.hash) ? stored.map((e) => e.hash!) : null,
      headPosition: String(head.position),
      anchor: anchor && { seq: anchor.seq, position: anchor.position, globalHash: anchor.globalHash, createdAt: anchor.createdAt },
    };
  }
}
