import { api } from './client';
import type { OpenApiDocument } from './openapi-schema';

export * from './openapi-schema';

let loading: Promise<OpenApiDocument> | null = null;

/**
 * The service's own OpenAPI document, read once: command names and request-body schemas come from it, so the
 * console's forms and labels are the API's, not a second copy.
 */
export function openApiDocument(): Promise<OpenApiDocument> {
  loading ??= api<OpenApiDocument>('/api/docs/openapi.json', { anonymous: true })
    .then((r) => r.body)
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}
