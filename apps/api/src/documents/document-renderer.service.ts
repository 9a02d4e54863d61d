import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DocumentSealer, PreparedDocument, toCaseEvent } from '@app/case-engine';
import { StoredEvent } from '@app/event-store';
import {
  CaseDocument,
  DocumentDataMissingError,
  DocumentInput,
  DocumentKind,
  DocumentNotProducedError,
  buildDocument,
  isDocumentKind,
  latestOccurrence,
  renderDocx,
  renderHtml,
  renderPdf,
} from '@app/documents';
import { CaseEvent, DocumentIssuedData, RulesBook } from '@workflows/enforcement-case';
import { RULES_BOOK } from '../core/rules';
import { DirectoryService } from '../directory/directory.service';
import { ProblemException, problem } from '../problem/problem';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentFormat } from './document-query.dto';
import { issueNumbering } from './issue-numbering';

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Builds and renders a case's documents from given events, the registry and the rules versions; refusals become 422
 * problems naming the cause. The engine's renderer for `issue-document` (DocumentSealer): a document is issued as
 * rendered from the events up to the revision it is issued at, bearing its number.
 */
@Injectable()
export class DocumentRenderer implements DocumentSealer {
  constructor(
    private readonly directory: DirectoryService,
    private readonly fonts: DocumentFontsService,
    @Inject(RULES_BOOK) private readonly rules: RulesBook,
  ) {}

  /**
   * The document of `kind` as these events produce it (once issued, bearing its issued number: buildDocument).
   */
  build(kind: DocumentKind, events: readonly StoredEvent[]): CaseDocument {
    let doc: CaseDocument;
    try {
      doc = buildDocument(kind, this.input(events.map(toCaseEvent)));
    } catch (e) {
      throw documentRefusal(e);
    }
    return doc;
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

  async render(doc: CaseDocument, format: DocumentFormat): Promise<Buffer | string> {
    return format === 'pdf' ? renderPdf(doc, this.fonts.get()) : format === 'docx' ? renderDocx(doc) : renderHtml(doc);
  }

  /** The PDF of an issued document: rendered from the events up to its revision, bearing its number. */
  renderIssued(issued: DocumentIssuedData, events: readonly StoredEvent[]): Promise<Buffer> {
    if (!isDocumentKind(issued.kind)) throw new Error(`unknown document kind ${issued.kind}`);
    const doc = this.build(issued.kind, events.slice(0, issued.revision + 1));
    return renderPdf({ ...doc, number: issued.number }, this.fonts.get());
  }

  prepare(kind: string, events: readonly StoredEvent[]): Promise<PreparedDocument> {
    if (!isDocumentKind(kind)) throw new Error(`unknown document kind ${kind}`);
    const doc = this.build(kind, events);
    const fonts = this.fonts.get();
    const occurrence = latestOccurrence(kind, events);
    return Promise.resolve({
      numbering: issueNumbering(doc),
      ...(occurrence === undefined ? {} : { occurrence }),
      sha256: async (number) => sha256Hex(await renderPdf({ ...doc, number }, fonts)),
    });
  }
}

/** A document (or the 案卷) the case cannot give: not produced yet, or its data missing (422, naming each field). */
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
