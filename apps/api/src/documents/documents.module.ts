import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { StoreModule } from '../store/store.module';
import { DocumentRenderingModule } from './document-rendering.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';
import { ArchivedDossiersService } from './archived-dossiers.service';
import { IssuedDocumentsService } from './issued-documents.service';

/**
 * 文书: a case's documents rendered from its events and the registry (PDF, DOCX, HTML print view), those it issued,
 * and its 案卷.
 */
@Module({
  imports: [CasesModule, DocumentRenderingModule, StoreModule, AuthModule],
  controllers: [DocumentsController, DossierController],
  providers: [DocumentsService, IssuedDocumentsService, DossierService, ArchivedDossiersService],
  exports: [IssuedDocumentsService, ArchivedDossiersService],
})
export class DocumentsModule {}
