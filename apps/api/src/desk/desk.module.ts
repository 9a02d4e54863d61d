import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DirectoryModule } from '../directory/directory.module';
import { ReadModelsModule } from '../read-models/read-models.module';
import { AwaitingService } from './awaiting.service';
import { DeskController } from './desk.controller';
import { DeadlinesService } from './deadlines.service';

/** The desk's reads over the read models: 期限预警 and 待办. */
@Module({
  imports: [ReadModelsModule, AuthModule, DirectoryModule],
  controllers: [DeskController],
  providers: [DeadlinesService, AwaitingService],
})
export class DeskModule {}
