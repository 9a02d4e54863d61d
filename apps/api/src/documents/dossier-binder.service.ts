import { Inject, Injectable } from '@nestjs/common';
import { DossierSealer, toCaseEvent } from '@app/case-engine';
import { DossierChain, buildDossier, renderDossier } from '@app/documents';
import { Anchor, STORE_INTEGRITY, StoreIntegrity, StoredEvent } from '@app/event-store';
import { ArchivedDossier, DossierArchivedData } from '@workflows/enforcement-case';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentRenderer, documentRefusal, sha256Hex } from './document-renderer.service';

export interface BoundDossier {
  body: Buffer;
  pages: number;
  fileName: string;
  /** The case revision the file was bound from. */
  revision: number;
}

/**
 * Binds the 案卷 from given stored events, the registry, and an anchor (its integrity page names the anchor, so the
 * same events bound with another anchor give other bytes). The engine's binder for `archive-dossier`: the file as it
 * stood at closing, hashed; bound again from the recorded revision with the recorded anchor to serve and verify it.
 */
@Injectable()
export class DossierBinder implements DossierSealer {
  constructor(
    private readonly documents: DocumentRenderer,
    private readonly fonts: DocumentFontsService,
    @Inject(STORE_INTEGRITY) private readonly integrity: StoreIntegrity | null,
  ) {}

  /** The file from these events (all of them), its integrity page naming `anchor` (or that none covers it yet). */
  async bind(stored: readonly StoredEvent[], anchor: Anchor | null): Promise<BoundDossier> {
    const head = stored[stored.length - 1];
    const chain: DossierChain = {
      hashes: stored.every((e) => e.hash) ? stored.map((e) => e.hash!) : null,
      headPosition: String(head.position),
      anchor: anchor && { seq: anchor.seq, position: anchor.position, globalHash: anchor.globalHash, createdAt: anchor.createdAt },
    };
    let dossier;
    try {
      dossier = buildDossier({ ...this.documents.input(stored.map(toCaseEvent)), chain });
    } catch (e) {
      throw documentRefusal(e);
    }
    const { pdf, pages } = await renderDossier(dossier, this.fonts.get());
    return { body: pdf, pages, fileName: `${dossier.cover.title}${dossier.caseNo}.pdf`, revision: stored.length - 1 };
  }

  /** The first anchor covering the last of these events (the one the integrity page names), null while none does. */
  covering(stored: readonly StoredEvent[]): Promise<Anchor | null> {
    return this.integrity ? this.integrity.anchorCovering(stored[stored.length - 1].position) : Promise.resolve(null);
  }

  /** The 案卷 as filed at closing: bound from the events up to the last `CaseClosed`, with the anchor covering it now. */
  async archive(events: readonly StoredEvent[]): Promise<ArchivedDossier> {
    let closed = events.length - 1;
    while (closed >= 0 && events[closed].type !== 'CaseClosed') closed--;
    if (closed < 0) throw new Error('archive-dossier: the case is not closed');
    const stored = events.slice(0, closed + 1);
    const anchor = await this.covering(stored);
    const file = await this.bind(stored, anchor);
    return { sha256: sha256Hex(file.body), revision: closed, anchor: anchor?.seq ?? null, pages: file.pages };
  }

  /**
   * The archived 案卷 bound again from its recorded revision with its recorded anchor (the first covering that head
   * never changes once it exists; an archive bound before any did names none), and the SHA-256 of those bytes.
   */
  async archived(record: DossierArchivedData, events: readonly StoredEvent[]): Promise<BoundDossier & { sha256: string }> {
    const stored = events.slice(0, record.revision + 1);
    const anchor = record.anchor === null ? null : await this.covering(stored);
    const file = await this.bind(stored, anchor);
    return { ...file, sha256: sha256Hex(file.body) };
  }
}
