import { Inject, Injectable } from '@nestjs/common';
import { CaseEngine, toCaseEvent } from '@app/case-engine';
import {
  CaseDocument,
  DocumentDataMissingError,
  DocumentInput,
  DocumentKind,
  DocumentNotProducedError,
  buildDocument,
  renderDocx,
  renderHtml,
  renderPdf,
} from '@app/documents';
import { CaseEvent, RulesBook } from '@workflows/enforcement-case';
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

  /** What the documents of a case are made of: its events, the registry and the rules versions. */
  input(events: readonly CaseEvent[]): DocumentInput {
    const dir = this.directory.directory;
    return {
      events,
      registry: { agency: (id) => dir.agency(id), person: (id) => dir.person(id) },
      rules: (id) => this.rules.versions.find((v) => v.id === id),
    };
  }

  private build(kind: DocumentKind, events: CaseEvent[]): CaseDocument {
    try {
      return buildDocument(kind, this.input(events));
    } catch (e) {
      throw documentRefusal(e);
    }
  }
}

/** A refusal of a document (or of the 案卷) as the 422 problem naming its cause; anything else as it is. */
export function documentRefusal(e: unknown): unknown {
  if (e instanceof DocumentNotProducedError)
    return new ProblemException(
      problem(422, 'document-not-produced', '本案尚未产生该文书 (the case has not produced this document yet)', {
        detail: e.message,
        kind: e.kind,
        producedBy: e.producedBy,
      }),
    );
  if (e instanceof DocumentDataMissingError)
    return new ProblemException(
      problem(422, 'document-data-missing', '文书所需信息不全 (the document lacks required data)', {
        detail: `缺少：${e.missing.map((m) => `${m.zh}（${m.field}）`).join('、')} (missing: ${e.missing.map((m) => m.field).join(', ')})`,
        kind: e.kind,
        missing: e.missing,
      }),
    );
  return e;
}
