import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { DirectoryModule } from '../directory/directory.module';
import { StoreModule } from '../store/store.module';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DossierController } from './dossier.controller';
import { DossierService } from './dossier.service';

/** 文书: a case's documents rendered from its events and the registry (PDF, DOCX, HTML print view), and its 案卷. */
@Module({
  imports: [CasesModule, DirectoryModule, AuthModule, StoreModule],
  controllers: [DocumentsController, DossierController],
  providers: [DocumentsService, DocumentFontsService, DossierService],
})
export class DocumentsModule {}
