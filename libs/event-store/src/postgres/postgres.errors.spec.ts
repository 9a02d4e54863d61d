import { PostgresEventStore } from './postgres.event-store';
import { PostgresUnavailableError, describeConnectionString, isUnavailable, redactConnectionString } from './postgres.errors';

describe('PostgreSQL connection strings in messages', () => {
  const url = 'postgres://case_user:s3cr%40t-pw@db.internal.example:6543/casetrail_prod?sslmode=require&password=other';

  it('describes the target by user, host, port and database, without the password', () => {
    expect(describeConnectionString(url)).toBe('postgres://case_user@db.internal.example:6543/casetrail_prod');
    expect(describeConnectionString('postgresql://localhost/app')).toBe('postgresql://localhost:5432/app');
    expect(describeConnectionString('not a url :: s3cret')).toBe('(not a URL)');
  });

  it('masks every password when echoing a connection string back', () => {
    const redacted = redactConnectionString(url);
    expect(redacted).not.toContain('s3cr');
    expect(redacted).not.toContain('other');
    expect(redacted).toContain('db.internal.example:6543/casetrail_prod');
    expect(redactConnectionString('postgres//u:s3cret@h/db')).not.toContain('s3cret');
  });

  it('classifies refusals and failed logins as unavailable, SQL errors not', () => {
    expect(isUnavailable({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isUnavailable({ code: '28P01' })).toBe(true);
    expect(isUnavailable({ code: '23505' })).toBe(false);
    expect(isUnavailable(new Error('syntax error'))).toBe(false);
  });
});

describe('PostgresEventStore.open without a server', () => {
  it('rejects with PostgresUnavailableError naming host and port, never the password', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const error = await PostgresEventStore.open({
      connectionString: 'postgres://casetrail:s3cret-pw@127.0.0.1:1/casetrail',
      connectTimeoutMs: 5000,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PostgresUnavailableError);
    const message = (error as Error).message;
    expect(message).toContain('数据库不可达 (database unreachable)');
    expect(message).toContain('127.0.0.1:1/casetrail');
    expect(message).toContain('ECONNREFUSED');
    expect(message).not.toContain('s3cret');
    expect((error as PostgresUnavailableError).code).toBe('ECONNREFUSED');
  });
});
