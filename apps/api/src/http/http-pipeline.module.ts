import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AccessGuard } from '../auth/access.guard';
import { AuthModule } from '../auth/auth.module';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CasesModule } from '../cases/cases.module';
import { DirectoryModule } from '../directory/directory.module';
import { ProblemFilter } from '../problem/problem.filter';
import { HttpResultInterceptor } from './http-result.interceptor';

/**
 * What every request passes through: the global guards, the problem filter (every error as application/problem+json)
 * and the interceptor that turns an HttpResult into headers and status. The access guard loads a case's parties
 * through the engine, so the guards are registered here, above both auth and cases.
 */
@Module({
  imports: [AuthModule, CasesModule, DirectoryModule],
  providers: [
    // Authentication, then authorization: global guards run in this order, before any pipe validates a body.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_INTERCEPTOR, useClass: HttpResultInterceptor },
  ],
})
export class HttpPipelineModule {}
