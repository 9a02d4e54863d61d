import { vocabularyOf } from '@workflows/enforcement-case';
import { TestApp, startTestApp } from '../support/test-app';

interface Schema {
  $ref?: string;
  description?: string;
  enum?: (string | number)[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
}
interface Document {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

const CJK = /[\u3400-\u9fff]/;

/**
 * Every field of every command body, as the console's forms draw it from the service's OpenAPI document: a field's
 * label and help are the Chinese part of its description, and an enum's options are named by the vocabulary whose
 * keys are exactly its values. Walks the real document, so a new field or enum value without a name fails here.
 */
describe('command forms: Chinese labels and option names from the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const fields: { where: string; schema: Schema }[] = [];

  const resolve = (s: Schema): Schema => (s.$ref ? resolve(doc.components.schemas[s.$ref.replace('#/components/schemas/', '')]) : s);

  /** Each property under `schema`, nested objects, list items and one-of shapes included, with where it is. */
  function walk(where: string, raw: Schema, seen: Set<Schema>): void {
    const schema = resolve(raw);
    if (seen.has(schema)) return;
    seen.add(schema);
    for (const part of [...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) walk(where, part, seen);
    if (schema.items) walk(`${where}[]`, schema.items, seen);
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      fields.push({ where: `${where}.${key}`, schema: prop });
      walk(`${where}.${key}`, prop, new Set(seen));
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO: 'false' } });
    doc = (await t.http.request('GET', '/api/docs/openapi.json')).body as Document;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path !== '/api/v1/cases' && !path.startsWith('/api/v1/cases/{caseId}/commands/')) continue;
      const body = ops.post?.requestBody?.content?.['application/json']?.schema;
      if (body) walk(path.replace('/api/v1/cases/{caseId}/commands/', '') || path, body, new Set());
    }
  });
  afterAll(async () => t?.close());

  it('finds the command bodies (the walk covers the open-case form and the command forms)', () => {
    const where = fields.map((f) => f.where);
    expect(where).toEqual(
      expect.arrayContaining(['/api/v1/cases.party.creditCode', 'decide.penalties[].kind', 'reply-supervision.supervisionId']),
    );
    expect(fields.length).toBeGreaterThan(100);
  });

  it('describes every field in Chinese (its label and help in the form)', () => {
    const undescribed = fields.filter((f) => !CJK.test(resolve(f.schema).description ?? f.schema.description ?? '')).map((f) => f.where);
    expect(undescribed).toEqual([]);
  });

  it('names every value of every enum in the vocabulary (the options of the form’s selects)', () => {
    const enums = fields.flatMap((f) => {
      const s = resolve(f.schema);
      const values = s.enum ?? (s.items && resolve(s.items).enum);
      return values ? [{ where: f.where, values }] : [];
    });
    expect(enums.length).toBeGreaterThan(15);
    expect(enums.filter((e) => !vocabularyOf(e.values)).map((e) => `${e.where}: ${e.values.join(', ')}`)).toEqual([]);
  });
});
