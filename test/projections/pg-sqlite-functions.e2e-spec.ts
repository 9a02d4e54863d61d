import Database from 'better-sqlite3';
import { Client } from 'pg';
import { pgFunctionsSql } from '@app/projections';
import { describeWithPg } from '../support/pg-test-database';

/** Moments as casetrail stores them, and the corners of SQLite's date parser. */
const MOMENTS = [
  '2026-09-01T10:00:00+08:00',
  '2026-09-01T02:00:00Z',
  '2026-09-01T02:00:00.000Z',
  '2026-09-01T02:00:00.0005Z',
  '2026-09-01T02:00:00.0004Z',
  '2026-09-01T02:00:00.123456Z',
  '2026-09-01T02:00:00.999999Z',
  '2026-09-01T02:00:59.9999Z',
  '2026-09-01T02:00:00.5+08:00',
  '2026-09-01',
  '2026-09-01T02:00',
  '2026-09-01 02:00:00',
  '2026-09-01TT02:00',
  '2026-09-01\t02:00',
  '2026-09-01T',
  '2026-09-01 ',
  '2026-09-01T02:00:00Z ',
  '2026-09-01T02:00:00 +08:00',
  '2026-09-01T02:00:00  +08:00',
  '2026-09-01T02:00:00z',
  '2026-09-01T02:00:00-05:30',
  '2026-09-01T02:00:00+14:00',
  '2026-09-01T00:00:00-00:00',
  '2026-02-30',
  '2026-02-31T00:00:00Z',
  '2026-09-01T24:00:00Z',
  '2026-09-01T24:30',
  '0000-01-01',
  '1970-01-01T00:00:00Z',
  '2026-12-31T16:00:00.000Z',
  '2027-01-01T00:00:00+08:00',
  '2026-03-31T23:59:59.999+08:00',
  '2026-12-31T23:59:59.999+08:00\n',
  // NULL in SQLite, and so here:
  '',
  'abc',
  '2026-13-01',
  '2026-00-01',
  '2026-09-00',
  '2026-09-32',
  '2026-09-01T25:00',
  '2026-09-01T23:60:00Z',
  '2026-09-01T23:59:60Z',
  '2026-09-01T02:00:00+0800',
  '2026-09-01T02:00:00+08',
  '2026-09-01T02:00:00+8:00',
  '2026-09-01T02:00:00+15:00',
  '2026-09-01T02:00:00+08:60',
  '2026-9-1',
  '2026-09-01T02:00:00.Z',
  '+2026-09-01',
  '2026-09-01Z',
  '2026-09-01+08:00',
  '2026-09-01T02:00:00Zjunk',
  '  2026-09-01',
  '2026-09-01T2:00',
  'T2026-09-01',
];

/** sqlite_ms() (PostgreSQL) is SQLite's julianday() in milliseconds: the same value, or NULL, for every moment above. */
describeWithPg('sqlite_ms: SQLite’s julianday() in PostgreSQL', (database) => {
  it('gives the same milliseconds (or NULL) as SQLite for stored moments and the parser’s corners', async () => {
    const sqlite = new Database(':memory:');
    const expected = MOMENTS.map((t) => {
      const { jd } = sqlite.prepare('SELECT julianday(?) AS jd').get(t) as { jd: number | null };
      // julianday is iJD / 86400000 with iJD the whole milliseconds since the julian epoch.
      return { t, ms: jd === null ? null : Math.round(jd * 86_400_000) - 210_866_760_000_000 };
    });
    sqlite.close();
    const client = new Client({ connectionString: database().url });
    await client.connect();
    try {
      const schema = database().schema('fn');
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(pgFunctionsSql(`"${schema}"`));
      const { rows } = await client.query(
        `SELECT t, "${schema}".sqlite_ms(t)::float8 AS ms FROM unnest($1::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i`,
        [MOMENTS],
      );
      expect(rows).toEqual(expected);
      expect(expected.filter((e) => e.ms === null)).toHaveLength(23);
    } finally {
      await client.end();
    }
  });
});
