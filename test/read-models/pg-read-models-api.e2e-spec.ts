import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openAndFile } from '../support/cases';
import { OFFICER_1, OFFICER_2, at, cadreInterference } from '../support/fixtures';
import { describeWithPg } from '../support/pg-test-database';
import { projectionsCaughtUp } from '../support/projections';
import { startTestApp } from '../support/test-app';

const SUPERVISOR = 'u-431000-supervisor';
/** The read endpoints, as the readers who use them. The audit trail is left out: it joins the event store's own events table, which this set-up (SQLite events, PostgreSQL read models) has only in SQLite. */
const READS: [string | null, string][] = [
  [OFFICER_1, '/api/v1/cases'],
  [OFFICER_1, '/api/v1/cases?sort=decidedAt&order=asc&pageSize=5&page=2'],
  [SUPERVISOR, '/api/v1/cases?agencyId=ag-431000&includeSubordinates=true&sort=caseNo'],
  [SUPERVISOR, '/api/v1/cases?agencyId=ag-431000&includeSubordinates=true&party=%E5%85%AC%E5%8F%B8&openedFrom=2026-08-01'],
  [OFFICER_1, '/api/v1/cases?flag=interference_recorded'],
  [null, '/api/v1/public/decisions'],
  [null, '/api/v1/public/decisions?agencyId=ag-431002&pageSize=1'],
  [SUPERVISOR, '/api/v1/interference'],
  [SUPERVISOR, '/api/v1/interference?year=2026&quarter=3'],
  [SUPERVISOR, '/api/v1/interference/quarterly-report?year=2026&quarter=3'],
  ['u-431002-reviewer', '/api/v1/interference/quarterly-report?year=2026&quarter=3'],
  ['u-431002-reviewer', '/api/v1/interference?year=2026'],
  [SUPERVISOR, '/api/v1/reports/assessment?agencyId=ag-431000&includeSubordinates=true&year=2026&asOf=2026-11-27T00:00:00Z'],
  [OFFICER_1, '/api/v1/reports/assessment?year=2026&quarter=3&asOf=2026-10-01T00:00:00Z'],
  [
    SUPERVISOR,
    '/api/v1/reports/assessment/cases?figure=handling.denominator&agencyId=ag-431000&includeSubordinates=true&year=2026&limit=5',
  ],
  [OFFICER_1, '/api/v1/reports/assessment/cases?figure=handling.numerator&year=2026&quarter=3&asOf=2026-10-01T00:00:00Z&limit=500'],
  [SUPERVISOR, '/api/v1/reports/consistency?agencyId=ag-431000&includeSubordinates=true&year=2026'],
  [OFFICER_1, '/api/v1/deadlines?scope=mine'],
  [SUPERVISOR, '/api/v1/deadlines?agencyId=ag-431000&includeSubordinates=true&status=overdue&pageSize=5'],
  [SUPERVISOR, '/api/v1/deadlines?agencyId=ag-431000&includeSubordinates=true&status=all&dueWithinWorkingDays=30&page=2&pageSize=2'],
  [OFFICER_1, '/api/v1/cases/awaiting-me'],
  ['u-431002-head', '/api/v1/cases/awaiting-me?pageSize=3'],
];

/**
 * The API over PostgreSQL read models, end to end: the application (events in SQLite) writes the demo seed and a few
 * commands over HTTP while its projections run in PostgreSQL under the lease; every read endpoint answers; then the
 * same data directory is served with the read models in SQLite, rebuilt by the projection thread, and every answer is
 * the same, byte for byte.
 */
describeWithPg('the API with PostgreSQL read models answers as with SQLite ones', (database) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casetrail-pg-api-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('every read endpoint, same status and body', async () => {
    const schema = database().schema('api');
    const pgApp = await startTestApp({ dataDir, pgReadModels: { connectionString: database().url, schema } });
    const answers = async (t: typeof pgApp) => {
      await projectionsCaughtUp(t.http);
      const out = [];
      for (const [user, url] of READS) {
        const res = user ? await t.http.as(user, 'GET', url) : await t.http.request('GET', url);
        out.push({ user, url, status: res.status, body: res.body });
      }
      return { out, projections: (await t.http.as('u-431002-reviewer', 'GET', '/api/v1/projections')).body };
    };
    let onPg;
    try {
      const id = await openAndFile(pgApp.http, { occurredAt: at('2026-09-01') });
      const recorded = await pgApp.http.as(
        OFFICER_2,
        'POST',
        `/api/v1/cases/${id}/commands/record-interference`,
        cadreInterference({ occurredAt: at('2026-09-03') }),
      );
      expect(recorded.status).toBe(200);
      onPg = await answers(pgApp);
    } finally {
      await pgApp.close();
    }
    expect(onPg.out.map((a) => a.status)).toEqual(READS.map(() => 200));
    expect(onPg.out.find((a) => a.url === '/api/v1/interference')!.body.items).toHaveLength(1);
    expect(onPg.out[0].body.total).toBeGreaterThan(1);

    const sqliteApp = await startTestApp({ dataDir });
    try {
      const onSqlite = await answers(sqliteApp);
      expect(onPg).toEqual(onSqlite);
    } finally {
      await sqliteApp.close();
    }
  });
});
