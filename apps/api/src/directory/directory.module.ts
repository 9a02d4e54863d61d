import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { DirectoryService } from './directory.service';

/** The registry of agencies, people and officers, as the `directory` stream has it (read by auth, cases and admin). */
@Module({
  imports: [StoreModule],
  providers: [DirectoryService],
  exports: [DirectoryService],
})
export class DirectoryModule {}
