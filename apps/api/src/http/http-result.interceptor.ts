import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Observable, map } from 'rxjs';
import { HttpResult } from './http-result';

/** Writes an HttpResult's ETag, Location, Idempotent-Replayed and status on the reply; the client gets its body. */
@Injectable()
export class HttpResultInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof HttpResult)) return value;
        const reply = ctx.switchToHttp().getResponse<FastifyReply>();
        const { revision, created, location, replayed } = (value as HttpResult<unknown>).meta;
        if (revision !== undefined) void reply.header('etag', `"${revision}"`);
        if (location !== undefined) void reply.header('location', location);
        if (replayed) void reply.header('idempotent-replayed', 'true');
        if (created !== undefined) void reply.status(created ? 201 : 200);
        return (value as HttpResult<unknown>).body;
      }),
    );
  }
}
