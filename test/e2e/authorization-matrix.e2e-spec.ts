import { TestApp, startTestApp } from '../support/test-app';
import { certificate, registerInDirectory, user } from '../support/organisation';
import { at, openCaseBody } from '../support/fixtures';

/**
 * Every endpoint × role × jurisdiction over real HTTP, against the rules of docs/api.md §5 as stated there —
 * written here independently of apps/api/src/auth/access-rules.ts, so a rule that grants too much (or too little)
 * fails a cell. The endpoint list is the service's own OpenAPI document: a new route without a row here fails.
 *
 * The actor is always of 北湖区应急管理局 (ag-431002). Jurisdiction is where the target lies, seen from there:
 * own (北湖区), subordinate (the township squad it entrusted, ag-431002001), sibling (苏仙区), superior (郴州市),
 * none (长沙市应急管理局, another tree). An allowed request is sent malformed on purpose (an unknown body field) so
 * it is refused by validation (400) after authorization and changes nothing; a refused one is a 403.
 */
type Role = 'officer' | 'head' | 'legal_reviewer' | 'supervisor' | 'discipline' | 'admin';
type Jurisdiction = 'own' | 'subordinate' | 'sibling' | 'superior' | 'none';
const ROLES: Role[] = ['officer', 'head', 'legal_reviewer', 'supervisor', 'discipline', 'admin'];
const JURISDICTIONS: Jurisdiction[] = ['own', 'subordinate', 'sibling', 'superior', 'none'];

const AGENCY: Record<Jurisdiction, string> = {
  own: 'ag-431002',
  subordinate: 'ag-431002001',
  sibling: 'ag-431003',
  superior: 'ag-431000',
  none: 'ag-430100',
};
const ACTOR: Record<Role, string> = {
  officer: 'u-431002-officer-1',
  head: 'u-431002-head',
  legal_reviewer: 'u-431002-reviewer',
  supervisor: 'u-431002-supervisor',
  discipline: 'u-431002-discipline',
  admin: 'u-431002-admin',
};
/** Officers who open each jurisdiction's case (two certified officers of that agency). */
const OPENERS: Record<Jurisdiction, [string, string]> = {
  own: ['u-431002-officer-1', 'u-431002-officer-2'],
  subordinate: ['u-431002001-officer-1', 'u-431002001-officer-2'],
  sibling: ['u-431003-officer-1', 'u-431003-officer-2'],
  superior: ['u-431000-officer-1', 'u-431000-officer-2'],
  none: ['u-430100-officer-1', 'u-430100-officer-2'],
};

type Allow = (role: Role, j: Jurisdiction) => boolean;
type Target = 'case' | 'query' | 'body' | 'none' | 'public' | 'agencyPath' | 'userPath';
interface Row {
  target: Target;
  allow: Allow;
  /** The body field naming the target agency (target 'body'); default agencyId. */
  bodyField?: string;
}

// The rules of docs/api.md §5, in its words.
const is =
  (...roles: Role[]) =>
  (role: Role) =>
    roles.includes(role);
const inOwn = (j: Jurisdiction) => j === 'own';
const ownOrBelow = (j: Jurisdiction) => j === 'own' || j === 'subordinate';
/** Officers act on (and read) their own agency's cases; heads, reviewers and supervision read their agency and below. */
const readCases: Allow = (r, j) => (r === 'officer' ? inOwn(j) : ownOrBelow(j));
const interferenceReaders = is('legal_reviewer', 'supervisor', 'discipline');
/** The registry is kept by administrators, for their agency and those below it. */
const registryAdmin: Allow = (r, j) => r === 'admin' && ownOrBelow(j);
const officerOwn: Allow = (r, j) => r === 'officer' && inOwn(j);
/** Heads approve for their agency and for the organisation it entrusted (which acts in its name). */
const headOwnOrEntrusted: Allow = (r, j) => r === 'head' && ownOrBelow(j);

const COMMAND_WHO: Record<string, Allow> = {
  'approve-filing': headOwnOrEntrusted,
  'reject-filing': headOwnOrEntrusted,
  'schedule-hearing': headOwnOrEntrusted,
  decide: headOwnOrEntrusted,
  'close-case': headOwnOrEntrusted,
  'archive-dossier': headOwnOrEntrusted,
  'suspend-case': headOwnOrEntrusted,
  'resume-case': headOwnOrEntrusted,
  'extend-handling-period': headOwnOrEntrusted,
  'record-collective-discussion': headOwnOrEntrusted,
  'approve-deferral': headOwnOrEntrusted,
  'approve-referral': headOwnOrEntrusted,
  'reject-referral': headOwnOrEntrusted,
  'request-police-reconsideration': headOwnOrEntrusted,
  'refer-to-procuratorate': headOwnOrEntrusted,
  'resume-administrative-procedure': headOwnOrEntrusted,
  'impose-seizure': headOwnOrEntrusted,
  'extend-seizure': headOwnOrEntrusted,
  'release-seizure': headOwnOrEntrusted,
  'apply-court-enforcement': headOwnOrEntrusted,
  // The entrusting agency's legal reviewer reviews the entrusted organisation's decisions.
  'record-legal-review': (r, j) => r === 'legal_reviewer' && ownOrBelow(j),
  // Anyone of the case's agency or above it may record interference (docs/supervision.md §2).
  'record-interference': (_r, j) => ownOrBelow(j),
  // Only the case's handling officers attest; the actor officer handles the own case.
  'attest-interference-record': officerOwn,
  // Only the presiding officer records a hearing; none is appointed on these cases, so nobody may.
  'record-hearing': () => false,
  // 督办: supervisors, on their agency's cases and those below it; the reply is a handling officer's.
  'supervise-case': (r, j) => r === 'supervisor' && ownOrBelow(j),
  'reply-supervision': officerOwn,
  // 签发文书: a handling officer of the case.
  'issue-document': officerOwn,
};

function expectedRows(): Record<string, Row> {
  const rows: Record<string, Row> = {
    'GET /api/v1/health': { target: 'public', allow: () => true },
    'GET /api/v1/public/decisions': { target: 'public', allow: () => true },
    'GET /api/v1/auth/dev-users': { target: 'public', allow: () => true },
    'POST /api/v1/auth/dev-token': { target: 'public', allow: () => true },
    'GET /api/v1/auth/config': { target: 'public', allow: () => true },
    'GET /api/v1/auth/me': { target: 'none', allow: () => true },
    'GET /api/v1/cases': { target: 'query', allow: readCases },
    'POST /api/v1/cases': { target: 'body', allow: officerOwn },
    'GET /api/v1/cases/filing-help': { target: 'query', allow: officerOwn },
    'GET /api/v1/cases/{caseId}': { target: 'case', allow: readCases },
    // 待办: every role asks for its own; nothing of another agency is named.
    'GET /api/v1/cases/awaiting-me': { target: 'none', allow: () => true },
    // 期限预警: whoever reads an agency's cases reads their deadlines.
    'GET /api/v1/deadlines': { target: 'query', allow: readCases },
    'GET /api/v1/cases/{caseId}/events': { target: 'case', allow: readCases },
    'GET /api/v1/cases/{caseId}/timeline': { target: 'case', allow: readCases },
    'GET /api/v1/cases/{caseId}/documents/{kind}': { target: 'case', allow: readCases },
    // Issued documents, listed and fetched by number: whoever reads the case.
    'GET /api/v1/cases/{caseId}/documents': { target: 'case', allow: readCases },
    'GET /api/v1/cases/{caseId}/documents/issued/{number}': { target: 'case', allow: readCases },
    // Uploading an evidence file is an officer's step on the case (attach-evidence-file); its download reads the case.
    'POST /api/v1/cases/{caseId}/evidence/{evidenceId}/files': { target: 'case', allow: officerOwn },
    'GET /api/v1/cases/{caseId}/evidence/{evidenceId}/files/{sha256}': { target: 'case', allow: readCases },
    'GET /api/v1/cases/{caseId}/dossier.pdf': { target: 'case', allow: readCases },
    'GET /api/v1/cases/{caseId}/dossier/archived.pdf': { target: 'case', allow: readCases },
    'GET /api/v1/audit': { target: 'query', allow: (r, j) => interferenceReaders(r) && ownOrBelow(j) },
    'GET /api/v1/interference': { target: 'query', allow: (r, j) => interferenceReaders(r) && ownOrBelow(j) },
    'GET /api/v1/interference/quarterly-report': { target: 'query', allow: (r, j) => interferenceReaders(r) && ownOrBelow(j) },
    'GET /api/v1/integrity/verify': { target: 'none', allow: (r) => r !== 'officer' && r !== 'head' },
    'GET /api/v1/integrity/anchors': { target: 'none', allow: (r) => r !== 'officer' && r !== 'head' },
    'POST /api/v1/integrity/anchors': { target: 'none', allow: is('supervisor', 'admin') },
    'GET /api/v1/reports/assessment': { target: 'query', allow: readCases },
    'GET /api/v1/reports/assessment/cases': { target: 'query', allow: readCases },
    'GET /api/v1/reports/consistency': { target: 'query', allow: readCases },
    // Which agencies a report may be asked for: everyone who reads reports; the answer is their own reach.
    'GET /api/v1/reports/agencies': { target: 'none', allow: () => true },
    'GET /api/v1/projections': { target: 'none', allow: () => true },
    // Staffing (policy §16): heads, supervision and administrators, their agency and below.
    'GET /api/v1/reports/staffing': {
      target: 'query',
      allow: (r, j) => is('head', 'supervisor', 'discipline', 'admin')(r) && ownOrBelow(j),
    },
    'GET /api/v1/admin/agencies': { target: 'none', allow: is('admin') },
    'GET /api/v1/admin/events': { target: 'none', allow: is('admin') },
    'POST /api/v1/admin/agencies': { target: 'body', bodyField: 'parentId', allow: registryAdmin },
    'PATCH /api/v1/admin/agencies/{id}': { target: 'agencyPath', allow: registryAdmin },
    'GET /api/v1/admin/users': { target: 'query', allow: registryAdmin },
    'POST /api/v1/admin/users': { target: 'body', allow: registryAdmin },
    'GET /api/v1/admin/users/{id}': { target: 'userPath', allow: registryAdmin },
    'PATCH /api/v1/admin/users/{id}': { target: 'userPath', allow: registryAdmin },
    'POST /api/v1/admin/users/{id}/deactivate': { target: 'userPath', allow: registryAdmin },
    'POST /api/v1/admin/users/{id}/reactivate': { target: 'userPath', allow: registryAdmin },
    'POST /api/v1/admin/users/{id}/certificate': { target: 'userPath', allow: registryAdmin },
    'POST /api/v1/admin/users/{id}/certificate/status': { target: 'userPath', allow: registryAdmin },
    'POST /api/v1/admin/users/{id}/training': { target: 'userPath', allow: registryAdmin },
  };
  return rows;
}

function commandRow(command: string): Row {
  return { target: 'case', allow: COMMAND_WHO[command] ?? officerOwn };
}

describe('authorization matrix: every endpoint × role × jurisdiction', () => {
  let t: TestApp;
  const caseIds = {} as Record<Jurisdiction, string>;

  beforeAll(async () => {
    t = await startTestApp();
    await registerFixtureOrganisation(t);
    for (const j of JURISDICTIONS) {
      const [a, b] = OPENERS[j];
      const res = await t.http.as(
        a,
        'POST',
        '/api/v1/cases',
        openCaseBody({ agencyId: AGENCY[j], handlingOfficerIds: [a, b], occurredAt: at('2026-09-01') }),
      );
      if (res.status !== 201) throw new Error(`open-case in ${AGENCY[j]}: ${res.status} ${JSON.stringify(res.body)}`);
      caseIds[j] = res.body.case.caseId;
    }
  });
  afterAll(() => t.close());

  it('covers every route of the OpenAPI document, and grants exactly what the rules say', async () => {
    const doc = (await t.http.request('GET', '/api/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const rows = expectedRows();
    const table = new Map<string, Row>();
    for (const route of routes) {
      const command = /\/commands\/([a-z-]+)$/.exec(route)?.[1];
      const row = command ? commandRow(command) : rows[route];
      if (!row) throw new Error(`no expected rule for ${route}: add it to this matrix`);
      table.set(route, row);
    }
    expect(Object.keys(rows).filter((r) => !table.has(r))).toEqual([]);

    const wrong: string[] = [];
    let cells = 0;
    let unauthenticated = 0;
    for (const [route, row] of table) {
      const [method, path] = route.split(' ');
      // Without a token: public routes answer, every other route is a 401.
      const sends = method === 'POST' || method === 'PATCH';
      const anon = await t.http.request(method, requestPath(path, row.target, 'own'), sends ? { body: probeBody(row, 'own') } : {});
      unauthenticated++;
      if ((row.target === 'public') !== (anon.status !== 401)) wrong.push(`${route} without a token: ${anon.status}`);
      // A route's cells are independent (reads, or writes refused before anything is written): asked together.
      const probes = ROLES.flatMap((role) => JURISDICTIONS.map((j) => ({ role, j })));
      const answers = await Promise.all(
        probes.map(({ role, j }) =>
          t.http.as(ACTOR[role], method, requestPath(path, row.target, j), sends ? probeBody(row, j) : undefined),
        ),
      );
      probes.forEach(({ role, j }, i) => {
        const res = answers[i];
        cells++;
        const allowed = row.allow(role, j);
        const refused = res.status === 403;
        if (allowed === refused || res.status === 401 || res.status >= 500)
          wrong.push(`${route} as ${role} on ${j}: expected ${allowed ? 'allowed' : '403'}, got ${res.status} ${res.body?.detail ?? ''}`);
      });
    }
    // Quoted in the issue note: the size of the matrix.
    console.log(
      `authorization matrix: ${table.size} endpoints × ${ROLES.length} roles × ${JURISDICTIONS.length} jurisdictions = ${cells} cells, plus ${unauthenticated} unauthenticated`,
    );
    expect(wrong).toEqual([]);
    expect(cells).toBe(table.size * ROLES.length * JURISDICTIONS.length);
    // Thousands of real requests, some rendering PDFs (documents, the 案卷): more than jest's default minute on a busy
    // two-core machine. A bound against a hang, not a speed claim.
  }, 300_000);

  function requestPath(path: string, target: Target, j: Jurisdiction): string {
    const full = path.replace('{caseId}', caseIds[j]).replace('{id}', target === 'userPath' ? OPENERS[j][1] : AGENCY[j]);
    return target === 'query' ? `${full}?agencyId=${AGENCY[j]}` : full;
  }

  /** An unknown field: validation (after authorization) refuses it, so an allowed request writes nothing. */
  function probeBody(row: Row, j: Jurisdiction): Record<string, unknown> {
    return row.target === 'body' ? { [row.bodyField ?? 'agencyId']: AGENCY[j], matrixProbe: true } : { matrixProbe: true };
  }
});

/** The roles the demo seed lacks at 北湖区, and an agency outside Chenzhou's tree with two certified officers. */
async function registerFixtureOrganisation(t: TestApp): Promise<void> {
  await registerInDirectory(t, [
    {
      type: 'AgencyRegistered',
      data: { id: 'ag-430100', divisionCode: '430100', name: '长沙市应急管理局', shortName: '长应急', level: 'city', parentId: null },
    },
    ...(['supervisor', 'discipline', 'admin'] as const).map((role) =>
      user({ id: `u-431002-${role}`, name: `北湖区${role}`, roles: [role], agencyId: 'ag-431002' }),
    ),
    ...[1, 2].map((n) =>
      user({
        id: `u-430100-officer-${n}`,
        name: `长沙执法${n}`,
        roles: ['officer'],
        agencyId: 'ag-430100',
        certificate: certificate(`43010020240${n}`),
      }),
    ),
  ]);
}
