import { vocabularyOf } from '@workflows/enforcement-case';
import {
  type JsonSchema,
  type OpenApiDocument,
  chinesePart,
  commandSchema,
  commandTitle,
  resolve,
} from '../../apps/console/src/api/openapi-schema';
import { TestApp, startTestApp } from '../support/test-app';

/**
 * Every field of every command body, as the console's forms draw it from the service's OpenAPI document (with the
 * console's own reading of it): a field's label is the Chinese part of its description, and an enum's options are
 * named by the vocabulary whose keys are exactly its values. Walks the real document, so a new field or enum value
 * without a Chinese name fails here.
 */
describe('command forms: Chinese labels and option names from the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const fields: { where: string; schema: JsonSchema }[] = [];

  /** Each property under `schema`, nested bodies, list items and one-of shapes included, with where it is. */
  function walk(where: string, raw: JsonSchema, seen: ReadonlySet<JsonSchema>): void {
    const schema = resolve(doc, raw);
    if (seen.has(schema)) return;
    const inside = new Set([...seen, schema]);
    for (const shape of schema.oneOf ?? []) walk(where, shape, inside);
    if (schema.items) walk(`${where}[]`, schema.items, inside);
    for (const [key, prop] of Object.entries(schema.properties ?? {})) {
      fields.push({ where: `${where}.${key}`, schema: resolve(doc, prop) });
      walk(`${where}.${key}`, prop, inside);
    }
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { SEED_DEMO: 'false' } });
    doc = (await t.http.request('GET', '/api/docs/openapi.json')).body as OpenApiDocument;
    const prefix = '/api/v1/cases/{caseId}/commands/';
    const commands = ['open-case', ...Object.keys(doc.paths).flatMap((p) => (p.startsWith(prefix) ? [p.slice(prefix.length)] : []))];
    for (const c of commands) walk(c, commandSchema(doc, c), new Set());
  });
  afterAll(async () => t?.close());

  it('reaches every field, nested bodies included', () => {
    expect(fields.map((f) => f.where)).toEqual(
      expect.arrayContaining([
        'open-case.party.creditCode',
        'open-case.criminalIndicators.deaths',
        'decide.penalties[].kind',
        'record-interference.intervener.relation',
        'approve-deferral.installments[].dueDate',
        'reply-supervision.supervisionId',
      ]),
    );
  });

  it('names a command taken by an upload route in Chinese too (the case’s allowed commands list it)', () => {
    expect(commandTitle(doc, 'attach-evidence-file')).toBe('上传证据文件');
    expect(commandTitle(doc, 'record-evidence')).toBe('调查取证');
  });

  it('labels every field in Chinese (the Chinese part of its description)', () => {
    expect(fields.filter((f) => !/[\u3400-\u9fff]/.test(chinesePart(f.schema.description) ?? '')).map((f) => f.where)).toEqual([]);
  });

  it('names every value of every enum in the vocabulary (the options of the form’s selects)', () => {
    const enums = fields.flatMap((f) => {
      const values = f.schema.enum ?? resolve(doc, f.schema.items).enum;
      return values ? [{ where: f.where, values }] : [];
    });
    expect(enums.length).toBeGreaterThan(15);
    expect(enums.filter((e) => !vocabularyOf(e.values)).map((e) => `${e.where}: ${e.values.join(', ')}`)).toEqual([]);
  });
});
