import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { StoreModule } from '../store/store.module';
import { IntegrityController } from './integrity.controller';

/** Tamper evidence over HTTP, where the store keeps it, and the issued documents' hashes. */
@Module({
  imports: [StoreModule, DocumentsModule],
  controllers: [IntegrityController],
})
export class IntegrityModule {}
