import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { EvidenceFilesModule } from '../evidence-files/evidence-files.module';
import { StoreModule } from '../store/store.module';
import { IntegrityController } from './integrity.controller';

/** Tamper evidence over HTTP, where the store keeps it, the issued documents' hashes and the stored evidence files. */
@Module({
  imports: [StoreModule, DocumentsModule, EvidenceFilesModule],
  controllers: [IntegrityController],
})
export class IntegrityModule {}
