import { Inject, Injectable } from '@nestjs/common';
import { CaseEngine, caseStreamId } from '@app/case-engine';
import { EVENT_STORE, EventStore, StoredEvent } from '@app/event-store';
import { DocumentIssuedData } from '@workflows/enforcement-case';
import { ProblemException, problem } from '../problem/problem';
import { DocumentRenderer, sha256Hex } from './document-renderer.service';
import { IssuedDocumentEntry, issuedDocuments } from './issued-documents';

/** An issued document whose PDF, rendered again from its recorded revision, is not the one issued. */
export interface IssuedDocumentMismatch {
  caseId: string;
  kind: string;
  number: string;
  revision: number;
  expected: string;
  /** The hash rendered now; null when the document cannot be rendered from that history any more. */
  actual: string | null;
  detail?: string;
}

export interface IssuedDocumentsReport {
  checked: number;
  mismatches: IssuedDocumentMismatch[];
}

/** Events read per page while looking for issued documents across the store. */
const PAGE = 1000;
const CASE_PREFIX = caseStreamId('');

/** Issued documents: listed from the case's history, fetched by number as issued, and verified across the store. */
@Injectable()
export class IssuedDocumentsService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly renderer: DocumentRenderer,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The documents the case issued, in procedural order (the 案卷 binds them so). */
  async list(caseId: string): Promise<IssuedDocumentEntry[]> {
    return issuedDocuments(await this.engine.getEvents(caseId));
  }

  /**
   * The PDF of the document issued under `number`, rendered from the revision it was issued at; refused (409) when
   * that no longer gives the recorded hash. A 送达回证 bears the number of the decision it cites: the number alone
   * names the first document issued under it in procedural order (the decision), `kind` names the other. A kind
   * issued again under the same number (a 送达回证 for each service) is told apart by the `revision` it was issued at.
   */
  async file(caseId: string, number: string, kind?: string, revision?: number): Promise<{ entry: IssuedDocumentEntry; pdf: Buffer }> {
    const events = await this.engine.getEvents(caseId);
    const entry = issuedDocuments(events).find(
      (d) => d.number === number && (kind === undefined || d.kind === kind) && (revision === undefined || d.revision === revision),
    );
    if (!entry)
      throw new ProblemException(
        problem(404, 'document-not-issued', '本案没有以该文号签发的文书 (no document of this case was issued under this number)', {
          detail: `${number}${kind ? ` (${kind})` : ''}${revision === undefined ? '' : ` @ revision ${revision}`}`,
        }),
      );
    const pdf = await this.renderer.renderIssued(entry, events);
    const actual = sha256Hex(pdf);
    if (actual !== entry.sha256)
      throw new ProblemException(
        problem(409, 'document-altered', '文书重新生成后与签发时的哈希不符 (the document no longer renders as issued)', {
          detail: `${number}: 签发时 ${entry.sha256}，现为 ${actual} (expected ${entry.sha256}, actual ${actual})`,
          number,
          expected: entry.sha256,
          actual,
        }),
      );
    return { entry, pdf };
  }

  /**
   * Every issued document in the store, rendered again from its recorded revision and compared with its recorded
   * hash; reads the stored events themselves (never a cache). One pass over the log in pages to find them, then one
   * stream read per case that issued documents and one PDF per issued document.
   */
  async verify(): Promise<IssuedDocumentsReport> {
    const byStream = new Map<string, DocumentIssuedData[]>();
    for (let after = 0n; ;) {
      const page = await this.store.readAll({ after, limit: PAGE });
      for (const e of page)
        if (e.type === 'DocumentIssued' && e.streamId.startsWith(CASE_PREFIX))
          byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.data as DocumentIssuedData]);
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    const mismatches: IssuedDocumentMismatch[] = [];
    let checked = 0;
    for (const [streamId, issued] of byStream) {
      const events = await this.store.readStream(streamId);
      for (const doc of issued) {
        checked++;
        const found = await this.check(doc, events);
        if (found) mismatches.push({ caseId: streamId.slice(CASE_PREFIX.length), ...found });
      }
    }
    return { checked, mismatches };
  }

  private async check(doc: DocumentIssuedData, events: StoredEvent[]): Promise<Omit<IssuedDocumentMismatch, 'caseId'> | null> {
    const named = { kind: doc.kind, number: doc.number, revision: doc.revision, expected: doc.sha256 };
    try {
      const actual = sha256Hex(await this.renderer.renderIssued(doc, events));
      return actual === doc.sha256 ? null : { ...named, actual };
    } catch (e) {
      return { ...named, actual: null, detail: (e as Error).message };
    }
  }
}
