import { Injectable } from '@nestjs/common';
import { CaseEngine } from '@app/case-engine';
import { DocumentKind } from '@app/documents';
import { DocumentFormat } from './document-query.dto';
import { DocumentRenderer } from './document-renderer.service';

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
}
