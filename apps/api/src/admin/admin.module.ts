import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { DirectoryModule } from '../directory/directory.module';
import { DemoSeedService } from '../seed/demo-seed.service';
import { StoreModule } from '../store/store.module';
import { RegistryController } from './registry.controller';
import { RegistryService } from './registry.service';

/** Administration: the registry of agencies, users and officers, and the demo seed (its people and cases). */
@Module({
  imports: [StoreModule, DirectoryModule, AuthModule, CasesModule],
  controllers: [RegistryController],
  providers: [RegistryService, DemoSeedService],
})
export class AdminModule {}
