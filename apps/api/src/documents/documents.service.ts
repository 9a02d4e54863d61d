import { Injectable } from '@nestjs/common';
import { CaseEngine, toCaseEvent } from '@app/case-engine';
import {
  DOCUMENT_KINDS,
  DOCUMENT_TITLES,
  DocumentDataMissingError,
  DocumentKind,
  DocumentNotProducedError,
  buildDocument,
} from '@app/documents';
import { DocumentFormat } from './document-query.dto';
import { DocumentRenderer } from './document-renderer.service';
import { CaseDocumentsView, ProducedDocumentView } from './issued-document.response';
import { issuedDocuments } from './issued-documents';

export interface RenderedDocument {
  body: Buffer | string;
  contentType: string;
  fileName: string;
  revision: number;
}

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** Renders a case's documents from its current events and the registry; refusals become 422 problems naming the cause. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly renderer: DocumentRenderer,
  ) {}

  async render(caseId: string, kind: DocumentKind, format: DocumentFormat): Promise<RenderedDocument> {
    const stored = await this.engine.getEvents(caseId);
    const doc = this.renderer.build(kind, stored);
    const body = await this.renderer.render(doc, format);
    return { body, contentType: CONTENT_TYPES[format], fileName: `${doc.title}${doc.number}.${format}`, revision: stored.length - 1 };
  }

  /**
   * The case's documents: those its events have produced so far (a kind whose step has not happened is left out; one
   * lacking data is listed with the missing fields) and those it issued. One read of the case's own history.
   */
  async list(caseId: string): Promise<CaseDocumentsView> {
    const stored = await this.engine.getEvents(caseId);
    const input = this.renderer.input(stored.map(toCaseEvent));
    const produced: ProducedDocumentView[] = [];
    for (const kind of DOCUMENT_KINDS) {
      try {
        const doc = buildDocument(kind, input);
        produced.push({ kind, title: doc.title, number: doc.number, missing: [] });
      } catch (e) {
        if (e instanceof DocumentDataMissingError) produced.push({ kind, title: DOCUMENT_TITLES[kind], number: null, missing: e.missing });
        else if (!(e instanceof DocumentNotProducedError)) throw e;
      }
    }
    return { items: issuedDocuments(stored), produced };
  }
}
