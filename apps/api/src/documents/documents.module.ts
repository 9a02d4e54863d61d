import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { DirectoryModule } from '../directory/directory.module';
import { DocumentFontsService } from './document-fonts.service';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** 文书: a case's documents rendered from its events and the registry (PDF, DOCX, HTML print view). */
@Module({
  imports: [CasesModule, DirectoryModule, AuthModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, DocumentFontsService],
})
export class DocumentsModule {}
