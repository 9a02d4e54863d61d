import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { AccessPolicy } from './access-policy';
import { AgencyScope } from './agency-scope';
import { AuthSessionController } from './auth-session.controller';
import { DevAuthController } from './dev-auth.controller';
import { TokenService } from './token.service';

/**
 * Who the caller is (tokens) and what they may do (the access policy, the agencies they may read). The global guards
 * that apply them to every request are registered by HttpPipelineModule, which sees the case engine as well.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [DevAuthController, AuthSessionController],
  providers: [TokenService, AccessPolicy, AgencyScope],
  exports: [TokenService, AccessPolicy, AgencyScope],
})
export class AuthModule {}
