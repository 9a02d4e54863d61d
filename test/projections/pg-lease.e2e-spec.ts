import { Client } from 'pg';
import { PgLease } from '@app/projections';
import { describeWithPg } from '../support/pg-test-database';

/** Waits (without a deadline of its own: jest's test timeout is the bound) until `ok()` holds. */
async function until(ok: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await ok())) await new Promise((r) => setTimeout(r, 20));
}

/**
 * The lease: two instances on one database, one holds; the other stands by, is refused, and takes over when the
 * holder's session ends — terminated by the server (what a killed process amounts to), or released.
 */
describeWithPg('PgLease (advisory lock on a connection of its own)', (database) => {
  const leases: PgLease[] = [];
  const lease = (name: string, events: string[] = [], retryIntervalMs = 50) => {
    const l = new PgLease({
      connection: database().url,
      name,
      retryIntervalMs,
      checkIntervalMs: 50,
      onAcquired: () => events.push('acquired'),
      onLost: () => events.push('lost'),
    });
    leases.push(l);
    return l;
  };
  let admin: Client;
  beforeAll(async () => {
    admin = new Client({ connectionString: database().url });
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(leases.map((l) => l.stop()));
    await admin.end();
  });
  const holders = async (name: string) =>
    (
      await admin.query(
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
        [name],
      )
    ).rows.map((r) => r.pid as number);

  it('one of two holds; the other is refused while the holder lives', async () => {
    const [a, b] = [lease('t.one'), lease('t.one')];
    a.start();
    await a.acquired();
    b.start();
    await until(() => b.attempts >= 3);
    expect([a.held, b.held]).toEqual([true, false]);
    expect(await holders('t.one')).toEqual([a.backendPid]);
    expect(await a.confirm()).toBe(true);
    expect(await b.confirm()).toBe(false);
  });

  it('the standby takes over when the holder’s session is terminated, and the old holder knows it lost', async () => {
    const [aEvents, bEvents] = [[] as string[], [] as string[]];
    // The old holder retries only after a minute: the standby, trying every 50 ms, is the one to take over.
    const [a, b] = [lease('t.two', aEvents, 60_000), lease('t.two', bEvents)];
    a.start();
    await a.acquired();
    b.start();
    await until(() => b.attempts >= 1);
    expect(b.held).toBe(false);
    const killed = a.backendPid;
    await admin.query('SELECT pg_terminate_backend($1)', [killed]);
    await b.acquired();
    await until(() => !a.held);
    expect(aEvents).toEqual(['acquired', 'lost']);
    expect(bEvents).toEqual(['acquired']);
    expect(await holders('t.two')).toEqual([b.backendPid]);
    expect(await a.confirm()).toBe(false);
  });

  it('a released lease is taken by the standby; names do not interfere', async () => {
    const [a, b, other] = [lease('t.three'), lease('t.three'), lease('t.other')];
    a.start();
    other.start();
    await Promise.all([a.acquired(), other.acquired()]);
    b.start();
    await until(() => b.attempts >= 1);
    expect(b.held).toBe(false);
    await a.stop();
    await b.acquired();
    expect(await holders('t.three')).toEqual([b.backendPid]);
    expect(other.held).toBe(true);
  });

  it('confirm() finds the lock in pg_locks for keys of either sign', async () => {
    const names = (
      await admin.query(
        `SELECT n, hashtextextended(n, 0) < 0 AS negative FROM unnest(array['k.a', 'k.b', 'k.c', 'k.d', 'k.e', 'k.f', 'k.g', 'k.h']) AS n`,
      )
    ).rows as { n: string; negative: boolean }[];
    const picked = [names.find((r) => r.negative), names.find((r) => !r.negative)].map((r) => r!.n);
    for (const name of picked) {
      const l = lease(name);
      l.start();
      await l.acquired();
      expect(await l.confirm()).toBe(true);
      expect(await holders(name)).toEqual([l.backendPid]);
      await l.stop();
      expect(await l.confirm()).toBe(false);
    }
  });

  it('a holder whose connection fails notices, stops claiming the lease, and takes it again once the server let it go', async () => {
    const events: string[] = [];
    const a = lease('t.four', events);
    a.start();
    const client = await a.acquired();
    // Ends the socket under the lease without telling it (as a network failure would).
    (client as unknown as { connection: { stream: { destroy: () => void } } }).connection.stream.destroy();
    await until(() => events.length === 3);
    expect(events).toEqual(['acquired', 'lost', 'acquired']);
    expect(await holders('t.four')).toEqual([a.backendPid]);
  });
});
