import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { ProjectionsController } from '../projections/projections.controller';
import { ProjectionsService } from '../projections/projections.service';
import { READ_MODELS } from './read-models';
import { ReadModelsCloser, pgReadModelsOptionsProvider, readModelsProvider } from './read-models.provider';

/** The read models (where they live follows the store) and the projections that keep them, with their lag. */
@Module({
  imports: [StoreModule],
  controllers: [ProjectionsController],
  providers: [pgReadModelsOptionsProvider, readModelsProvider, ReadModelsCloser, ProjectionsService],
  exports: [READ_MODELS, ProjectionsService],
})
export class ReadModelsModule {}
