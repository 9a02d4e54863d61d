import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentRenderer } from './document-renderer.service';

/** Building and rendering documents from given events: for the documents' routes and the engine's `issue-document`. */
@Module({
  imports: [DirectoryModule],
  providers: [DocumentRenderer, DocumentFontsService],
  exports: [DocumentRenderer, DocumentFontsService],
})
export class DocumentRenderingModule {}
