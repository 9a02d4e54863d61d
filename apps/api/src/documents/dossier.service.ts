import { Inject, Injectable } from '@nestjs/common';
import { CaseEngine, toCaseEvent } from '@app/case-engine';
import { DossierChain, buildDossier, renderDossierPdf } from '@app/documents';
import { STORE_INTEGRITY, StoreIntegrity, StoredEvent } from '@app/event-store';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentsService, documentRefusal } from './documents.service';

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
    private readonly documents: DocumentsService,
    private readonly fonts: DocumentFontsService,
    @Inject(STORE_INTEGRITY) private readonly integrity: StoreIntegrity | null,
  ) {}

  async render(caseId: string): Promise<RenderedDossier> {
    const stored = await this.engine.getEvents(caseId);
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
