import { useEffect, useState } from 'react';
import { type OpenApiDocument, openApiDocument } from '../api/openapi-doc';

/** The service's OpenAPI document once loaded (null while loading). */
export function useOpenApiDocument(): OpenApiDocument | null {
  const [doc, setDoc] = useState<OpenApiDocument | null>(null);
  useEffect(() => {
    let live = true;
    openApiDocument()
      .then((d) => live && setDoc(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return doc;
}
