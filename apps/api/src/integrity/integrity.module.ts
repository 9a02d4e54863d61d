import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { IntegrityController } from './integrity.controller';

/** Tamper evidence over HTTP, where the store keeps it. */
@Module({
  imports: [StoreModule],
  controllers: [IntegrityController],
})
export class IntegrityModule {}
