import { Inject, Injectable } from '@nestjs/common';
import { CaseEngine, toCaseEvent } from '@app/case-engine';
import {
  CaseDocument,
  DocumentDataMissingError,
  DocumentKind,
  DocumentNotProducedError,
  buildDocument,
  renderDocx,
  renderHtml,
  renderPdf,
} from '@app/documents';
import { RulesBook } from '@workflows/enforcement-case';
import { RULES_BOOK } from '../core/rules';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentFormat } from './document-query.dto';

export interface RenderedDocument {
  body: Buffer | string;
  contentType: string;
  fileName: string;
  revision: number;
}

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** Renders a case's documents from its current events and the registry; refusals become 422 problems naming the cause. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly engine: CaseEngine,
    private readonly directory: DirectoryService,
    private readonly fonts: DocumentFontsService,
    @Inject(RULES_BOOK) private readonly rules: RulesBook,
  ) {}

  async render(caseId: string, kind: DocumentKind, format: DocumentFormat): Promise<RenderedDocument> {
    const stored = await this.engine.getEvents(caseId);
    const doc = this.build(kind, stored.map(toCaseEvent));
    const body = format === 'pdf' ? await renderPdf(doc, this.fonts.get()) : format === 'docx' ? await renderDocx(doc) : renderHtml(doc);
    return { body, contentType: CONTENT_TYPES[format], fileName: `${doc.title}${doc.number}.${format}`, revision: stored.length - 1 };
  }

  private build(kind: DocumentKind, events: ReturnType<typeof toCaseEvent>[]): CaseDocument {
    const dir = this.directory.directory;
    try {
      return buildDocument(kind, {
        events,
        registry: { agency: (id) => dir.agency(id), person: (id) => dir.person(id) },
        rules: (id) => this.rules.versions.find((v) => v.id === id),
      });
    } catch (e) {
      if (e instanceof DocumentNotProducedError)
        throw new ProblemException(
          problem(422, 'document-not-produced', '本案尚未产生该文书 (the case has not produced this document yet)', {
            detail: e.message,
            kind: e.kind,
            producedBy: e.producedBy,
          }),
        );
      if (e instanceof DocumentDataMissingError)
        throw new ProblemException(
          problem(422, 'document-data-missing', '文书所需信息不全 (the document lacks required data)', {
            detail: `缺少：${e.missing.map((m) => `${m.zh}（${m.field}）`).join('、')} (missing: ${e.missing.map((m) => m.field).join(', ')})`,
            kind: e.kind,
            missing: e.missing,
          }),
        );
      throw e;
    }
  }
}
