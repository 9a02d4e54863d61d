import { Module } from '@nestjs/common';
import { EvidenceFilesModule } from '../evidence-files/evidence-files.module';
import { StoreModule } from '../store/store.module';
import { IntegrityController } from './integrity.controller';

/** Tamper evidence over HTTP, where the store keeps it. */
@Module({
  imports: [StoreModule, EvidenceFilesModule],
  controllers: [IntegrityController],
})
export class IntegrityModule {}
