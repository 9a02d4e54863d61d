/** The OpenAPI document as the console reads it: pure, so the console's reading can be tested outside a browser. */

/** The parts of a JSON schema (OpenAPI 3.0) the console's forms read. */
export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: (string | number)[];
  description?: string;
  example?: unknown;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
}

interface Operation {
  summary?: string;
  requestBody?: { content?: { 'application/json'?: { schema?: JsonSchema } } };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export const commandPath = (command: string) => `/api/v1/cases/{caseId}/commands/${command}`;

/** Commands taken by an upload route instead of a /commands route (docs/evidence-files.md). */
const UPLOAD_PATHS: Record<string, string> = { 'attach-evidence-file': '/api/v1/cases/{caseId}/evidence/{evidenceId}/files' };

function operation(doc: OpenApiDocument, command: string): Operation | undefined {
  if (command === 'open-case') return doc.paths['/api/v1/cases']?.post;
  return doc.paths[UPLOAD_PATHS[command] ?? commandPath(command)]?.post;
}

/** The Chinese part of a text that is Chinese first, then English: "立案批准 (head)" → "立案批准". */
export function chinesePart(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^[^A-Za-z(（]*[\u3400-\u9fff][^A-Za-z(（]*/.exec(text);
  const zh = m?.[0].replace(/[\s:：;；,，]+$/u, '').trim();
  return zh || undefined;
}

/** A command's name in Chinese, from its route's OpenAPI summary (e.g. 立案批准). */
export function commandTitle(doc: OpenApiDocument, command: string): string {
  return chinesePart(operation(doc, command)?.summary) ?? command;
}

/**
 * A schema with its references followed. A nested body with a description of its own comes as
 * `{ description, allOf: [{ $ref }] }`: the referenced schema, with the field's own description.
 */
export function resolve(doc: OpenApiDocument, schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {};
  for (let i = 0; i < 20; i++) {
    if (s.$ref) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
    else if (s.allOf?.length === 1) {
      const { allOf, ...own } = s;
      s = { ...resolve(doc, allOf[0]), ...own };
    } else break;
  }
  return s;
}

/** The request-body schema of a command (resolved), or an empty object schema for bodiless commands. */
export function commandSchema(doc: OpenApiDocument, command: string): JsonSchema {
  return resolve(doc, operation(doc, command)?.requestBody?.content?.['application/json']?.schema ?? { type: 'object', properties: {} });
}
