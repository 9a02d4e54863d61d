import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentRenderer } from './document-renderer.service';
import { DossierBinder } from './dossier-binder.service';
import { StoreModule } from '../store/store.module';

/**
 * Building and rendering documents and the 案卷 from given events: for the documents' routes and the engine's
 * `issue-document` and `archive-dossier`.
 */
@Module({
  imports: [DirectoryModule, StoreModule],
  providers: [DocumentRenderer, DocumentFontsService, DossierBinder],
  exports: [DocumentRenderer, DocumentFontsService, DossierBinder],
})
export class DocumentRenderingModule {}
