import { ValidationPipe } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { echoTraceHeaders } from './http/tracing';
import { serveConsole } from './console/console-static';
import { VALIDATION_OPTIONS } from './problem/validation-problem';
import { cacheValidationMetadata } from './problem/validation-metadata-cache';
import { withCaseStateSchema } from './cases/dto/case-view.response';

/** Pipes, prefix and OpenAPI (the problem filter is provided by HttpPipelineModule): shared by main.ts and the e2e tests so both run the same app. */
export function configureApp(app: NestFastifyApplication): NestFastifyApplication {
  app.setGlobalPrefix('api/v1');
  echoTraceHeaders(app);
  cacheValidationMetadata();
  app.useGlobalPipes(new ValidationPipe(VALIDATION_OPTIONS));
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle('casetrail 安全生产行政执法案件 API')
    .setDescription('Officers advance enforcement cases with commands; every step is an event. 执法人员通过命令推进案件，每一步都是事件。')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, withCaseStateSchema(SwaggerModule.createDocument(app, doc)), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  // The web console at /, when it is built (npm run build).
  serveConsole(app);
  return app;
}
