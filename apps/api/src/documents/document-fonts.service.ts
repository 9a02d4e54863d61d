import { Inject, Injectable } from '@nestjs/common';
import { DocumentFontUnavailableError, DocumentFonts, loadDocumentFonts } from '@app/documents';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ProblemException, problem } from '../problem/problem';

/**
 * The PDF fonts, read on the first PDF asked for and kept (the files are large; DOCX and HTML need none). A font that
 * cannot be read is a 503 naming it, tried again on the next request so an operator's fix takes effect without a
 * restart.
 */
@Injectable()
export class DocumentFontsService {
  private fonts: DocumentFonts | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(): DocumentFonts {
    if (this.fonts) return this.fonts;
    try {
      this.fonts = loadDocumentFonts(this.config.documentFontPath);
      return this.fonts;
    } catch (e) {
      if (!(e instanceof DocumentFontUnavailableError)) throw e;
      throw new ProblemException(
        problem(503, 'document-font-unavailable', '文书字体不可用 (document font unavailable)', { detail: e.message, font: e.font }),
      );
    }
  }
}
