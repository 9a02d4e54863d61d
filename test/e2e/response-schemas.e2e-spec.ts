import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { TestApp, startTestApp } from '../support/test-app';
import { decidedCase } from '../support/cases';
import { projectionsCaughtUp } from '../support/projections';
import { AG, HEAD, OFFICER_1, REVIEWER, at, interferenceBody, openCaseBody } from '../support/fixtures';

type Schema = Record<string, unknown>;
const DOC_ID = 'openapi.json';

/**
 * An OpenAPI 3.0 schema as JSON Schema for Ajv: `nullable` becomes "or null", references point into the document,
 * and an object that lists its properties admits no other — so an answer with a field the document does not declare
 * fails as surely as one missing a declared field.
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(rest))
    out[k] = k === '$ref' ? `${DOC_ID}${String(v)}` : k === 'properties' ? mapValues(v as Schema, toJsonSchema) : toJsonSchema(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}
const mapValues = (o: Schema, f: (v: unknown) => unknown) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

describe('answers match the response schemas of the built OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> };
  let ajv: Ajv;
  let caseId: string;

  /** The validator of what the document says `method path` answers with `status`. */
  const answerSchema = (method: string, path: string, status: number): ValidateFunction => {
    const schema = doc.paths[`/api/v1${path}`]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`the document declares no JSON answer for ${method.toUpperCase()} ${path} ${status}`);
    return ajv.compile(toJsonSchema(schema) as Schema);
  };
  /** Asks over HTTP as `user` and checks the answer against the schema of the route template `path`. */
  const expectConforms = async (user: string, method: 'get' | 'post', path: string, url: string, status = 200, body?: object) => {
    const res = await t.http.as(user, method.toUpperCase(), `/api/v1${url}`, body);
    expect(res.status).toBe(status);
    const validate = answerSchema(method, path, status);
    validate(res.body);
    expect(validate.errors ?? []).toEqual([]);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.request('GET', '/api/docs/openapi.json')).body;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(toJsonSchema({ components: (doc as unknown as { components: Schema }).components }) as Schema, DOC_ID);
    // A decided, published penalty case with a violation code and discretion level: every report has a row of it.
    caseId = await decidedCase(
      t.http,
      { kind: 'organization', name: '郴州市某化工有限公司', creditCode: '91350100M000100Y43' },
      {
        penalties: [{ kind: 'fine', amountYuan: 20_000 }],
        legalBasis: ['安全生产法第九十九条'],
        publish: true,
        decide: { violationCode: 'AQSCF-99-1', discretionLevel: 'general' },
      },
    );
    await projectionsCaughtUp(t.http);
  });
  afterAll(async () => t.close());

  it('the case view (GET /cases/{caseId}), with decision, deadlines and the machine state', async () => {
    const view = await expectConforms(OFFICER_1, 'get', '/cases/{caseId}', `/cases/${caseId}`);
    expect(view.decision).not.toBeNull();
    expect(view.deadlines.length).toBeGreaterThan(0);
  });

  it('the command answer, of a step (200) and of opening a case (201)', async () => {
    const answer = await expectConforms(
      OFFICER_1,
      'post',
      '/cases/{caseId}/commands/record-interference',
      `/cases/${caseId}/commands/record-interference`,
      200,
      {
        ...interferenceBody(),
        occurredAt: at('2026-09-09'),
      },
    );
    expect(answer.events.length).toBeGreaterThan(0);
    await expectConforms(OFFICER_1, 'post', '/cases', '/cases', 201, openCaseBody());
  });

  it('the search page (GET /cases) and the desk (GET /cases/awaiting-me, GET /deadlines)', async () => {
    await projectionsCaughtUp(t.http);
    const page = await expectConforms(OFFICER_1, 'get', '/cases', `/cases?agencyId=${AG}`);
    expect(page.items.length).toBeGreaterThan(0);
    await expectConforms(HEAD, 'get', '/cases/awaiting-me', '/cases/awaiting-me');
    const deadlines = await expectConforms(OFFICER_1, 'get', '/deadlines', '/deadlines?scope=agency&dueWithinWorkingDays=30');
    expect(deadlines.items.length).toBeGreaterThan(0);
  });

  it('the timeline at a revision and between two', async () => {
    await expectConforms(OFFICER_1, 'get', '/cases/{caseId}/timeline', `/cases/${caseId}/timeline?revision=2`);
    await expectConforms(OFFICER_1, 'get', '/cases/{caseId}/timeline', `/cases/${caseId}/timeline?from=0&to=3`);
  });

  it("the case's documents, produced and issued", async () => {
    const documents = await expectConforms(OFFICER_1, 'get', '/cases/{caseId}/documents', `/cases/${caseId}/documents`);
    expect(documents.produced.length).toBeGreaterThan(0);
  });

  it('the audit trail and the interference register and quarterly report', async () => {
    await projectionsCaughtUp(t.http);
    const audit = await expectConforms(REVIEWER, 'get', '/audit', `/audit?caseId=${caseId}`);
    expect(audit.items.length).toBeGreaterThan(0);
    const register = await expectConforms(REVIEWER, 'get', '/interference', '/interference');
    expect(register.items.length).toBeGreaterThan(0);
    await expectConforms(REVIEWER, 'get', '/interference/quarterly-report', '/interference/quarterly-report?year=2026&quarter=3');
  });

  it('the reports: assessment, consistency, staffing and their agencies', async () => {
    const assessment = await expectConforms(HEAD, 'get', '/reports/assessment', '/reports/assessment?year=2026');
    expect(assessment.filed.count).toBeGreaterThan(0);
    const behind = await expectConforms(
      HEAD,
      'get',
      '/reports/assessment/cases',
      `${assessment.filed.cases.replace('/api/v1', '')}&limit=1`,
    );
    expect(behind.items).toHaveLength(1);
    expect(behind.next).toEqual(expect.any(String));
    const consistency = await expectConforms(HEAD, 'get', '/reports/consistency', '/reports/consistency?year=2026');
    expect(consistency.groups.length).toBeGreaterThan(0);
    await expectConforms(HEAD, 'get', '/reports/staffing', '/reports/staffing');
    await expectConforms(HEAD, 'get', '/reports/agencies', '/reports/agencies');
  });

  it('the public decisions and the registry lists', async () => {
    const res = await t.http.request('GET', '/api/v1/public/decisions');
    const validate = answerSchema('get', '/public/decisions', 200);
    validate(res.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(res.body.items.length).toBeGreaterThan(0);
    await expectConforms('u-431000-admin', 'get', '/admin/agencies', '/admin/agencies');
    await expectConforms('u-431000-admin', 'get', '/admin/users', '/admin/users?includeSubordinates=true');
  });

  it('refuses an answer that drifted from its schema: a field missing, renamed or added', async () => {
    const view = (await t.http.as(OFFICER_1, 'GET', `/api/v1/cases/${caseId}`)).body;
    const validate = answerSchema('get', '/cases/{caseId}', 200);
    const refusal = (answer: object) => (validate(answer) ? null : JSON.stringify(validate.errors));
    const { stage, ...withoutStage } = view;
    expect(refusal(withoutStage)).toContain("must have required property 'stage'");
    expect(refusal({ ...withoutStage, stage, phase: stage })).toContain('"additionalProperty":"phase"');
    expect(refusal({ ...view, deadlines: [{ ...view.deadlines[0], dueIn: 3 }] })).toContain('"additionalProperty":"dueIn"');
    expect(refusal({ ...view, revision: String(view.revision) })).toContain('/revision');
    expect(refusal({ ...view, decision: null })).toBeNull();
  });
});
