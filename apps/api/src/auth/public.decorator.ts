import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor } from '@app/case-engine';

export const IS_PUBLIC = 'casetrail:isPublic';
/** Marks a route that needs no token (health, dev identity, public decisions). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The authenticated user, as the guard resolved it from the verified token. */
export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
