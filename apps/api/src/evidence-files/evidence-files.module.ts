import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance } from 'fastify';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { StoreModule } from '../store/store.module';
import { EvidenceFileCheck } from './evidence-file-check';
import { EvidenceFileStore } from './evidence-file-store';
import { EvidenceFilesController, UPLOAD_ROUTE_SUFFIX } from './evidence-files.controller';
import { EvidenceFilesService } from './evidence-files.service';
import { ACCEPTED_CONTENT_TYPES } from './media-type';

/** 证据文件: evidence attachments stored by their SHA-256 and recorded in the case's events (docs/evidence-files.md). */
@Module({
  imports: [CasesModule, AuthModule, StoreModule],
  controllers: [EvidenceFilesController],
  providers: [
    { provide: EvidenceFileStore, useFactory: (config: AppConfig) => new EvidenceFileStore(config.evidenceDir), inject: [APP_CONFIG] },
    EvidenceFilesService,
    EvidenceFileCheck,
  ],
  exports: [EvidenceFileCheck],
})
export class EvidenceFilesModule implements OnModuleInit {
  constructor(@Inject(HttpAdapterHost) private readonly adapter: HttpAdapterHost) {}

  /**
   * The upload route takes the file itself as its body, handed over as the request stream (never buffered whole,
   * whatever the JSON body limit). Any other route sent one of these types refuses it (415), as before.
   */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(ACCEPTED_CONTENT_TYPES as string[], (request, payload, done) => {
      if (request.routeOptions.url?.endsWith(UPLOAD_ROUTE_SUFFIX)) done(null, payload);
      else done(Object.assign(new Error(`Unsupported Media Type: ${request.headers['content-type']}`), { statusCode: 415 }), undefined);
    });
  }
}
