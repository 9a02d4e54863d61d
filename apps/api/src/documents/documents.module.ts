import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { StoreModule } from '../store/store.module';
import { DocumentRenderingModule } from './document-rendering.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { IssuedDocumentsService } from './issued-documents.service';

/** 文书: a case's documents rendered from its events and the registry (PDF, DOCX, HTML print view), and those it issued. */
@Module({
  imports: [CasesModule, DocumentRenderingModule, StoreModule, AuthModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, IssuedDocumentsService],
  exports: [IssuedDocumentsService],
})
export class DocumentsModule {}
